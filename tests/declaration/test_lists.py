"""The lists by year, the review queue and a unit's page (functional): who
sees what (units and districts their own, anonymous refused), the filters,
sorting, paging and the Excel export with the same filters; the queue
oldest first, returned projects with the reason; 本单位 in one click."""

import unittest
from decimal import Decimal
from io import BytesIO

import transaction
from openpyxl import load_workbook
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.testing.zope import Browser
from tests.monitoring.base import set_up_city

from changde.perfmgmt.monitoring.rounds import prepare_records
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
from changde.perfmgmt.testing import DISTRICT_USER
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import PASSWORD
from changde.perfmgmt.testing import REVIEWER_USER
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import UNIT_B_USER
from changde.perfmgmt.testing import create_project

LISTS = (
    "list-projects",
    "list-monitoring-records",
    "list-reports",
    "list-rectification-items",
    "list-negative-list",
    "review-queue",
)


class ListTestCase(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.city, self.projects, self.rounds = set_up_city(self.portal)
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.records = prepare_records(self.rounds[0])
        workflow = api.portal.get_tool("portal_workflow")
        unit_a = self.city["unit_a"]
        self.special = create_project(
            unit_a,
            id="special",
            title="学前教育专项",
            is_special_fund=True,
            amount=Decimal("300000"),
            indicators=10,
        )
        self.waiting_old = create_project(
            unit_a, id="old", title="先提交的项目", indicators=1
        )
        self.waiting_new = create_project(
            self.city["unit_b"], id="new", title="后提交的项目", indicators=1
        )
        self.returned = create_project(
            unit_a, id="back", title="退回的项目", indicators=1
        )
        for project in (self.waiting_old, self.waiting_new, self.returned):
            workflow.doActionFor(project, "submit")
        # the queue is oldest first: make "old" the older one
        history = self.waiting_old.workflow_history["perfmgmt_declaration_workflow"]
        entry = dict(history[-1])
        entry["time"] = entry["time"] - 3
        self.waiting_old.workflow_history["perfmgmt_declaration_workflow"] = (
            *history[:-1],
            entry,
        )
        self.waiting_old.reindexObject()
        workflow.doActionFor(self.returned, "return", comment="请补充满意度指标。")
        self.other_year = create_project(
            unit_a, id="y2025", title="往年项目", year=2025
        )
        transaction.commit()

    def browser(self, user=None):
        browser = Browser(self.layer["app"])
        browser.handleErrors = False
        browser.raiseHttpErrors = False
        if user:
            browser.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
        browser.addHeader("Accept-Language", "zh-cn")
        return browser

    def open(self, user, path):
        browser = self.browser(user)
        browser.open(f"{self.portal.absolute_url()}/{path}")
        return browser

    def titles(self, browser):
        """The linked titles of the list's rows."""
        import re

        body = browser.contents.split(
            'class="table table-sm table-striped perfmgmt-list"'
        )
        if len(body) < 2:
            return []
        table = body[1].split("<tbody>")[1].split("</tbody>")[0]
        return re.findall(r'<a href="[^"]+">([^<]+)</a>', table)


class TestProjectList(ListTestCase):
    def test_anonymous_is_refused_everywhere(self):
        browser = self.browser()
        browser.handleErrors = True
        for name in LISTS:
            browser.open(f"{self.portal.absolute_url()}/@@{name}")
            self.assertIn("login", browser.url, name)
            self.assertNotIn("学前教育专项", browser.contents)
        browser.open(f"{self.portal.absolute_url()}/@@list-projects?format=xlsx")
        self.assertIn("login", browser.url)

    def test_each_sees_their_own(self):
        office = self.titles(self.open(OFFICE_USER, "@@list-projects?year=2026"))
        self.assertIn("后提交的项目", office)
        self.assertIn("学前教育专项", office)
        self.assertNotIn("往年项目", office)
        unit_a = self.titles(self.open(UNIT_A_USER, "@@list-projects?year=2026"))
        self.assertIn("学前教育专项", unit_a)
        self.assertNotIn("后提交的项目", unit_a)
        unit_b = self.titles(self.open(UNIT_B_USER, "@@list-projects?year=2026"))
        self.assertEqual(
            sorted(unit_b), sorted(["后提交的项目", "义务教育均衡发展专项"])
        )
        district = self.titles(self.open(DISTRICT_USER, "@@list-projects?year=2026"))
        self.assertEqual(district, ["义务教育均衡发展专项"])  # w1 only
        # reviewers never see drafts
        reviewer = self.titles(self.open(REVIEWER_USER, "@@list-projects?year=2026"))
        self.assertNotIn("学前教育专项", reviewer)
        self.assertIn("先提交的项目", reviewer)
        self.assertIn("退回的项目", reviewer)

    def test_filters(self):
        unit_b = self.city["unit_b"].UID()
        path = "@@list-projects?year=2026"
        self.assertEqual(
            self.titles(self.open(OFFICE_USER, f"{path}&special_fund=1")),
            ["学前教育专项"],
        )
        self.assertEqual(
            sorted(self.titles(self.open(OFFICE_USER, f"{path}&unit={unit_b}"))),
            sorted(["后提交的项目", "义务教育均衡发展专项"]),
        )
        self.assertEqual(
            self.titles(self.open(OFFICE_USER, f"{path}&jurisdiction=wuling")),
            ["义务教育均衡发展专项"],
        )
        # a unit outside the chosen jurisdiction finds nothing
        self.assertEqual(
            self.titles(
                self.open(OFFICE_USER, f"{path}&jurisdiction=wuling&unit={unit_b}")
            ),
            [],
        )
        states = self.titles(
            self.open(
                OFFICE_USER, f"{path}&review_state=submitted&review_state=returned"
            )
        )
        self.assertEqual(
            sorted(states), sorted(["先提交的项目", "后提交的项目", "退回的项目"])
        )
        self.assertEqual(
            self.titles(self.open(OFFICE_USER, f"{path}&budget_kind=state_capital")), []
        )
        # scoped to a unit: its own only, whatever the parameters say
        scoped = self.titles(
            self.open(
                OFFICE_USER, "wuling/unit-w/@@list-projects?year=2026&unit=" + unit_b
            )
        )
        self.assertEqual(scoped, ["义务教育均衡发展专项"])

    def test_states_in_chinese_sorting_and_pages(self):
        browser = self.open(
            OFFICE_USER, "@@list-projects?year=2026&sort_on=amount&sort_order=ascending"
        )
        self.assertIn("已提交", browser.contents)
        self.assertIn("已退回", browser.contents)
        self.assertNotIn(">submitted<", browser.contents)
        self.assertEqual(self.titles(browser)[0], "学前教育专项")  # 300,000
        self.assertIn("300,000", browser.contents)
        view = api.content.get_view("list-projects", self.portal, self.layer["request"])
        self.assertEqual(view.page_size, 50)
        browser = self.open(OFFICE_USER, "@@list-projects?year=2026&b_start=8")
        self.assertEqual(len(self.titles(browser)), 1)  # 9 projects of 2026
        self.assertIn("上一页", browser.contents)

    def test_export_with_the_same_filters(self):
        browser = self.open(
            OFFICE_USER, "@@list-projects?year=2026&special_fund=1&format=xlsx"
        )
        self.assertIn("spreadsheetml", browser.headers["Content-Type"])
        sheet = load_workbook(BytesIO(browser.contents)).active
        rows = list(sheet.values)
        self.assertEqual(rows[0][:2], ("项目", "项目编码"))
        self.assertEqual(len(rows), 2)
        self.assertEqual(rows[1][0], "学前教育专项")
        text = " ".join(str(cell) for row in rows for cell in row if cell)
        self.assertNotIn(self.special.UID(), text)
        self.assertNotIn("general_public", text)
        self.assertIn("一般公共预算", text)
        # a unit's export holds its own projects only
        browser = self.open(UNIT_B_USER, "@@list-projects?year=2026&format=xlsx")
        rows = list(load_workbook(BytesIO(browser.contents)).active.values)
        self.assertEqual(len(rows), 3)


class TestReviewQueue(ListTestCase):
    def test_oldest_first_with_unit_amount_and_age(self):
        browser = self.open(REVIEWER_USER, "@@review-queue")
        self.assertEqual(self.titles(browser), ["先提交的项目", "后提交的项目"])
        self.assertIn("市教育局", browser.contents)
        self.assertIn("1,000,000", browser.contents)
        self.assertIn("已等待天数", browser.contents)
        # returned projects below, with the reason
        self.assertIn("请补充满意度指标。", browser.contents)

    def test_a_unit_sees_its_own(self):
        browser = self.open(UNIT_B_USER, "@@review-queue")
        self.assertEqual(self.titles(browser), ["后提交的项目"])
        self.assertNotIn("请补充满意度指标。", browser.contents)

    def test_reviewer_reads_what_was_returned(self):
        browser = self.open(REVIEWER_USER, "shibenji/unit-a/back")
        self.assertIn("请补充满意度指标。", browser.contents)
        self.assertIn("已退回", browser.contents)


class TestUnitPage(ListTestCase):
    def test_the_unit_page_lists_projects_and_what_was_returned(self):
        browser = self.open(UNIT_A_USER, "shibenji/unit-a")
        self.assertIn("申报项目", browser.contents)
        self.assertIn("请补充满意度指标。", browser.contents)
        self.assertIn("学前教育专项", self.titles(browser))
        self.assertNotIn("往年项目", self.titles(browser))
        browser = self.open(UNIT_A_USER, "shibenji/unit-a?year=2025")
        self.assertEqual(self.titles(browser), ["往年项目"])

    def test_my_unit_in_one_click(self):
        browser = self.open(UNIT_A_USER, "")
        self.assertIn("@@my-unit", browser.contents)
        browser.open(f"{self.portal.absolute_url()}/@@my-unit")
        self.assertEqual(browser.url, self.city["unit_a"].absolute_url())
        browser = self.open(DISTRICT_USER, "@@my-unit")
        self.assertEqual(
            browser.url.split("?")[0],
            f"{self.city['district'].absolute_url()}/@@list-projects",
        )
        browser = self.open(REVIEWER_USER, "")
        self.assertNotIn("@@my-unit", browser.contents)
        self.assertIn("@@review-queue", browser.contents)


class TestOtherLists(ListTestCase):
    def test_monitoring_records_by_unit(self):
        office = self.titles(
            self.open(OFFICE_USER, "@@list-monitoring-records?year=2026")
        )
        self.assertEqual(len(office), len(self.records))
        unit_a = self.titles(
            self.open(UNIT_A_USER, "@@list-monitoring-records?year=2026")
        )
        self.assertEqual(len(unit_a), 2)
        scoped = self.titles(
            self.open(
                OFFICE_USER, "shibenji/unit-a/@@list-monitoring-records?year=2026"
            )
        )
        self.assertEqual(sorted(scoped), sorted(unit_a))
        district = self.titles(
            self.open(
                OFFICE_USER, "@@list-monitoring-records?year=2026&jurisdiction=wuling"
            )
        )
        self.assertEqual(len(district), 1)
        round_uid = self.rounds[1].UID()
        self.assertEqual(
            self.titles(
                self.open(
                    OFFICE_USER,
                    f"@@list-monitoring-records?year=2026&round={round_uid}",
                )
            ),
            [],
        )

    def test_the_evaluation_lists_open(self):
        for name in ("list-reports", "list-rectification-items", "list-negative-list"):
            browser = self.open(OFFICE_USER, f"@@{name}?overdue=1")
            self.assertEqual(browser.headers["status"], "200 OK", name)
            self.assertIn("perfmgmt-list-filters", browser.contents)
