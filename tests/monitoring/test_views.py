"""The monitoring pages (test browser against the functional layer): the
folder with overdue rounds and the create-year form, the round page with
filters and counts, the Excel template, upload and export, a project's
records."""

import json
import unittest
from io import BytesIO

import transaction
from openpyxl import Workbook
from openpyxl import load_workbook
from plone import api
from plone.testing.zope import Browser
from tests.monitoring.base import set_up_city

from changde.perfmgmt.core.excel import XLSX_MIME_TYPE
from changde.perfmgmt.monitoring import excel
from changde.perfmgmt.monitoring import importer
from changde.perfmgmt.monitoring.rounds import create_year_rounds
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
from changde.perfmgmt.testing import DISTRICT_USER
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import PASSWORD
from changde.perfmgmt.testing import UNIT_A_USER


def workbook_bytes(rows, indicator_rows=()):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = excel.DATA_SHEET
    sheet.append([header for _, header in excel.DATA_COLUMNS])
    for row in rows:
        sheet.append(row)
    if indicator_rows:
        indicators = workbook.create_sheet(excel.INDICATOR_SHEET)
        indicators.append([header for _, header in excel.INDICATOR_COLUMNS])
        for row in indicator_rows:
            indicators.append(row)
    stream = BytesIO()
    workbook.save(stream)
    return stream.getvalue()


class ViewTestCase(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.city, self.projects, self.rounds = set_up_city(self.portal)
        self.round = self.rounds[0]
        self.round_url = self.round.absolute_url()
        transaction.commit()

    def browser(self, user=OFFICE_USER):
        browser = Browser(self.layer["app"])
        browser.handleErrors = False
        browser.addHeader("Accept-Language", "zh-cn")
        if user:
            browser.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
        return browser

    def load(self, rows):
        plans, problems = importer.check_rows(self.round, rows)
        self.assertEqual(problems, [])
        importer.apply_rows(self.round, plans)
        transaction.commit()

    def records(self):
        transaction.begin()
        catalog = api.portal.get_tool("portal_catalog")
        return {
            brain.project_code: brain
            for brain in catalog.unrestrictedSearchResults(
                portal_type="MonitoringRecord"
            )
        }

    def upload(self, data, user=OFFICE_USER, progress_token=None):
        browser = self.browser(user)
        browser.open(f"{self.round_url}/@@monitoring-upload")
        if progress_token:
            browser.getControl(name="progress_token").value = progress_token
        control = browser.getControl(name="file")
        control.add_file(BytesIO(data), XLSX_MIME_TYPE, "data.xlsx")
        browser.getControl(name="form.upload").click()
        return browser


class TestFolderAndRound(ViewTestCase):
    def test_folder_lists_rounds_and_overdue(self):
        create_year_rounds(2025)
        transaction.commit()
        browser = self.browser()
        browser.open(f"{self.portal.absolute_url()}/monitoring")
        self.assertIn("2026年第1轮运行监控", browser.contents)
        self.assertIn("perfmgmt-overdue", browser.contents)
        self.assertIn("2025年第2轮运行监控", browser.contents)
        self.assertIn('data-status="overdue"', browser.contents)

    def test_create_year_rounds_button(self):
        browser = self.browser()
        browser.open(f"{self.portal.absolute_url()}/monitoring")
        browser.getControl(name="year").value = "2028"
        browser.getControl(name="form.create").click()
        self.assertIn("2028年第2轮运行监控", browser.contents)
        transaction.begin()
        self.assertIn("2028-1", self.portal["monitoring"])

    def test_units_get_no_create_form(self):
        browser = self.browser(UNIT_A_USER)
        browser.open(f"{self.portal.absolute_url()}/monitoring")
        self.assertNotIn("perfmgmt-create-year", browser.contents)

    def test_round_page_lists_counts_and_filters(self):
        self.load(
            [
                {"project_code": "A-001", "budget_amount": 100, "executed_amount": 50},
                {"project_code": "B-001", "budget_amount": 100, "executed_amount": 70},
                {
                    "project_code": "W-001",
                    "budget_amount": 100,
                    "executed_amount": 90,
                    "severity": "serious",
                },
            ]
        )
        browser = self.browser()
        browser.open(self.round_url)
        contents = browser.contents
        self.assertIn("2026-11-13", contents)
        self.assertIn("50.00", contents)
        self.assertIn('class="count-total">3<', contents)
        self.assertIn('class="share-meeting">66.67<', contents)
        self.assertIn("perfmgmt-chart", contents)
        self.assertIn("武陵区", contents)
        browser.open(f"{self.round_url}?flag=below_target")
        self.assertIn('data-flags="below_target"', browser.contents)
        self.assertNotIn('data-flags="suspension"', browser.contents)
        browser.open(f"{self.round_url}?jurisdiction=wuling")
        self.assertIn('class="count-total">1<', browser.contents)
        browser.open(f"{self.round_url}?sort_on=execution_rate&sort_order=reverse")
        contents = browser.contents
        self.assertLess(contents.index("90.00"), contents.index("50.00"))
        # a district sees its own records only
        browser = self.browser(DISTRICT_USER)
        browser.open(self.round_url)
        self.assertIn('class="count-total">1<', browser.contents)
        self.assertNotIn("monitoring-upload", browser.contents)

    def test_project_records_page(self):
        self.load(
            [{"project_code": "A-001", "budget_amount": 100, "executed_amount": 50}]
        )
        browser = self.browser(UNIT_A_USER)
        # the project page links to its records
        browser.open(self.projects["a1"].absolute_url())
        self.assertIn("运行监控记录（1 条）", browser.contents)
        browser.getLink("运行监控记录（1 条）").click()
        self.assertIn("perfmgmt-project-records", browser.contents)
        self.assertIn("50.00", browser.contents)


class TestExcel(ViewTestCase):
    def test_template_lists_the_approved_projects(self):
        browser = self.browser()
        browser.open(f"{self.round_url}/@@monitoring-template.xlsx")
        self.assertEqual(browser.headers["Content-Type"], XLSX_MIME_TYPE)
        workbook = load_workbook(
            BytesIO(
                browser.contents.encode("latin-1")
                if isinstance(browser.contents, str)
                else browser.contents
            )
        )
        rows = list(workbook[excel.DATA_SHEET].iter_rows(values_only=True))
        self.assertEqual(rows[0][0], "项目编码")
        self.assertEqual(
            sorted(row[0] for row in rows[1:]), ["A-001", "A-002", "B-001", "W-001"]
        )
        indicators = list(workbook[excel.INDICATOR_SHEET].iter_rows(values_only=True))
        self.assertEqual(len(indicators), 1 + 4 * 2)

    def test_upload_creates_records(self):
        data = workbook_bytes(
            [
                ["A-001", None, "项目", 1000, 600, None, "无问题"],
                [
                    None,
                    api.content.get_uuid(self.projects["b1"]),
                    None,
                    "2,000",
                    100,
                    "挪用",
                    "严重问题",
                ],
            ],
            indicator_rows=[
                ["A-001", None, "指标 1", "20", 8, "否", "工期延误", "加快"]
            ],
        )
        browser = self.upload(data)
        self.assertIn("perfmgmt-upload-result", browser.contents)
        records = self.records()
        self.assertEqual(sorted(records), ["A-001", "B-001"])
        self.assertEqual(records["B-001"].severity, "serious")
        self.assertEqual(
            records["B-001"].monitoring_flags, ["below_target", "suspension"]
        )
        progress = records["A-001"].getObject().indicator_progress
        self.assertEqual(progress[0]["actual_value"], "8")
        self.assertFalse(progress[0]["on_track"])
        # the same file again: updated, not duplicated
        self.upload(data)
        self.assertEqual(len(self.records()), 2)

    def test_the_upload_page_can_follow_the_import(self):
        data = workbook_bytes([["A-001", None, "项目", 1000, 600, None, "无问题"]])
        self.upload(data, progress_token="t-1")
        browser = self.browser()
        browser.open(f"{self.round_url}/@@monitoring-import-progress?token=t-1")
        self.assertEqual(
            json.loads(browser.contents), {"phase": "done", "done": 1, "total": 1}
        )
        browser.open(f"{self.round_url}/@@monitoring-import-progress?token=other")
        self.assertEqual(json.loads(browser.contents), {})

    def test_upload_with_a_bad_row_writes_nothing(self):
        data = workbook_bytes(
            [
                ["A-001", None, "项目", 1000, 600, None, None],
                [None, None, None, None, None, None, None],
                ["A-002", None, "项目", 1000, -1, None, None],
            ]
        )
        browser = self.upload(data)
        self.assertIn("perfmgmt-upload-errors", browser.contents)
        # sheet row numbers: the blank row 3 is skipped, the bad row is row 4
        self.assertIn("<td>4</td>", browser.contents)
        self.assertIn("executed_amount", browser.contents)
        self.assertEqual(self.records(), {})

    def test_not_an_xlsx(self):
        browser = self.upload(b"not a workbook")
        self.assertIn("perfmgmt-upload-errors", browser.contents)
        self.assertEqual(self.records(), {})

    def test_units_cannot_upload(self):
        browser = self.browser(UNIT_A_USER)
        browser.handleErrors = True
        browser.raiseHttpErrors = False
        browser.open(f"{self.round_url}/@@monitoring-upload")
        self.assertNotIn('name="file"', browser.contents)

    def test_export(self):
        self.load(
            [
                {"project_code": "A-001", "budget_amount": 100, "executed_amount": 50},
                {"project_code": "W-001", "budget_amount": 100, "executed_amount": 90},
            ]
        )
        browser = self.browser()
        browser.open(f"{self.round_url}/@@monitoring-export.xlsx")
        body = browser.contents
        workbook = load_workbook(
            BytesIO(body if isinstance(body, bytes) else body.encode("latin-1"))
        )
        rows = list(workbook.active.iter_rows(values_only=True))
        self.assertEqual(rows[0][0], "区县市")
        by_code = {row[2]: row for row in rows[1:]}
        self.assertEqual(sorted(by_code), ["A-001", "W-001"])
        self.assertEqual(by_code["A-001"][6], 50)
        self.assertEqual(by_code["A-001"][7], "低于目标")
        # a district exports its own only
        browser = self.browser(DISTRICT_USER)
        browser.open(f"{self.round_url}/@@monitoring-export.xlsx")
        body = browser.contents
        workbook = load_workbook(
            BytesIO(body if isinstance(body, bytes) else body.encode("latin-1"))
        )
        rows = list(workbook.active.iter_rows(values_only=True))
        self.assertEqual([row[2] for row in rows[1:]], ["W-001"])
