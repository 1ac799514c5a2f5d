"""The documents over real HTTP on the demo site: the office drafts the
report (REST), edits a paragraph (a new version), downloads Word and PDF,
and both carry the drafted numbers (python-docx, pypdf); a unit downloads
its own project's goal form and is refused another unit's and the annual
report; the feedback notice and the leadership report; a broken template
answers a message naming the paragraph, never a 500."""

import io
import re
import unittest

import requests
import transaction
from docx import Document
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.app.textfield.value import RichTextValue
from plone.namedfile.file import NamedBlobFile
from pypdf import PdfReader

from changde.perfmgmt.core import demo
from changde.perfmgmt.reporting.documents import pdf
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
from changde.perfmgmt.testing import RestClient

PASSWORD = "demo-password"
OFFICE = ("office", PASSWORD)
UNIT = ("shibenji-jiaoyu", PASSWORD)  # 市教育局
#: a refusal: Plone redirects a signed-in user to "insufficient privileges"
REFUSED = (302, 401, 403, 404)
JSON = {"Accept": "application/json", "Content-Type": "application/json"}


def docx_text(data):
    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def pdf_text(data):
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))


class TestDocuments(RestClient, unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
    rest_user = OFFICE

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        demo.load_demo(self.portal)
        transaction.commit()
        self.url = self.portal.absolute_url()

    def rest_get(self, path, user):
        """A REST GET of ``path`` (under the site) as ``user``."""
        return self.call("GET", f"{self.url}/{path}", user=user, allow_redirects=False)

    def get(self, path, auth, **kwargs):
        kwargs.setdefault("allow_redirects", False)
        return requests.get(f"{self.url}/{path}", auth=auth, timeout=300, **kwargs)

    def test_the_office_drafts_edits_and_exports_the_report(self):
        answer = self.call(
            "POST",
            f"{self.url}/reporting/@draft-annual-report",
            json={"year": 2026, "audience": "city_government"},
            timeout=120,
        )
        self.assertEqual(answer.status_code, 201, answer.text)
        body = answer.json()
        self.assertTrue(body["has_data"])
        figures = {f["label"]: f for f in body["figures"]}
        projects = figures["申报绩效目标的项目数"]
        self.assertTrue(projects["source"]["query"]["portal_type"], "BudgetProject")
        report_url = body["url"]
        # a unit may neither draft nor read it
        refused = self.call(
            "POST",
            f"{self.url}/reporting/@draft-annual-report",
            user=UNIT,
            json={"year": 2026},
            allow_redirects=False,
        )
        self.assertIn(refused.status_code, REFUSED)
        self.assertIn(
            requests.get(
                report_url + "/@@annual-report.docx",
                auth=UNIT,
                timeout=60,
                allow_redirects=False,
            ).status_code,
            REFUSED,
        )
        # the office edits a paragraph in the site: a new version
        current = self.call("GET", report_url + "/@annual-report")
        self.assertEqual(current.status_code, 200, current.text)
        current = current.json()
        edited = current["body_html"].replace(
            "(请绩效科根据以上情况补充存在的问题和下一步工作打算。)",
            "明年将重点推进债务绩效管理。",
        )
        patched = self.call(
            "PATCH",
            report_url,
            json={"body": {"data": edited, "content-type": "text/html"}},
        )
        self.assertEqual(patched.status_code, 204, patched.text)
        data = self.call("GET", report_url + "/@annual-report").json()
        self.assertIn("明年将重点推进债务绩效管理", data["text"])
        self.assertGreaterEqual(data["version"], 2)
        # Word: the edited text, the numbers and their sources
        word = self.get(
            report_url.replace(self.url + "/", "") + "/@@annual-report.docx", OFFICE
        )
        self.assertEqual(word.status_code, 200)
        self.assertIn("wordprocessingml", word.headers["Content-Type"])
        text = docx_text(word.content)
        self.assertIn("关于2026年度预算绩效管理工作情况的报告", text)
        self.assertIn("明年将重点推进债务绩效管理", text)
        self.assertIn(f"全市共{projects['text']}[{projects['ref']}]个项目", text)
        self.assertIn(projects["source"]["text"], text)
        # PDF: the same words and numbers, Chinese fonts embedded
        if not pdf.available():
            self.skipTest("LibreOffice is not installed")
        printed = self.get(
            report_url.replace(self.url + "/", "") + "/@@annual-report.pdf", OFFICE
        )
        self.assertEqual(printed.status_code, 200, printed.text[:500])
        self.assertEqual(printed.headers["Content-Type"], "application/pdf")
        text = pdf_text(printed.content)
        self.assertIn("关于2026年度预算绩效管理工作情况的报告", text)
        self.assertIn("明年将重点推进债务绩效管理", text)
        self.assertIn(f"全市共{projects['text']}[{projects['ref']}]个项目", text)
        reader = PdfReader(io.BytesIO(printed.content))
        page = reader.pages[0]
        self.assertAlmostEqual(float(page.mediabox.width), 595.3, delta=1)  # A4
        fonts = {
            font["/BaseFont"]
            for p in reader.pages
            for font in p["/Resources"]["/Font"].values()
            if "/BaseFont" in font.get_object()
        }
        self.assertTrue(any("CJK" in str(f) for f in fonts), fonts)
        self.assertIn("—2—", text)  # page numbers in the footer

    def test_goal_forms_notice_and_leadership_report(self):
        unit = "shibenji/jiaoyuju"
        project = f"{unit}/yiwu-jiaoyu-gaishan"
        form = self.rest_get(f"{project}/@goal-form", UNIT)
        self.assertEqual(form.status_code, 200, form.text)
        data = form.json()
        self.assertEqual(data["unit_title"], "市教育局")
        self.assertEqual(data["indicator_count"], 6)
        word = self.get(f"{project}/@@goal-form.docx", UNIT)
        self.assertEqual(word.status_code, 200)
        text = docx_text(word.content)
        self.assertIn("义务教育薄弱环节改善与能力提升", text)
        self.assertIn("改造薄弱学校数量", text)
        self.assertIn("≥20所", text)
        self.assertIn("360", text)  # 3,600,000 yuan in 万元
        # another unit's project, and the office's report, are refused
        other = "shibenji/weijianwei/jiceng-yiliao-nengli"
        self.assertIn(self.get(f"{other}/@@goal-form.docx", UNIT).status_code, REFUSED)
        self.assertIn(
            self.rest_get(f"{other}/@goal-form", UNIT).status_code,
            REFUSED,
        )
        # the unit's forms in bulk: its own projects of the year, one file
        bulk = self.rest_get(f"{unit}/@goal-forms?year=2026", UNIT).json()
        titles = {item["title"] for item in bulk["items"]}
        self.assertIn("学前教育发展专项资金", titles)
        self.assertTrue(all(item["unit_title"] == "市教育局" for item in bulk["items"]))
        word = self.get(f"{unit}/@@goal-forms.docx?year=2026", UNIT)
        self.assertEqual(word.status_code, 200)
        self.assertEqual(
            docx_text(word.content).count("年度项目支出绩效目标申报表"), len(titles)
        )
        # the feedback notice of the demo's fed-back key evaluation
        notice = self.rest_get("evaluation/demo-key-2026/@feedback-notice", OFFICE)
        self.assertEqual(notice.status_code, 200, notice.text)
        items = notice.json()["items"]
        self.assertEqual([i["deadline"] for i in items], ["2027-06-30", "2027-06-30"])
        word = self.get("evaluation/demo-key-2026/@@feedback-notice.docx", OFFICE)
        text = docx_text(word.content)
        self.assertIn("资金支付进度慢于计划", text)
        self.assertIn("2027-06-30", text)
        self.assertIn("86.5", text)
        # the leadership report: the office only
        round_path = "monitoring/2026-1"
        report = self.rest_get(f"{round_path}/@leadership-report", OFFICE).json()
        self.assertEqual(report["counts"]["suspension"], 1)
        word = self.get(f"{round_path}/@@leadership-report.docx", OFFICE)
        self.assertIn("严重问题", docx_text(word.content))
        self.assertIn(
            self.get(f"{round_path}/@@leadership-report.docx", UNIT).status_code,
            REFUSED,
        )
        if pdf.available():
            printed = self.get(f"{project}/@@goal-form.pdf", UNIT)
            self.assertEqual(printed.status_code, 200)
            self.assertIn("改造薄弱学校数量", pdf_text(printed.content))

    def test_a_broken_template_says_where(self):
        template = self.portal["reporting"]["template-goal-form"]
        from docx import Document as NewDocument

        document = NewDocument()
        document.add_paragraph("{%p for form in forms %}")
        document.add_paragraph("项目:{{ form.titel }}")
        document.add_paragraph("{%p endfor %}")
        out = io.BytesIO()
        document.save(out)
        # stored as it is (the upload check would refuse it: tested below)
        template.template_file = NamedBlobFile(data=out.getvalue(), filename="t.docx")
        transaction.commit()
        answer = self.get(
            "shibenji/jiaoyuju/yiwu-jiaoyu-gaishan/@@goal-form.docx", UNIT
        )
        self.assertEqual(answer.status_code, 409)
        self.assertIn("项目:{{ form.titel }}", answer.text)
        self.assertIn("titel", answer.text)
        # a syntax error is refused on upload, naming the paragraph
        from changde.perfmgmt.reporting.documents.render import template_problem

        document = NewDocument()
        document.add_paragraph("标题")
        document.add_paragraph("{{ form.title }")
        out = io.BytesIO()
        document.save(out)
        problem = template_problem(out.getvalue(), "申报表")
        self.assertIn("申报表", problem)
        self.assertIn("{{ form.title }", problem)


class TestEditingTheReport(unittest.TestCase):
    """Only the office sees the reporting area's tab and the draft form."""

    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        demo.load_demo(self.portal)
        report = api.content.create(
            container=self.portal["reporting"],
            type="AnnualReport",
            id="r",
            title="报告",
            year=2026,
            body=RichTextValue("<p>正文</p>", "text/html", "text/x-html-safe"),
        )
        self.report_url = report.absolute_url()
        transaction.commit()

    def test_who_sees_what(self):
        url = self.portal.absolute_url()
        page = requests.get(f"{url}/reporting", auth=OFFICE, timeout=60)
        self.assertEqual(page.status_code, 200)
        self.assertIn("draft-annual-report", page.text)
        self.assertIn('href="' + url + '/reporting"', page.text)  # the tab
        unit_page = requests.get(f"{url}/shibenji/jiaoyuju", auth=UNIT, timeout=60)
        self.assertNotIn('href="' + url + '/reporting"', unit_page.text)
        self.assertIn("goal-forms.docx", unit_page.text)
        for auth in (UNIT, None):
            answer = requests.get(
                f"{url}/reporting", auth=auth, timeout=60, allow_redirects=False
            )
            self.assertIn(answer.status_code, (302, 401, 403))
            answer = requests.get(
                self.report_url, auth=auth, timeout=60, allow_redirects=False
            )
            self.assertIn(answer.status_code, (302, 401, 403))


class TestTemplateUpload(RestClient, unittest.TestCase):
    """The office replaces a template over REST (a version is kept); a
    template whose tags are broken is refused on the field, nothing written."""

    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
    rest_user = OFFICE

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        demo.load_demo(self.portal)
        transaction.commit()
        self.url = f"{self.portal.absolute_url()}/reporting/template-goal-form"

    def upload(self, document):
        import base64

        out = io.BytesIO()
        document.save(out)
        return self.call(
            "PATCH",
            self.url,
            json={
                "template_file": {
                    "data": base64.b64encode(out.getvalue()).decode(),
                    "encoding": "base64",
                    "filename": "goal-form.docx",
                    "content-type": "application/vnd.openxmlformats-officedocument."
                    "wordprocessingml.document",
                }
            },
        )

    def test_replace_and_refuse(self):
        document = Document()
        document.add_paragraph("{%p for form in forms %}")
        document.add_paragraph("新表:{{ form.title }}")
        document.add_paragraph("{%p endfor %}")
        answer = self.upload(document)
        self.assertEqual(answer.status_code, 204, answer.text)
        word = requests.get(
            f"{self.portal.absolute_url()}/shibenji/jiaoyuju/yiwu-jiaoyu-gaishan"
            "/@@goal-form.docx",
            auth=UNIT,
            timeout=120,
        )
        self.assertIn("新表:义务教育薄弱环节改善与能力提升", docx_text(word.content))
        broken = Document()
        broken.add_paragraph("标题")
        broken.add_paragraph("{{ form.title }")
        answer = self.upload(broken)
        self.assertEqual(answer.status_code, 400)
        error = answer.json()["error"]["errors"][0]
        self.assertEqual(error["field"], "template_file")
        self.assertIn("第 2 段「{{ form.title }」", error["message"])
        # the good template stays
        word = requests.get(
            f"{self.portal.absolute_url()}/shibenji/jiaoyuju/yiwu-jiaoyu-gaishan"
            "/@@goal-form.docx",
            auth=UNIT,
            timeout=120,
        )
        self.assertIn("新表:", docx_text(word.content))


class TestMeasureOverRest(RestClient, unittest.TestCase):
    """A measure's rules over plone.restapi: field-level 400s, nothing written."""

    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        demo.load_demo(self.portal)
        transaction.commit()
        self.url = f"{self.portal.absolute_url()}/reporting/work-plan-2019/measure-9"

    def patch(self, data, auth=OFFICE):
        return self.call("PATCH", self.url, user=auth, json=data, allow_redirects=False)

    def test_refusals_and_a_progress_note(self):
        for data, field in (
            ({"leader": "郑维菊、杨天生"}, "leader"),
            ({"offices": []}, "offices"),
            ({"offices": ["绩效科", "绩效科"]}, "offices"),
            ({"status": "finished"}, "status"),
            (
                {"progress_notes": [{"date": "2019-13-40", "text": "x"}]},
                "progress_notes",
            ),
        ):
            answer = self.patch(data)
            self.assertEqual(answer.status_code, 400, (data, answer.text))
            fields = [e.get("field") or "" for e in answer.json()["error"]["errors"]]
            self.assertTrue(any(name.startswith(field) for name in fields), answer.text)
        answer = self.patch(
            {
                "status": "in_progress",
                "progress_notes": [
                    {"date": "2019-11-10", "text": "完成第二轮监控", "evidence": []}
                ],
            }
        )
        self.assertEqual(answer.status_code, 204, answer.text)
        measures = self.call(
            "GET",
            f"{self.portal.absolute_url()}/reporting/work-plan-2019/@measures",
            user=OFFICE,
        ).json()
        nine = measures["items"][8]
        self.assertEqual(nine["leader"], "郑维菊")
        self.assertEqual(nine["lead_office"], "绩效科")
        self.assertEqual(nine["status"], "in_progress")
        self.assertEqual(nine["latest_note"]["text"], "完成第二轮监控")
        self.assertEqual(measures["status_counts"]["in_progress"], 1)
        # a unit may not see the plan; a reviewer reads but may not edit
        self.assertIn(
            self.call("GET", self.url, user=UNIT, allow_redirects=False).status_code,
            REFUSED,
        )
        self.assertIn(
            self.patch({"status": "done"}, auth=("reviewer", PASSWORD)).status_code,
            REFUSED,
        )


class TestNoticeIsNotPublic(unittest.TestCase):
    """A published key evaluation is public; its feedback notice is not."""

    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        demo.load_demo(self.portal)
        transaction.commit()
        self.url = f"{self.portal.absolute_url()}/evaluation/demo-key-2026"

    def test_anonymous_and_other_units_get_no_notice(self):
        page = requests.get(self.url, timeout=60)
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("feedback-notice", page.text)
        for auth in (None, UNIT):
            for path in ("/@@feedback-notice.docx", "/@feedback-notice"):
                answer = requests.get(
                    self.url + path,
                    auth=auth,
                    headers=JSON,
                    timeout=60,
                    allow_redirects=False,
                )
                self.assertNotEqual(answer.status_code, 200, (auth, path))
                self.assertNotIn("资金支付进度慢于计划", answer.text)
        office = requests.get(self.url, auth=OFFICE, timeout=60)
        self.assertIn("feedback-notice.docx", office.text)
