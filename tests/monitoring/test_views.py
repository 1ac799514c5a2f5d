"""The monitoring pages (test browser against the functional layer): the
folder with overdue rounds and the create-year form, the round page with
filters and counts, the Excel template, upload and export, a project's
records."""

import json
import re
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
from changde.perfmgmt.testing import UNIT_B_USER


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

    def test_a_row_whose_record_was_submitted_meanwhile_is_named(self):
        from unittest import mock

        from changde.perfmgmt.monitoring.rules.import_rows import RowViolation
        from changde.perfmgmt.monitoring.rules.records import locked_record_violation

        def submitted_meanwhile(monitoring_round, plans, skipped):
            # the unit submitted the first row's record after the check
            first, *others = plans
            (violation,) = locked_record_violation("submitted", "project_code")
            skipped.append(RowViolation(first.row.row, violation))
            return others

        data = workbook_bytes(
            [
                ["A-001", None, "项目", 1000, 600, None, "无问题"],
                ["B-001", None, "项目", 1000, 500, None, "无问题"],
            ]
        )
        with mock.patch.object(importer, "_still_writable", submitted_meanwhile):
            browser = self.upload(data)
        self.assertIn("perfmgmt-upload-result", browser.contents)
        self.assertIn("perfmgmt-upload-skipped", browser.contents)
        self.assertIn("以下行未写入", browser.contents)
        self.assertIn("已提交/已确认的记录须先退回", browser.contents)
        self.assertIn("<td>项目编码</td>", browser.contents)
        self.assertEqual(sorted(self.records()), ["B-001"])

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
        self.assertIn("<td>执行金额（元）</td>", browser.contents)
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


def english_defaults(schema):
    """The English default texts of a schema's field labels."""
    from zope.schema import getFields

    return {
        field.title.default
        for field in getFields(schema).values()
        if getattr(field.title, "default", None)
        and not any("\u4e00" <= char <= "\u9fff" for char in field.title.default)
    }


class TestFormsInChinese(ViewTestCase):
    """The site speaks zh-cn: the rounds' and records' forms show Chinese."""

    def setUp(self):
        super().setUp()
        self.load(
            [{"project_code": "A-001", "budget_amount": 100, "executed_amount": 50}]
        )
        transaction.begin()
        self.record = self.round[api.content.get_uuid(self.projects["a1"])]
        self.record_url = self.record.absolute_url()

    def assert_chinese_labels(self, contents, schema, expected):
        for label in expected:
            self.assertIn(label, contents)
        for english in english_defaults(schema):
            pattern = r">\s*" + re.escape(english) + r"\s*<"
            self.assertIsNone(re.search(pattern, contents), english)
        # the record's own actions in the toolbar, too
        for english in ("Indicator progress", "Focus answers"):
            self.assertNotIn(english, contents)

    def test_round_edit_and_view(self):
        from changde.perfmgmt.monitoring.content.monitoring_round import (
            IMonitoringRound,
        )

        browser = self.browser()
        browser.open(f"{self.round_url}/edit")
        self.assert_chinese_labels(
            browser.contents,
            IMonitoringRound,
            ("预算年度", "轮次", "截止日期", "目标执行率（%）", "监控重点", "报告日期"),
        )
        browser.open(self.round_url)
        self.assertIn("报告截止日", browser.contents)

    def test_record_edit_and_view(self):
        from changde.perfmgmt.monitoring.content.monitoring_record import (
            IMonitoringRecord,
        )

        browser = self.browser(UNIT_A_USER)
        browser.open(f"{self.record_url}/edit")
        contents = browser.contents
        self.assert_chinese_labels(
            contents,
            IMonitoringRecord,
            ("预算金额（元）", "执行金额（元）", "问题严重程度"),
        )
        # no JSON to type, and no project to re-point
        for name in ("indicator_progress", "focus_answers", "project", "change_log"):
            self.assertNotIn(f'name="form.widgets.{name}"', contents)
        browser.open(self.record_url)
        self.assert_chinese_labels(
            browser.contents, IMonitoringRecord, ("执行率（%）", "标记")
        )

    def test_a_round_number_taken_is_a_field_error(self):
        browser = self.browser()
        browser.open(f"{self.portal.absolute_url()}/monitoring/++add++MonitoringRound")
        browser.getControl(name="form.widgets.year").value = "2026"
        browser.getControl(name="form.widgets.round_number").value = "2"
        browser.getControl(name="form.widgets.cutoff_date").value = "2026-08-31"
        browser.getControl(name="form.widgets.target_rate").value = "70"
        browser.getControl(name="form.buttons.save").click()
        self.assertIn("2026年已有第 2 轮监控。", browser.contents)
        transaction.begin()
        self.assertEqual(
            len(
                api.content.find(
                    portal_type="MonitoringRound", year=2026, round_number=2
                )
            ),
            1,
        )
        browser.getControl(name="form.widgets.round_number").value = "3"
        browser.getControl(name="form.buttons.save").click()
        self.assertNotIn("2026年已有第", browser.contents)
        transaction.begin()
        self.assertEqual(
            len(api.content.find(portal_type="MonitoringRound", year=2026)), 3
        )
        # the edit form: the round keeps its own number, not another's
        browser.open(f"{self.rounds[1].absolute_url()}/edit")
        browser.getControl(name="form.buttons.save").click()
        self.assertNotIn("2026年已有第", browser.contents)
        browser.open(f"{self.rounds[1].absolute_url()}/edit")
        browser.getControl(name="form.widgets.round_number").value = "1"
        browser.getControl(name="form.buttons.save").click()
        self.assertIn("2026年已有第 1 轮监控。", browser.contents)
        transaction.begin()
        self.assertEqual(self.rounds[1].round_number, 2)


class TestRecordPage(ViewTestCase):
    """The record page reads like a report, never the stored JSON."""

    def setUp(self):
        super().setUp()
        self.load(
            [
                {
                    "project_code": "A-001",
                    "budget_amount": 1000000,
                    "executed_amount": 500000,
                    "problems": "部分资金未拨付",
                    "severity": "minor",
                }
            ]
        )
        transaction.begin()
        self.record = self.round[api.content.get_uuid(self.projects["a1"])]
        self.record.focus_answers = {"soundness": "预算编制合理"}
        transaction.commit()

    def test_the_unit_reads_its_record(self):
        browser = self.browser(UNIT_A_USER)
        browser.open(self.record.absolute_url())
        contents = browser.contents
        self.assertIn(self.projects["a1"].title, contents)
        self.assertIn(self.projects["a1"].absolute_url(), contents)
        self.assertIn(self.record.unit_title, contents)
        self.assertIn(self.record.jurisdiction_title, contents)
        self.assertIn("1,000,000", contents)
        self.assertIn("50.00", contents)
        self.assertIn("（目标 60%）", contents)
        self.assertIn("低于目标", contents)
        self.assertIn("一般问题", contents)
        self.assertIn("部分资金未拨付", contents)
        self.assertIn("perfmgmt-record-progress", contents)
        self.assertIn("预算编制合理", contents)
        self.assertIn("资金安全性", contents)
        self.assertIn("@@indicator-progress", contents)
        # no JSON, no bare UID as the project
        self.assertNotIn('"indicator":', contents)
        self.assertNotIn("{&#34;", contents)
        self.assertNotIn("项目(UID)", contents)

    def test_another_unit_is_refused(self):
        browser = self.browser(UNIT_B_USER)
        browser.handleErrors = True
        browser.raiseHttpErrors = False
        browser.open(self.record.absolute_url())
        self.assertNotIn("部分资金未拨付", browser.contents)


class TestFocusAnswersPage(ViewTestCase):
    def setUp(self):
        super().setUp()
        self.load(
            [{"project_code": "A-001", "budget_amount": 100, "executed_amount": 50}]
        )
        transaction.begin()
        self.record = self.round[api.content.get_uuid(self.projects["a1"])]
        self.url = f"{self.record.absolute_url()}/@@focus-answers"

    def test_one_answer_per_focus_item_of_the_round(self):
        browser = self.browser(UNIT_A_USER)
        browser.open(self.url)
        self.assertIn("科学性", browser.contents)
        self.assertIn("资金安全性", browser.contents)
        self.assertNotIn("完整性", browser.contents)
        browser.getControl(name="answer_soundness").value = " 预算编制合理 "
        browser.getControl(name="form.submitted").click()
        self.assertIn("监控重点的回答已保存。", browser.contents)
        transaction.begin()
        self.assertEqual(self.record.focus_answers, {"soundness": "预算编制合理"})
        self.assertEqual(
            self.record.change_log[-1]["changes"], [{"field": "focus_answers"}]
        )
        # the record's page says who changed what and when
        self.load(
            [{"project_code": "A-001", "budget_amount": 100, "executed_amount": 60}]
        )
        browser.open(self.record.absolute_url())
        self.assertIn("perfmgmt-change-log", browser.contents)
        self.assertIn("重点内容的回答", browser.contents)
        self.assertIn("批量导入", browser.contents)
        self.assertIn("执行金额（元）：50 → 60", browser.contents)
        # emptied again: the answer is removed
        browser.open(self.url)
        browser.getControl(name="answer_soundness").value = ""
        browser.getControl(name="form.submitted").click()
        transaction.begin()
        self.assertEqual(self.record.focus_answers, {})

    def test_only_editors_open_it(self):
        browser = self.browser(DISTRICT_USER)
        browser.handleErrors = True
        browser.raiseHttpErrors = False
        browser.open(self.url)
        self.assertNotIn('name="answer_soundness"', browser.contents)


class TestExcelFocusAndOrder(ViewTestCase):
    def workbook(self, browser):
        body = browser.contents
        return load_workbook(
            BytesIO(body if isinstance(body, bytes) else body.encode("latin-1"))
        )

    def test_template_upload_and_export_carry_the_focus_answers(self):
        browser = self.browser()
        browser.open(f"{self.round_url}/@@monitoring-template.xlsx")
        header = next(
            self.workbook(browser)[excel.DATA_SHEET].iter_rows(values_only=True)
        )
        self.assertEqual(header[-2:], ("监控重点：科学性", "监控重点：资金安全性"))
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = excel.DATA_SHEET
        sheet.append(list(header))
        sheet.append(["A-001", None, None, 100, 50, None, "无问题", "合理", None])
        stream = BytesIO()
        workbook.save(stream)
        self.upload(stream.getvalue())
        record = self.records()["A-001"].getObject()
        self.assertEqual(record.focus_answers, {"soundness": "合理"})
        browser.open(f"{self.round_url}/@@monitoring-export.xlsx")
        rows = list(self.workbook(browser).active.iter_rows(values_only=True))
        self.assertEqual(rows[0][-2:], ("监控重点：科学性", "监控重点：资金安全性"))
        self.assertEqual(rows[1][-2:], ("合理", None))

    def test_titles_sort_by_pinyin(self):
        titles = {
            "a1": "张家界项目",
            "a2": "李家项目",
            "b1": "艾滋病防治",
            "w1": "王家坪",
        }
        for key, title in titles.items():
            self.projects[key].title = title
            self.projects[key].reindexObject()
        transaction.commit()
        self.load(
            [
                {"project_code": code, "budget_amount": 1, "executed_amount": 1}
                for code in ("A-001", "A-002", "B-001", "W-001")
            ]
        )
        from changde.perfmgmt.monitoring.summary import round_summary

        items = round_summary(self.round)["items"]
        self.assertEqual(
            [item["title"] for item in items],
            ["艾滋病防治", "李家项目", "王家坪", "张家界项目"],
        )
