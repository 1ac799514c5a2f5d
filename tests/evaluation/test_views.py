"""The evaluation pages (test browser against the functional layer): the
performance column for anonymous visitors and the office, result application
(run button, filter, export, confirming proposals), the rectification
overview, the missing self-evaluations and the negative list."""

import datetime
import io
import unittest

import requests
import transaction
from openpyxl import load_workbook
from plone import api
from plone.testing.zope import Browser
from tests.evaluation.base import create_report
from tests.evaluation.base import do
from tests.evaluation.base import set_up_city
from tests.evaluation.test_application import final_record

from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.evaluation.folders import evaluation_folder
from changde.perfmgmt.evaluation.negative_list import negative_list_folder
from changde.perfmgmt.evaluation.negative_list import propose_entry
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import PASSWORD
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import UNIT_B_USER


class ViewTestCase(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.city, self.projects, self.members = set_up_city(self.portal)
        self.folder = evaluation_folder()
        self.folder_url = self.folder.absolute_url()
        self.published = do(
            create_report(
                self.projects["a1"], id="pub-a1", title="教育专项重点评价", score="92"
            ),
            "submit",
            "approve",
            "feed_back",
            "publish",
        )
        self.older = do(
            create_report(
                self.projects["b1"],
                id="pub-b1",
                title="卫生专项重点评价",
                score="75",
                year=2025,
            ),
            "submit",
            "approve",
            "feed_back",
            "publish",
        )
        self.draft = create_report(
            self.projects["a2"], id="draft-a2", title="未公开的草稿评价", score="50"
        )
        transaction.commit()

    def browser(self, user=OFFICE_USER):
        browser = Browser(self.layer["app"])
        browser.handleErrors = False
        browser.addHeader("Accept-Language", "zh-cn")
        if user:
            browser.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
        return browser

    def assertRefused(self, url, user=None, data=None):
        """The page is refused: the login form for anonymous visitors, the
        insufficient-privileges page for users."""
        browser = self.browser(user)
        browser.handleErrors = True
        browser.raiseHttpErrors = False
        if data is None:
            browser.open(url)
        else:
            browser.post(url, data)
        expected = "/insufficient-privileges" if user else "/login?came_from="
        self.assertIn(expected, browser.url, f"{url} not refused for {user}")
        return browser


class TestColumn(ViewTestCase):
    def test_anonymous_sees_published_reports_only(self):
        browser = self.browser(None)
        browser.open(self.folder_url)
        contents = browser.contents
        self.assertIn("教育专项重点评价", contents)
        self.assertIn("卫生专项重点评价", contents)
        self.assertNotIn("未公开的草稿评价", contents)
        self.assertNotIn("perfmgmt-office-reports", contents)
        self.assertNotIn("@@result-application", contents)
        # newest year first, with kind, score, grade and unit
        self.assertLess(contents.index("教育专项重点评价"), contents.index("卫生专项"))
        self.assertIn("重点评价", contents)
        self.assertIn(">92<", contents)
        self.assertIn("优", contents)
        self.assertIn("市教育局", contents)
        self.assertEqual(contents.count('class="published-report"'), 2)

    def test_office_sees_every_report_with_filters_and_links(self):
        browser = self.browser()
        browser.open(self.folder_url)
        contents = browser.contents
        office = contents[contents.index("perfmgmt-office-reports") :]
        self.assertIn("未公开的草稿评价", office)
        self.assertIn('data-state="draft"', office)
        self.assertIn("@@result-application", contents)
        self.assertIn("@@rectification-overview", contents)
        self.assertIn("@@missing-self-evaluations", contents)
        browser.open(f"{self.folder_url}?review_state=draft")
        office = browser.contents[browser.contents.index("perfmgmt-office-reports") :]
        self.assertIn("未公开的草稿评价", office)
        self.assertNotIn("教育专项重点评价", office)
        browser.open(f"{self.folder_url}?year=2025&evaluation_kind=key")
        office = browser.contents[browser.contents.index("perfmgmt-office-reports") :]
        self.assertIn("卫生专项重点评价", office)
        self.assertNotIn("教育专项重点评价", office)

    def test_unit_staff_see_no_office_listing(self):
        browser = self.browser(UNIT_A_USER)
        browser.open(self.folder_url)
        self.assertIn("教育专项重点评价", browser.contents)
        self.assertNotIn("perfmgmt-office-reports", browser.contents)
        self.assertNotIn("@@result-application", browser.contents)
        self.assertIn("@@rectification-overview", browser.contents)

    def test_anonymous_is_refused_on_the_office_pages(self):
        for name in (
            "@@result-application",
            "@@result-application.xlsx?year=2026",
            "@@missing-self-evaluations",
            "@@rectification-overview",
        ):
            self.assertRefused(f"{self.folder_url}/{name}")
        self.assertRefused(negative_list_folder().absolute_url())

    def test_unit_staff_are_refused_on_result_application(self):
        self.assertRefused(f"{self.folder_url}/@@result-application", UNIT_A_USER)
        self.assertRefused(f"{self.folder_url}/@@missing-self-evaluations", UNIT_A_USER)


class TestResultApplication(ViewTestCase):
    def setUp(self):
        super().setUp()
        for year in (2025, 2026):
            final_record(self.projects["a2"], year, "69.99")
        transaction.commit()

    def run_page(self, browser, year="2026"):
        browser.open(f"{self.folder_url}/@@result-application")
        form = browser.getForm(id="result-application-run")
        form.getControl(name="year").value = year
        form.getControl(name="form.buttons.run").click()
        return browser

    def test_run_button_writes_the_same_data_as_rest(self):
        browser = self.run_page(self.browser())
        contents = browser.contents
        self.assertIn("2026年结果应用已运行", contents)
        self.assertIn("A-002", contents)
        self.assertIn("纳入重点评价范围", contents)
        self.assertIn("优先保障", contents)  # a1: key evaluation 优
        transaction.begin()
        from_page = dict(self.folder.result_runs[2026])
        response = requests.post(
            f"{self.folder_url}/@result-application",
            json={"year": 2026},
            headers={"Accept": "application/json", "Accept-Language": "zh-cn"},
            auth=(OFFICE_USER, PASSWORD),
            timeout=60,
        )
        self.assertEqual(response.status_code, 200, response.text)
        transaction.begin()
        from_rest = dict(self.folder.result_runs[2026])
        self.assertEqual(from_page["items"], from_rest["items"])
        self.assertEqual(from_page["settings"], from_rest["settings"])
        self.assertEqual(from_page["by"], OFFICE_USER)
        self.assertEqual(response.json()["items"], from_rest["items"])

    def test_bad_year_runs_nothing(self):
        browser = self.run_page(self.browser(), year="later")
        self.assertIn("perfmgmt-errors", browser.contents)
        transaction.begin()
        self.assertIsNone(self.folder.result_runs)

    def test_unit_staff_cannot_run(self):
        browser = self.browser()
        browser.open(f"{self.folder_url}/@@result-application")
        form = browser.getForm(id="result-application-run")
        token = form.getControl(name="_authenticator").value
        self.assertRefused(
            f"{self.folder_url}/@@result-application",
            UNIT_A_USER,
            data=f"year=2026&form.buttons.run=1&_authenticator={token}",
        )
        transaction.begin()
        self.assertIsNone(self.folder.result_runs)

    def test_filter_and_export(self):
        browser = self.run_page(self.browser())
        browser.open(
            f"{self.folder_url}/@@result-application?year=2026&action=priority"
        )
        self.assertIn('data-action="priority"', browser.contents)
        self.assertNotIn('data-action="key_evaluation_scope"', browser.contents)
        browser.getLink(url="@@result-application.xlsx").click()
        self.assertIn("spreadsheetml", browser.headers["Content-Type"])
        rows = list(
            load_workbook(io.BytesIO(browser.contents)).active.iter_rows(
                values_only=True
            )
        )
        self.assertEqual(rows[0][0], "项目编码")
        self.assertIn("纳入重点评价范围", [row[7] for row in rows])

    def test_confirm_proposed_entries(self):
        browser = self.run_page(self.browser())
        self.assertIn("拟列入负面清单", browser.contents)
        self.assertIn('data-state="proposed"', browser.contents)
        form = browser.getForm(id="negative-list-proposals")
        form.getControl(name="entries:list").controls[0].selected = True
        form.getControl(name="form.buttons.confirm").click()
        self.assertIn("已将 1 条列入负面清单", browser.contents)
        self.assertIn('data-state="listed"', browser.contents)
        transaction.begin()
        states = [
            brain.review_state
            for brain in api.content.find(portal_type="NegativeListEntry")
        ]
        self.assertEqual(states, ["listed"])

    def test_confirm_without_a_choice_confirms_nothing(self):
        browser = self.run_page(self.browser())
        form = browser.getForm(id="negative-list-proposals")
        form.getControl(name="form.buttons.confirm").click()
        self.assertIn("请先选择条目", browser.contents)
        transaction.begin()
        states = [
            brain.review_state
            for brain in api.content.find(portal_type="NegativeListEntry")
        ]
        self.assertEqual(states, ["proposed"])

    def test_reject_needs_a_reason(self):
        browser = self.run_page(self.browser())
        form = browser.getForm(id="negative-list-proposals")
        form.getControl(name="entries:list").controls[0].selected = True
        form.getControl(name="form.buttons.reject").click()
        self.assertIn("移出或不予列入负面清单须填写理由", browser.contents)
        transaction.begin()
        states = [
            brain.review_state
            for brain in api.content.find(portal_type="NegativeListEntry")
        ]
        self.assertEqual(states, ["proposed"])


class TestRectificationAndSelfEvaluations(ViewTestCase):
    def test_rectification_overview(self):
        report = create_report(self.projects["b1"], id="key-b1", score="55")
        yesterday = today_in_china() - datetime.timedelta(days=1)
        for id, problem, deadline in (
            ("i1", "资金拨付滞后", yesterday),
            ("i2", "绩效目标不细化", today_in_china() + datetime.timedelta(30)),
        ):
            api.content.create(
                container=report,
                type="RectificationItem",
                id=id,
                problem=problem,
                deadline=deadline,
            )
        do(report, "submit", "approve", "feed_back")
        item = report["i2"]
        item.measures = "已细化"
        do(item, "submit", "accept")
        transaction.commit()
        browser = self.browser()
        browser.open(f"{self.folder_url}/@@rectification-overview")
        contents = browser.contents
        self.assertIn("overdue-item", contents)
        overdue = contents[contents.index("perfmgmt-overdue") :]
        self.assertIn("资金拨付滞后", overdue[: overdue.index("</section>")])
        self.assertIn('class="rate">50.00<', contents)
        self.assertIn("not-met", contents)
        self.assertIn("市卫健委", contents)
        browser.open(f"{self.folder_url}/@@rectification-overview?budget_unit=unit-a")
        self.assertIn("没有已反馈的整改事项", browser.contents)
        # units see their own items only
        unit = self.browser(UNIT_A_USER)
        unit.open(f"{self.folder_url}/@@rectification-overview")
        self.assertNotIn("资金拨付滞后", unit.contents)
        unit = self.browser(UNIT_B_USER)
        unit.open(f"{self.folder_url}/@@rectification-overview")
        self.assertIn("资金拨付滞后", unit.contents)

    def test_missing_self_evaluations(self):
        create_report(self.projects["a1"], id="self-a1", kind="self", score=None)
        do(create_report(self.projects["b1"], id="self-b1", kind="self"), "submit")
        transaction.commit()
        browser = self.browser()
        browser.open(f"{self.folder_url}/@@missing-self-evaluations?year=2026")
        contents = browser.contents
        self.assertEqual(contents.count('class="missing-project"'), 2)
        for code in ("A-002", "W-001"):
            self.assertIn(code, contents)
        # the draft is listed as started, not submitted, with its link
        self.assertEqual(contents.count('class="started-project"'), 1)
        started = contents[contents.index('class="started-project"') :]
        self.assertIn("A-001", started[: started.index("</tr>")])
        self.assertIn("/evaluation/self-a1", started[: started.index("</tr>")])
        self.assertIn("已开始\uff0c未提交", contents)
        self.assertNotIn("B-001", contents)


class TestNegativeList(ViewTestCase):
    def setUp(self):
        super().setUp()
        entry, _created = propose_entry(
            self.projects["a1"].UID(), "execution_below_standard", 2026
        )
        do(entry, "confirm")
        propose_entry(self.projects["b1"].UID(), "unclear_goals", 2026)
        transaction.commit()
        self.url = negative_list_folder().absolute_url()

    def test_office_sees_every_entry(self):
        browser = self.browser()
        browser.open(self.url)
        contents = browser.contents
        self.assertEqual(contents.count('class="negative-entry"'), 2)
        self.assertIn("执行率不达标", contents)
        self.assertIn("目标不明确", contents)
        self.assertIn("已列入", contents)
        self.assertIn("拟列入", contents)
        self.assertIn("A-001", contents)
        browser.open(f"{self.url}?review_state=listed")
        self.assertEqual(browser.contents.count('class="negative-entry"'), 1)

    def test_anonymous_refused_and_units_see_their_listed_entries(self):
        self.assertRefused(self.url)
        browser = self.browser(UNIT_A_USER)
        browser.open(self.url)
        self.assertEqual(browser.contents.count('class="negative-entry"'), 1)
        browser = self.browser(UNIT_B_USER)
        browser.open(self.url)
        self.assertEqual(browser.contents.count('class="negative-entry"'), 0)


class TestReportPage(ViewTestCase):
    """The report page: the agency and experts by name for every reader, the
    feedback notice for the unit's staff and the office only, the items, the
    link to the feedback form; the unit's list of reports to rectify."""

    def setUp(self):
        super().setUp()
        self.report = create_report(
            self.projects["a1"],
            id="key-a1",
            title="教育专项2026重点评价",
            evaluator_agency=self.members["agency"].UID(),
            experts=[self.members["expert"].UID()],
        )
        api.content.create(
            container=self.report,
            type="RectificationItem",
            id="i1",
            problem="资金支付进度慢于计划",
            deadline=today_in_china() + datetime.timedelta(days=30),
        )
        do(self.report, "submit", "approve", "feed_back")
        transaction.commit()
        self.url = self.report.absolute_url()

    def publish(self):
        transaction.begin()
        do(self.report, "publish")
        transaction.commit()

    def test_the_unit_sees_the_notice_and_the_items(self):
        browser = self.browser(UNIT_A_USER)
        browser.open(self.url)
        contents = browser.contents
        self.assertIn("反馈通知", contents)
        self.assertEqual(contents.count('class="feedback-notice"'), 1)
        self.assertIn("评价结果已反馈", contents)
        self.assertIn("资金支付进度慢于计划", contents)
        self.assertIn("张专家", contents)
        self.assertIn("湖南某会计师事务所", contents)
        self.assertNotIn("perfmgmt-feedback-link", contents)  # not published yet
        office = self.browser()
        office.open(self.url)
        self.assertIn('class="feedback-notice"', office.contents)

    def test_anonymous_reads_the_names_not_the_notice(self):
        self.publish()
        browser = self.browser(None)
        browser.open(self.url)
        contents = browser.contents
        self.assertIn("张专家", contents)
        self.assertIn("湖南某会计师事务所", contents)
        self.assertNotIn("反馈通知", contents)
        self.assertNotIn("feedback-notice", contents)
        self.assertNotIn("资金支付进度慢于计划", contents)  # items stay internal
        self.assertIn("perfmgmt-feedback-link", contents)
        other = self.browser(UNIT_B_USER)
        other.open(self.url)
        self.assertNotIn("feedback-notice", other.contents)

    def test_a_removed_expert_is_marked_for_the_office(self):
        transaction.begin()
        self.members["expert"].status = "removed"
        self.members["expert"].reindexObject()
        transaction.commit()
        office = self.browser()
        office.open(self.url)
        evaluators = office.contents[office.contents.index("perfmgmt-evaluators") :]
        self.assertIn("张专家", evaluators)
        self.assertIn("已淘汰", evaluators[: evaluators.index("</section>")])
        unit = self.browser(UNIT_A_USER)
        unit.open(self.url)
        evaluators = unit.contents[unit.contents.index("perfmgmt-evaluators") :]
        self.assertIn("张专家", evaluators)
        self.assertNotIn("已淘汰", evaluators[: evaluators.index("</section>")])

    def test_the_unit_lists_its_reports_awaiting_rectification(self):
        browser = self.browser(UNIT_A_USER)
        browser.open(f"{self.folder_url}/@@rectification-overview")
        awaiting = browser.contents[browser.contents.index("perfmgmt-awaiting") :]
        awaiting = awaiting[: awaiting.index("</section>")]
        self.assertEqual(awaiting.count('class="awaiting-source"'), 1)
        self.assertIn("教育专项2026重点评价", awaiting)
        self.assertIn(self.url, awaiting)
        browser.open(self.folder_url)
        own = browser.contents[browser.contents.index("perfmgmt-own-work") :]
        self.assertIn("教育专项2026重点评价", own[: own.index("</section>")])
        other = self.browser(UNIT_B_USER)
        other.open(f"{self.folder_url}/@@rectification-overview")
        self.assertNotIn("perfmgmt-awaiting", other.contents)
        # rectified: no longer awaiting
        transaction.begin()
        item = self.report["i1"]
        item.measures = "已加快支付。"
        do(item, "submit")
        transaction.commit()
        browser.open(f"{self.folder_url}/@@rectification-overview")
        self.assertNotIn("perfmgmt-awaiting", browser.contents)
