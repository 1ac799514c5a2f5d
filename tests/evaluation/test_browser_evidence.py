"""In the browser: a unit's staff opens its open rectification item, uploads
a file of evidence with the button under the item and finds it listed with a
download link; the office reads the project's history (who changed the
amount, when, with which note) and compares two versions. At phone width
the item page is no wider than the window."""

import datetime
import os
import tempfile

import requests
import transaction
from plone import api
from selenium.webdriver.common.by import By
from tests.evaluation.base import create_report
from tests.evaluation.base import do
from tests.evaluation.base import set_up_city

from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import PASSWORD
from changde.perfmgmt.testing import PHONE
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import BrowserTestCase
from changde.perfmgmt.testing import create_project


class TestEvidenceAndHistory(BrowserTestCase):
    create_city = False

    def setUp(self):
        super().setUp()
        with api.env.adopt_roles(["Manager"]):
            _city, self.projects, _members = set_up_city(self.portal)
            report = create_report(self.projects["a1"], id="key-a1")
            self.item = api.content.create(
                container=report,
                type="RectificationItem",
                id="i1",
                problem="部分学校改造进度滞后",
                deadline=datetime.date(2027, 6, 30),
            )
            do(report, "submit", "approve", "feed_back")

    def city_unit_a(self):
        return self.portal["shibenji"]["unit-a"]

    def press(self, element):
        # a click as the page's script receives it (the toolbar may cover the
        # element at phone width)
        self.driver.execute_script(
            "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();",
            element,
        )
        self.wait_until(
            lambda d: d.execute_script("return document.readyState") == "complete"
        )

    def test_the_unit_uploads_evidence(self):
        self.login(UNIT_A_USER)
        self.open(self.item.absolute_url())
        section = self.find(".perfmgmt-evidence")
        self.assertIn("尚未上传佐证材料", section.text)
        self.press(self.driver.find_element(By.LINK_TEXT, "上传佐证材料"))
        with tempfile.NamedTemporaryFile(
            suffix=".pdf", prefix="yanshou-", delete=False
        ) as upload:
            upload.write(b"%PDF-1.4 evidence")
        try:
            self.find("input[type=file][name='form.widgets.file']").send_keys(
                upload.name
            )
            self.press(self.find("#form-buttons-save"))
        finally:
            os.unlink(upload.name)
        self.open(self.item.absolute_url())
        links = self.find_all(".perfmgmt-evidence a[href$='@@download/file']")
        self.assertEqual(len(links), 1)
        self.assertTrue(links[0].text.startswith("yanshou-"))
        self.set_width(PHONE[0])
        self.open(self.item.absolute_url())
        self.assertEqual(self.horizontal_overflow(), 0)

    def test_the_office_reads_and_compares_the_history(self):
        with api.env.adopt_roles(["Manager"]):
            project = create_project(self.city_unit_a(), id="draft-p", indicators=1)
        transaction.commit()
        response = requests.patch(
            project.absolute_url(),
            headers={"Accept": "application/json"},
            auth=(UNIT_A_USER, PASSWORD),
            json={"amount": "1200000", "changeNote": "按财政局意见调整"},
            timeout=60,
        )
        self.assertEqual(response.status_code, 204, response.text)
        self.login(OFFICE_USER)
        self.open(f"{project.absolute_url()}/@@historyview")
        page = self.find("#content").text
        self.assertIn("按财政局意见调整", page)
        self.open(f"{project.absolute_url()}/@@history?one=1&two=0")
        self.assertIn("1200000", self.find("#content").text)
