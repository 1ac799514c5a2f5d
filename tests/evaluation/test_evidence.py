"""Evidence of a rectification item as real content: files inside the item
(``EvidenceFile``), listed under the item's page with a download link for
those who may see the item, uploaded by the unit while the item is open (UI
and REST; the REST path is also in test_rest_path); the upgrade step turns
the old ``evidence`` list into such files."""

import base64
import datetime

import transaction
from plone import api
from plone.namedfile.file import NamedBlobFile
from plone.testing.zope import Browser
from tests.evaluation.base import create_report
from tests.evaluation.base import do
from tests.evaluation.test_rest_path import DENIED
from tests.evaluation.test_rest_path import RestTestCase

from changde.perfmgmt.evaluation.upgrades import to_1005
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import PASSWORD
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import UNIT_B_USER

PDF = b"%PDF-1.4 evidence of the works"


class EvidenceTestCase(RestTestCase):
    def setUp(self):
        super().setUp()
        report = create_report(self.projects["a1"], id="key-a1")
        self.item = api.content.create(
            container=report,
            type="RectificationItem",
            id="i1",
            problem="资金支付进度慢于计划",
            deadline=datetime.date(2027, 6, 30),
        )
        do(report, "submit", "approve", "feed_back")
        transaction.commit()
        self.url = self.item.absolute_url()

    def browser(self, user):
        browser = Browser(self.layer["app"])
        browser.handleErrors = False
        browser.raiseHttpErrors = False
        browser.addHeader("Accept-Language", "zh-cn")
        browser.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
        return browser

    def upload(self, user=UNIT_A_USER, filename="验收单.pdf"):
        return self.call(
            "POST",
            self.url,
            user=user,
            json={
                "@type": "EvidenceFile",
                "file": {
                    "data": base64.b64encode(PDF).decode(),
                    "encoding": "base64",
                    "filename": filename,
                    "content-type": "application/pdf",
                },
            },
        )


class TestEvidence(EvidenceTestCase):
    def test_the_unit_uploads_in_the_form_and_the_page_lists_it(self):
        browser = self.browser(UNIT_A_USER)
        browser.open(self.url)
        self.assertIn("整改佐证材料", browser.contents)
        browser.getLink("上传佐证材料").click()
        browser.getControl(name="form.widgets.file").add_file(
            PDF, "application/pdf", "完工照片.pdf"
        )
        browser.getControl(name="form.buttons.save").click()
        self.assertIn("@@download", browser.contents)  # the file's page
        browser.open(self.url)
        self.assertIn("完工照片.pdf", browser.contents)
        browser.getLink(url="@@download/file").click()
        self.assertEqual(browser.contents, PDF)

    def test_the_office_downloads_others_may_not(self):
        response = self.upload()
        self.assertEqual(response.status_code, 201, response.text)
        download = response.json()["file"]["download"]
        self.assertEqual(self.call("GET", download).content, PDF)
        for user in (None, UNIT_B_USER):
            self.assertIn(self.call("GET", download, user=user).status_code, DENIED)
        found = self.call(
            "GET",
            f"{self.portal_url}/@search?portal_type=EvidenceFile",
            user=UNIT_B_USER,
        ).json()
        self.assertEqual(found["items_total"], 0)

    def test_the_other_unit_may_not_upload(self):
        self.assertIn(self.upload(user=UNIT_B_USER).status_code, DENIED)

    def test_the_unit_removes_a_file_uploaded_by_mistake_while_open(self):
        url = self.upload().json()["@id"]
        response = self.call("DELETE", url, user=UNIT_A_USER)
        self.assertEqual(response.status_code, 204, response.text)

    def test_no_upload_once_accepted(self):
        self.upload()
        transaction.begin()
        self.item.measures = "已整改。"
        do(self.item, "submit", "accept")
        transaction.commit()
        self.assertIn(self.upload().status_code, DENIED)
        browser = self.browser(UNIT_A_USER)
        browser.open(self.url)
        self.assertIn("验收单.pdf", browser.contents)
        self.assertNotIn("上传佐证材料", browser.contents)
        browser = self.browser(OFFICE_USER)
        browser.open(self.url)
        self.assertIn("验收单.pdf", browser.contents)


class TestUpgrade(EvidenceTestCase):
    def test_the_old_evidence_list_becomes_files_in_the_item(self):
        item = self.item
        # an item as version 1000 stored it: no folder data, a list of files
        for name in ("_tree", "_count", "_mt_index"):
            item.__dict__.pop(name, None)
        item.evidence = [NamedBlobFile(PDF, filename="旧佐证.pdf")]
        item._p_changed = True
        transaction.commit()

        to_1005(api.portal.get_tool("portal_setup"))
        transaction.commit()

        self.assertNotIn("evidence", item.__dict__)
        (evidence,) = item.objectValues()
        self.assertEqual(evidence.portal_type, "EvidenceFile")
        self.assertEqual(evidence.Title(), "旧佐证.pdf")
        self.assertEqual(evidence.file.data, PDF)
        listed = self.call("GET", self.url, user=UNIT_A_USER).json()["items"]
        self.assertEqual(len(listed), 1)
