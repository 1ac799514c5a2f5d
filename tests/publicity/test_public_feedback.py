"""The office's list of public feedback on published reports: by report and
year, marked answered with a note, exported; the opinions' names and
contacts for the office only — pages and REST (functional)."""

import io
import unittest

import requests
import transaction
from openpyxl import load_workbook
from tests.evaluation.base import create_report
from tests.evaluation.base import do
from tests.evaluation.base import set_up_city
from tests.publicity.base import browser
from tests.publicity.base import hidden_from
from tests.publicity.base import status
from tests.publicity.base import warm_up

from changde.perfmgmt.evaluation.feedback import SAVER
from changde.perfmgmt.evaluation.feedback import feedback_form
from changde.perfmgmt.evaluation.folders import evaluation_folder
from changde.perfmgmt.publicity import public_feedback
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import PASSWORD
from changde.perfmgmt.testing import UNIT_A_USER


def saver(form):
    from collective.easyform.api import get_actions

    return get_actions(form)[SAVER]


class TestPublicFeedbackList(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        _city, projects, _members = set_up_city(self.portal)
        self.form = feedback_form(evaluation_folder(self.portal))
        for key, title, year in (
            ("a1", "义务教育专项", 2026),
            ("b1", "公立医院改革", 2025),
        ):
            do(
                create_report(projects[key], id=key, title=title, year=year),
                "submit",
                "approve",
                "feed_back",
                "publish",
            )
        rows = saver(self.form)
        rows.addDataRow(
            {
                "report": "义务教育专项（2026）",
                "comments": "建议公开更多指标。",
                "name": "张三",
                "contact": "13900000001",
            }
        )
        rows.addDataRow(
            {"report": "公立医院改革（2025）", "comments": "整改要跟进。", "name": ""}
        )
        rows.addDataRow({"report": None, "comments": "没有选报告的意见。"})
        transaction.commit()
        self.url = f"{self.portal.absolute_url()}/@@public-feedback"
        warm_up(self.layer)

    def ids(self):
        transaction.begin()
        return sorted(row["id"] for row in public_feedback.feedback_rows())

    def test_the_office_sees_them_by_year_and_report(self):
        office = browser(self.layer, OFFICE_USER)
        office.open(self.url)
        self.assertEqual(status(office), 200)
        page = office.contents
        self.assertIn("共 <strong>3</strong> 条", page)
        self.assertLess(page.index("2026年度"), page.index("2025年度"))
        self.assertLess(page.index("建议公开更多指标"), page.index("整改要跟进"))
        self.assertIn("13900000001", page)
        self.assertIn("未注明年度", page)
        office.open(self.url + "?year=2025")
        self.assertIn("整改要跟进", office.contents)
        self.assertNotIn("建议公开更多指标", office.contents)

    def test_the_office_marks_one_answered_with_a_note(self):
        office = browser(self.layer, OFFICE_USER)
        office.open(self.url)
        # the first opinion shown (2026) is the first one sent
        first = self.ids()[0]
        self.assertEqual(office.getControl(name="id", index=0).value, str(first))
        office.getControl(name="note", index=0).value = "已电话答复。"
        office.getControl("标记为已答复", index=0).click()
        self.assertIn("已标记为已答复", office.contents)
        transaction.begin()
        (row,) = [r for r in public_feedback.feedback_rows() if r["id"] == first]
        self.assertTrue(row["answered"])
        self.assertEqual(row["note"], "已电话答复。")
        self.assertEqual(row["answered_by"], OFFICE_USER)
        office.open(self.url + "?answered=no")
        self.assertNotIn("已电话答复", office.contents)
        self.assertIn("已答复 1 条", office.contents)

    def test_the_export(self):
        office = browser(self.layer, OFFICE_USER)
        office.open(self.url.replace("@@public-feedback", "@@public-feedback.xlsx"))
        self.assertEqual(status(office), 200)
        sheet = load_workbook(io.BytesIO(office.contents)).active
        self.assertEqual(
            [cell.value for cell in sheet[1]][:5],
            ["年度", "评价报告", "意见和建议", "姓名", "联系方式"],
        )
        self.assertEqual(sheet.max_row, 4)

    def test_nobody_else_reads_them(self):
        for user in (None, UNIT_A_USER):
            visitor = browser(self.layer, user)
            for url in (self.url, self.url + ".xlsx"):
                visitor.open(url)
                self.assertTrue(hidden_from(visitor, "13900000001"), (user, url))
            response = requests.get(
                f"{self.portal.absolute_url()}/@public-feedback",
                headers={"Accept": "application/json"},
                auth=(user, PASSWORD) if user else None,
                timeout=30,
            )
            self.assertIn(response.status_code, (401, 403))
            self.assertNotIn("13900000001", response.text)
            # nor through the form's own REST answer
            response = requests.get(
                self.form.absolute_url(),
                headers={"Accept": "application/json"},
                auth=(user, PASSWORD) if user else None,
                timeout=30,
            )
            self.assertNotIn("13900000001", response.text)
            self.assertNotIn("savedDataStorage", response.text)

    def test_over_rest(self):
        auth = (OFFICE_USER, PASSWORD)
        url = f"{self.portal.absolute_url()}/@public-feedback"
        headers = {"Accept": "application/json"}
        answer = requests.get(url, headers=headers, auth=auth, timeout=30).json()
        self.assertEqual(answer["items_total"], 3)
        self.assertEqual(
            [group["year"] for group in answer["by_year"]], [2026, 2025, None]
        )
        first = answer["items"][-1]["id"]
        response = requests.post(
            url,
            json={"id": first, "answered": True, "note": "已答复"},
            headers=headers,
            auth=auth,
            timeout=30,
        )
        self.assertEqual(response.status_code, 200, response.text)
        self.assertTrue(response.json()["answered"])
        answer = requests.get(
            url, params={"answered": "false"}, headers=headers, auth=auth, timeout=30
        ).json()
        self.assertEqual(answer["items_total"], 2)
        for body, field in (
            ({"id": 1, "answered": True}, "id"),
            ({"id": "x"}, "id"),
            ({"id": first, "answered": "yes"}, "answered"),
            ({"id": first, "note": "<script>x</script>"}, "note"),
            ({"id": first, "note": "很" * 3000}, "note"),
        ):
            response = requests.post(
                url, json=body, headers=headers, auth=auth, timeout=30
            )
            self.assertEqual(response.status_code, 400, body)
            errors = response.json()["error"]["errors"]
            self.assertEqual(errors[0]["field"], field, body)
        response = requests.post(
            url, data="[1, 2]", headers=headers, auth=auth, timeout=30
        )
        self.assertEqual(response.status_code, 400)
        # unit staff may not mark
        response = requests.post(
            url,
            json={"id": first, "answered": False},
            headers=headers,
            auth=(UNIT_A_USER, PASSWORD),
            timeout=30,
        )
        self.assertIn(response.status_code, (401, 403))
