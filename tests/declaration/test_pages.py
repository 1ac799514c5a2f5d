"""The coverage page and the indicator-library picker in the Classic UI
(functional, zope testbrowser)."""

import re
import unittest
from urllib.parse import quote

import transaction
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.testing.zope import Browser

from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
from changde.perfmgmt.testing import DISTRICT_USER
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import PASSWORD
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import UNIT_B_USER
from changde.perfmgmt.testing import create_city
from changde.perfmgmt.testing import create_project


def submitted_project(unit, **fields):
    project = create_project(unit, indicators=1, **fields)
    api.content.transition(obj=project, transition="submit")
    return project


class PageTestCase(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.city = create_city(self.portal)

    def browser(self, user, language="zh-cn"):
        browser = Browser(self.layer["app"])
        browser.handleErrors = False
        browser.raiseHttpErrors = False
        if user is not None:
            browser.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
        browser.addHeader("Accept-Language", language)
        return browser

    def rows(self, browser, css_class):
        """The text of each body row of the table with ``css_class``."""
        table = re.search(
            rf'<table class="[^"]*{css_class}[^"]*">(.*?)</table>',
            browser.contents,
            re.S,
        )
        if table is None:
            return []
        body = table.group(1).split("<tbody>")[1]
        return [
            re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip()
            for row in body.split("</tr>")[:-1]
        ]


class TestCoveragePage(PageTestCase):
    def setUp(self):
        super().setUp()
        for number, kind in enumerate(
            ("general_public", "government_fund", "state_capital")
        ):
            submitted_project(
                self.city["unit_a"], id=f"m{number}", year=2019, budget_kind=kind
            )
        for kind in ("general_public", "social_insurance"):
            submitted_project(self.city["unit_w"], id=kind, year=2019, budget_kind=kind)
        # a draft is not under performance management yet
        create_project(
            self.city["unit_a"], id="draft", year=2019, budget_kind="social_insurance"
        )
        transaction.commit()

    def test_office_sees_every_jurisdiction_marked_met_or_not(self):
        browser = self.browser(OFFICE_USER)
        browser.open(f"{self.portal.absolute_url()}/@@coverage?year=2019")
        self.assertIn("四本预算覆盖情况", browser.contents)
        rows = self.rows(browser, "perfmgmt-coverage")
        self.assertEqual(len(rows), 2)
        self.assertTrue(rows[0].startswith("市本级 ✓ ✓ ✓ — — 3/4"), rows[0])
        self.assertIn("未达标", rows[0])
        self.assertTrue(rows[1].startswith("武陵区 ✓ — — ✓ — 2/2"), rows[1])
        self.assertIn("达标", rows[1])
        self.assertNotIn("未达标", rows[1])
        self.assertIn("perfmgmt-coverage-summary", browser.contents)
        # the municipal cap on special funds, counted for the year
        cap = re.search(
            r'<p class="perfmgmt-special-fund-cap">(.*?)</p>', browser.contents, re.S
        )
        self.assertIsNotNone(cap)
        text = re.sub(r"\s+", "", re.sub(r"<[^>]+>", "", cap.group(1)))
        self.assertTrue(text.startswith("市本级2019年已批准专项0个，上限90个"), text)

    def test_district_staff_see_their_jurisdiction_only(self):
        browser = self.browser(DISTRICT_USER)
        browser.open(f"{self.portal.absolute_url()}/@@coverage?year=2019")
        rows = self.rows(browser, "perfmgmt-coverage")
        self.assertEqual(len(rows), 1)
        self.assertTrue(rows[0].startswith("武陵区"))
        # the municipal level's count is not theirs to see
        self.assertNotIn("perfmgmt-special-fund-cap", browser.contents)

    def test_one_jurisdiction_and_an_invalid_year(self):
        browser = self.browser(OFFICE_USER, language="en")
        url = f"{self.city['municipal'].absolute_url()}/@@coverage"
        browser.open(f"{url}?year=2019")
        rows = self.rows(browser, "perfmgmt-coverage")
        self.assertEqual(len(rows), 1)
        self.assertIn("Not met", rows[0])
        browser.open(f"{url}?year=1800")
        self.assertIn("alert-danger", browser.contents)
        self.assertEqual(self.rows(browser, "perfmgmt-coverage"), [])

    def test_anonymous_sees_no_jurisdiction(self):
        browser = self.browser(None)
        browser.open(f"{self.portal.absolute_url()}/@@coverage?year=2019")
        self.assertEqual(self.rows(browser, "perfmgmt-coverage"), [])
        self.assertNotIn("市本级", browser.contents)


class TestIndicatorPicker(PageTestCase):
    def setUp(self):
        super().setUp()
        library = api.content.create(
            container=self.portal, type="IndicatorLibrary", id="library", title="指标库"
        )
        self.templates = {}
        for title, level1, level2, comparator, sector in (
            ("学校改造数量", "产出指标", "数量指标", "ge", "教育"),
            ("办学条件改善", "效益指标", "社会效益指标", "qualitative", "教育"),
            ("道路养护里程", "产出指标", "数量指标", "ge", "交通"),
        ):
            template = api.content.create(
                container=library,
                type="IndicatorTemplate",
                title=title,
                level1=level1,
                level2=level2,
                comparator=comparator,
                sector=sector,
            )
            self.templates[title] = api.content.get_uuid(template)
        self.project = create_project(self.city["unit_a"], id="a", indicators=0)
        transaction.commit()
        self.url = f"{self.project.absolute_url()}/@@add-indicators"

    def indicator_titles(self):
        transaction.begin()
        return sorted(
            brain.Title
            for brain in api.content.find(
                context=self.project, portal_type="Indicator", unrestricted=True
            )
        )

    def test_unit_staff_pick_templates_of_a_sector(self):
        browser = self.browser(UNIT_A_USER)
        browser.open(self.project.absolute_url())
        self.assertIn("@@add-indicators", browser.contents)
        browser.open(f"{self.url}?sector={quote('教育')}")
        rows = self.rows(browser, "perfmgmt-templates")
        self.assertEqual(len(rows), 2)
        self.assertNotIn("道路养护里程", browser.contents)
        form = browser.getForm(index=2)
        form.getControl(name="templates:list").value = [
            self.templates["学校改造数量"],
            self.templates["办学条件改善"],
        ]
        form.submit(name="form.submitted")
        self.assertEqual(browser.url, self.project.absolute_url())
        self.assertIn("已从指标库添加 2 项指标", browser.contents)
        self.assertEqual(self.indicator_titles(), ["办学条件改善", "学校改造数量"])
        transaction.begin()
        by_title = {
            indicator.title: indicator for indicator in self.project.objectValues()
        }
        self.assertFalse(by_title["办学条件改善"].quantifiable)
        self.assertTrue(by_title["学校改造数量"].quantifiable)

    def test_target_values_written_next_to_the_templates(self):
        browser = self.browser(UNIT_A_USER)
        browser.open(f"{self.url}?sector={quote('教育')}")
        form = browser.getForm(index=2)
        school = self.templates["学校改造数量"]
        form.getControl(name="templates:list").value = [school]
        form.getControl(name=f"target_{school}").value = "20"
        form.submit(name="form.submitted")
        self.assertEqual(browser.url, self.project.absolute_url())
        transaction.begin()
        (indicator,) = self.project.objectValues()
        self.assertEqual(indicator.title, "学校改造数量")
        self.assertEqual(indicator.target_value, "20")

    def test_a_target_that_is_no_number_adds_nothing(self):
        browser = self.browser(UNIT_A_USER)
        browser.open(f"{self.url}?sector={quote('教育')}")
        form = browser.getForm(index=2)
        school = self.templates["学校改造数量"]
        quality = self.templates["办学条件改善"]
        form.getControl(name="templates:list").value = [school, quality]
        form.getControl(name=f"target_{school}").value = "二十所"
        form.getControl(name=f"target_{quality}").value = "明显改善"
        form.submit(name="form.submitted")
        self.assertIn("未添加任何指标", browser.contents)
        self.assertIn("学校改造数量：", browser.contents)
        self.assertIn("二十所", browser.contents)
        # what was typed is kept for the correction
        self.assertIn('value="明显改善"', browser.contents)
        self.assertEqual(self.indicator_titles(), [])

    def test_nothing_chosen_adds_nothing(self):
        browser = self.browser(UNIT_A_USER)
        browser.open(self.url)
        browser.getForm(index=2).submit(name="form.submitted")
        self.assertIn("请至少选择一个指标模板", browser.contents)
        self.assertEqual(self.indicator_titles(), [])

    def test_a_post_without_the_csrf_token_is_refused(self):
        browser = self.browser(UNIT_A_USER)
        browser.handleErrors = True
        browser.post(
            self.url,
            f"form.submitted=1&templates:list={self.templates['学校改造数量']}",
        )
        self.assertEqual(self.indicator_titles(), [])

    def test_another_unit_and_a_submitted_project_are_refused(self):
        browser = self.browser(UNIT_B_USER)
        browser.handleErrors = True
        browser.open(self.url)
        self.assertIn("insufficient-privileges", browser.url)
        ready = create_project(self.city["unit_a"], id="ready", indicators=2)
        api.content.transition(obj=ready, transition="submit")
        transaction.commit()
        browser = self.browser(UNIT_A_USER)
        browser.handleErrors = True
        browser.open(ready.absolute_url())
        self.assertNotIn("@@add-indicators", browser.contents)
        browser.open(f"{ready.absolute_url()}/@@add-indicators")
        self.assertIn("insufficient-privileges", browser.url)
