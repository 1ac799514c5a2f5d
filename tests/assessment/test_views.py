"""The assessment pages (zope.testbrowser): the card on the report page, the
scorer's form refusing bad entries, the criteria editor refusing weights
that do not add up, the year's cards and the ranking, a card's entries, the
subsidy table, actual values at year end — and who is refused."""

import io
import re
import unittest
from decimal import Decimal

import transaction
from openpyxl import load_workbook
from plone import api
from plone.testing.zope import Browser
from tests.assessment.base import WHEN
from tests.assessment.base import create_report
from tests.assessment.base import set_up

from changde.perfmgmt.assessment.scorecards import card_result
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
from changde.perfmgmt.testing import DISTRICT_USER
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import PASSWORD
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import UNIT_B_USER
from changde.perfmgmt.testing import frozen_clock


class ViewTestCase(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING

    def setUp(self):
        self.enterContext(frozen_clock(WHEN))
        self.portal = self.layer["portal"]
        self.city, self.project, self.record = set_up(self.portal)
        self.report = create_report(self.project)
        self.url = self.report.absolute_url()
        self.folder_url = f"{self.portal.absolute_url()}/assessment"
        transaction.commit()

    def browser(self, user=OFFICE_USER):
        browser = Browser(self.layer["app"])
        browser.handleErrors = False
        browser.addHeader("Accept-Language", "zh-cn")
        if user:
            browser.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
        return browser

    def assertRefused(self, url, user=None, data=None):
        browser = self.browser(user)
        browser.handleErrors = True
        browser.raiseHttpErrors = False
        if data is None:
            browser.open(url)
        else:
            browser.post(url, data)
        expected = "/insufficient-privileges" if user else "/login?came_from="
        self.assertIn(expected, browser.url, f"{url} not refused for {user}")


class TestReportCard(ViewTestCase):
    def test_the_card_on_the_report_page(self):
        browser = self.browser(UNIT_A_USER)
        browser.open(self.url)
        self.assertIn("scorecard-table", browser.contents)
        self.assertIn("预算执行率", browser.contents)
        self.assertIn(self.record.absolute_url(), browser.contents)  # facts linked
        self.assertIn("执行率 95.00%", browser.contents)
        self.assertIn("填写评分表", browser.contents)
        self.assertIn("城乡教育均衡水平 尚未评分", browser.contents)
        for user in (UNIT_B_USER, DISTRICT_USER, None):
            self.assertRefused(self.url, user)
            self.assertRefused(f"{self.url}/@@scorecard.xlsx", user)

    def test_the_scorer_fills_the_card(self):
        browser = self.browser(UNIT_A_USER)
        browser.open(f"{self.url}/@@scorecard")
        (percent,) = re.findall(r'name="(percent_\d+)"', browser.contents)
        browser.getControl(name=percent).value = "120"
        browser.getControl(name="form.submitted").click()
        self.assertIn("未保存", browser.contents)
        self.assertIn("120", browser.contents)
        transaction.begin()
        self.assertEqual(self.report.scorecard_entries, {})
        browser.open(f"{self.url}/@@scorecard")
        browser.getControl(name=percent).value = "90"
        browser.getControl(name="form.submitted").click()
        self.assertIn("评分表已保存", browser.contents)
        self.assertIn("96.00", browser.contents)
        transaction.begin()
        self.assertEqual(str(self.report.score), "96.00")
        # the Excel has the same lines
        browser.open(f"{self.url}/@@scorecard.xlsx")
        sheet = load_workbook(io.BytesIO(browser.contents)).active
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(rows[1][1], "预算执行率")
        self.assertEqual(float(rows[1][7]), 9.5)

    def test_other_units_cannot_open_the_form(self):
        self.assertRefused(f"{self.url}/@@scorecard", UNIT_B_USER)


class TestTemplates(ViewTestCase):
    def test_the_criteria_editor_refuses_weights_not_adding_up(self):
        folder = self.portal["assessment"]
        with api.env.adopt_roles(["Manager"]):
            template = api.content.create(
                container=folder,
                type="ScorecardTemplate",
                id="draft-template",
                title="试行评分表",
                template_kind="key",
                year=2027,
            )
        transaction.commit()
        browser = self.browser()
        browser.open(f"{template.absolute_url()}/@@edit-criteria")
        for index, (code, title, weight, method) in enumerate(
            (("1", "决策", "30", "band"), ("2", "绩效", "60", "manual"))
        ):
            browser.getControl(name=f"code_{index}").value = code
            browser.getControl(name=f"title_{index}").value = title
            browser.getControl(name=f"weight_{index}").value = weight
            browser.getControl(name=f"method_{index}").value = [method]
        browser.getControl(name="form.submitted").click()
        self.assertIn("未保存", browser.contents)
        self.assertIn("一级评分项的分值之和为 90", browser.contents)
        transaction.begin()
        self.assertEqual(template.criteria, [])
        browser.getControl(name="weight_0").value = "40"
        browser.getControl(name="form.submitted").click()
        self.assertIn("评分项已保存", browser.contents)
        transaction.begin()
        self.assertEqual([row["weight"] for row in template.criteria], ["40", "60"])

    def test_an_active_template_is_read_only_and_copied_for_next_year(self):
        template = self.report.scorecard_template.to_object
        browser = self.browser()
        browser.open(template.absolute_url())
        self.assertIn("项目支出绩效自评表", browser.contents)
        self.assertIn("1 份评价报告使用此模板评分", browser.contents)
        self.assertNotIn("@@edit-criteria", browser.contents)
        self.assertRefused(f"{template.absolute_url()}/@@edit-criteria", OFFICE_USER)
        browser.getControl(name="year").value = "2027"
        browser.getForm(action=f"{template.absolute_url()}/@@copy-template").submit()
        self.assertIn("@@edit-criteria", browser.url)
        self.assertRefused(
            f"{template.absolute_url()}/@@copy-template", UNIT_A_USER, data="year=2027"
        )


class TestAssessmentPages(ViewTestCase):
    def test_the_area_and_the_ranking(self):
        browser = self.browser()
        browser.open(self.folder_url)
        self.assertIn("评分表模板", browser.contents)
        browser.getLink("考核排名").click()
        self.assertIn("本年度尚未生成考核评分表", browser.contents)
        browser.getControl(name="create_cards").click()
        self.assertIn("已生成 3 张考核评分表", browser.contents)
        self.assertIn("市教育局", browser.contents)
        self.assertIn("武陵区", browser.contents)
        browser.open(f"{self.folder_url}/@@assessment-ranking?year=2026&format=xlsx")
        workbook = load_workbook(io.BytesIO(browser.contents))
        self.assertEqual(len(workbook.worksheets), 2)
        # a unit sees the area without the templates, and no draft card
        unit = self.browser(UNIT_A_USER)
        unit.open(self.folder_url)
        self.assertNotIn("scorecard-templates", unit.contents)
        unit.open(f"{self.folder_url}/@@assessment-ranking?year=2026")
        self.assertNotIn("市教育局绩效管理考核", unit.contents)
        self.assertNotIn("create_cards", unit.contents)
        self.assertRefused(self.folder_url, None)

    def test_a_card_entered_by_the_office(self):
        from changde.perfmgmt.assessment import yearly

        with api.env.adopt_roles(["Manager"]):
            cards = yearly.create_cards(2026)
        transaction.commit()
        card = [
            c for c in cards if c.assessment_kind == "unit" and "教育" in c.Title()
        ][0]
        browser = self.browser()
        browser.open(card.absolute_url())
        self.assertIn("综合管理水平", browser.contents)
        browser.getControl(name="points_management").value = "21"
        browser.getControl(name="form.submitted").click()
        self.assertIn("未保存", browser.contents)
        self.assertIn("0 至 20", browser.contents)
        browser.getControl(name="points_management").value = "18"
        browser.getControl(name="form.submitted").click()
        self.assertIn("考核评分已保存", browser.contents)
        self.assertRefused(card.absolute_url(), UNIT_A_USER)  # a draft


class TestSubsidiesPage(ViewTestCase):
    def test_the_office_enters_the_years(self):
        browser = self.browser()
        browser.open(f"{self.folder_url}/@@it-subsidies")
        browser.getControl(name="in_use_year_wuling").value = "soon"
        browser.getControl(name="form.submitted").click()
        self.assertIn("不是有效的年度", browser.contents)
        browser.getControl(name="in_use_year_wuling").value = "2019"
        browser.getControl(name="form.submitted").click()
        self.assertIn("150,000", browser.contents)
        transaction.begin()
        self.assertEqual(self.city["district"].it_system_year, 2019)
        browser.open(f"{self.folder_url}/@@it-subsidies?year=2019&format=xlsx")
        sheet = load_workbook(io.BytesIO(browser.contents)).active
        self.assertEqual(sheet.title, "2019 信息化奖补")
        # the district reads the table, without the form
        district = self.browser(DISTRICT_USER)
        district.open(f"{self.folder_url}/@@it-subsidies")
        self.assertIn("150,000", district.contents)
        self.assertNotIn("in_use_year_wuling", district.contents)

    def test_amounts_in_the_offices_unit(self):
        self.city["district"].it_system_year = 2019
        transaction.commit()
        browser = self.browser()
        browser.open(f"{self.folder_url}/@@it-subsidies")
        self.assertIn("奖补金额（元）", browser.contents)
        self.assertIn("150,000", browser.contents)
        api.portal.set_registry_record("changde.perfmgmt.core.money_unit", "wan_yuan")
        transaction.commit()
        browser.open(f"{self.folder_url}/@@it-subsidies")
        self.assertIn("奖补金额（万元）", browser.contents)
        self.assertIn("15.00", browser.contents)
        self.assertNotIn("150,000", browser.contents)
        # Excel keeps yuan
        browser.open(f"{self.folder_url}/@@it-subsidies?format=xlsx")
        sheet = load_workbook(io.BytesIO(browser.contents)).active
        values = [cell for row in sheet.iter_rows(values_only=True) for cell in row]
        self.assertIn(150000, values)


class TestActualValues(ViewTestCase):
    def test_the_unit_enters_its_actual_values(self):
        url = self.project.absolute_url()
        browser = self.browser(UNIT_A_USER)
        browser.open(url)
        self.assertIn("填写实际值", browser.contents)
        browser.getLink("填写实际值").click()
        browser.getControl(name="actual_value_0").value = "20"
        browser.getControl(name="form.submitted").click()
        self.assertIn("实际值已保存", browser.contents)
        transaction.begin()
        self.assertEqual(self.project["indicator-1"].actual_value, "20")
        # the draft self-evaluation follows
        key = f"2/{self.project['indicator-1'].UID()}"
        (line,) = [x for x in card_result(self.report).lines if x.key == key]
        self.assertEqual(line.points, Decimal("20.00"))
        for user in (UNIT_B_USER, None):
            self.assertRefused(f"{url}/@@actual-values", user)


if __name__ == "__main__":
    unittest.main()
