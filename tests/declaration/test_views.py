"""The project page and a refused transition in the Classic UI (functional)."""

import re
import unittest
from decimal import Decimal

import transaction
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.testing.zope import Browser

from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import PASSWORD
from changde.perfmgmt.testing import REVIEWER_USER
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import UNIT_B_USER
from changde.perfmgmt.testing import create_city
from changde.perfmgmt.testing import create_project


class ProjectPageTestCase(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.city = create_city(self.portal)
        self.blocked = create_project(self.city["unit_a"], id="blocked", indicators=0)
        self.ready = create_project(self.city["unit_a"], id="ready", indicators=2)
        transaction.commit()

    def browser(self, user, language="zh-cn"):
        browser = Browser(self.layer["app"])
        browser.handleErrors = False
        browser.raiseHttpErrors = False
        browser.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
        browser.addHeader("Accept-Language", language)
        return browser

    def transition_link(self, browser, project, transition):
        """The workflow menu's link, with its CSRF token."""
        browser.open(project.absolute_url())
        pattern = (
            rf'href="([^"]*content_status_modify\?workflow_action={transition}[^"]*)"'
        )
        match = re.search(pattern, browser.contents)
        self.assertIsNotNone(match, f"no {transition} link on the page")
        return match.group(1).replace("&amp;", "&")


class TestProjectPage(ProjectPageTestCase):
    def test_page_shows_the_blocking_rule_and_the_indicators(self):
        browser = self.browser(UNIT_A_USER, language="en")
        browser.open(self.blocked.absolute_url())
        self.assertIn("Checks before the next step", browser.contents)
        self.assertIn("without performance indicators", browser.contents)
        browser.open(self.ready.absolute_url())
        self.assertIn("指标 1", browser.contents)
        self.assertIn("Every rule of the plan is met", browser.contents)

    def test_refused_submit_shows_the_reason_and_changes_nothing(self):
        browser = self.browser(UNIT_A_USER, language="en")
        browser.open(self.transition_link(browser, self.blocked, "submit"))
        self.assertIn("without performance indicators", browser.contents)
        transaction.begin()
        self.assertEqual(api.content.get_state(self.blocked), "draft")

    def test_submit_from_the_ui(self):
        browser = self.browser(UNIT_A_USER)
        browser.open(self.transition_link(browser, self.ready, "submit"))
        transaction.begin()
        self.assertEqual(api.content.get_state(self.ready), "submitted")

    def test_another_unit_cannot_open_the_page(self):
        browser = self.browser(UNIT_B_USER)
        browser.handleErrors = True
        browser.open(self.blocked.absolute_url())
        self.assertNotIn("义务教育均衡发展专项", browser.contents)
        self.assertIn("insufficient-privileges", browser.url)

    def test_add_form_refuses_a_negative_amount(self):
        browser = self.browser(UNIT_A_USER, language="en")
        browser.open(f"{self.city['unit_a'].absolute_url()}/++add++BudgetProject")
        browser.getControl(name="form.widgets.IBasic.title").value = "测试项目"
        browser.getControl(name="form.widgets.year").value = "2026"
        browser.getControl(name="form.widgets.amount").value = "-5"
        browser.getControl(name="form.buttons.save").click()
        self.assertIn("The amount cannot be negative", browser.contents)
        transaction.begin()
        self.assertEqual(len(self.city["unit_a"].objectIds()), 2)


class TestAnotherUnitIsRefused(ProjectPageTestCase):
    """Unit B's staff reach nothing of unit A's draft in the UI."""

    def assert_refused(self, browser, url):
        browser.handleErrors = True
        browser.open(url)
        self.assertIn("insufficient-privileges", browser.url, url)
        self.assertNotIn("义务教育均衡发展专项", browser.contents, url)

    def test_edit_folder_contents_and_status_change(self):
        browser = self.browser(UNIT_B_USER)
        url = self.ready.absolute_url()
        self.assert_refused(browser, f"{url}/edit")
        self.assert_refused(browser, f"{url}/folder_contents")
        self.assert_refused(
            browser, f"{url}/content_status_modify?workflow_action=submit"
        )
        self.assert_refused(browser, f"{url}/@@return-to-unit")
        transaction.begin()
        self.assertEqual(api.content.get_state(self.ready), "draft")
        self.assertEqual(self.ready.title, "义务教育均衡发展专项")

    def test_the_own_unit_opens_them(self):
        browser = self.browser(UNIT_A_USER)
        browser.open(f"{self.ready.absolute_url()}/edit")
        self.assertIn("form.widgets.amount", browser.contents)
        browser.open(f"{self.ready.absolute_url()}/folder_contents")
        self.assertNotIn("insufficient-privileges", browser.url)


class TestReturnToUnit(ProjectPageTestCase):
    """A reviewer returns a project with a reason from the status menu."""

    def setUp(self):
        super().setUp()
        api.content.transition(obj=self.ready, transition="submit")
        transaction.commit()

    def return_form(self, browser):
        browser.open(self.ready.absolute_url())
        match = re.search(r'href="([^"]*@@return-to-unit[^"]*)"', browser.contents)
        self.assertIsNotNone(match, "no Return to unit in the status menu")
        browser.open(match.group(1).replace("&amp;", "&"))
        self.assertIn("退回原因", browser.contents)
        return browser.getForm(action=f"{self.ready.absolute_url()}/@@return-to-unit")

    def history(self):
        transaction.begin()
        workflow = api.portal.get_tool("portal_workflow")
        return workflow.getInfoFor(self.ready, "review_history")

    def test_return_with_a_reason(self):
        browser = self.browser(REVIEWER_USER)
        form = self.return_form(browser)
        reason = "绩效目标不够具体，请补充可量化指标。"
        form.getControl(name="comment").value = reason
        form.submit(name="form.submitted")
        # the reviewer keeps read access: back on the project, with the reason
        self.assertEqual(browser.url, self.ready.absolute_url())
        self.assertIn("项目已退回单位", browser.contents)
        self.assertIn(reason, browser.contents)
        transaction.begin()
        self.assertEqual(api.content.get_state(self.ready), "returned")
        self.assertEqual(self.history()[-1]["comments"], reason)

    def test_without_a_reason_nothing_changes(self):
        browser = self.browser(REVIEWER_USER)
        form = self.return_form(browser)
        form.getControl(name="comment").value = "   "
        form.submit(name="form.submitted")
        self.assertIn("退回项目须说明原因", browser.contents)
        self.assertIn("invalid-feedback", browser.contents)
        transaction.begin()
        self.assertEqual(api.content.get_state(self.ready), "submitted")

    def test_an_old_status_link_asks_for_the_reason(self):
        browser = self.browser(REVIEWER_USER)
        browser.open(
            f"{self.ready.absolute_url()}/content_status_modify?workflow_action=return"
        )
        self.assertEqual(browser.url, f"{self.ready.absolute_url()}/@@return-to-unit")
        transaction.begin()
        self.assertEqual(api.content.get_state(self.ready), "submitted")

    def test_the_unit_cannot_return_its_own_project(self):
        browser = self.browser(UNIT_A_USER)
        browser.handleErrors = True
        browser.open(self.ready.absolute_url())
        self.assertNotIn("@@return-to-unit", browser.contents)
        browser.open(f"{self.ready.absolute_url()}/@@return-to-unit")
        self.assertIn("insufficient-privileges", browser.url)
        transaction.begin()
        self.assertEqual(api.content.get_state(self.ready), "submitted")

    def test_the_post_needs_the_csrf_token(self):
        browser = self.browser(REVIEWER_USER)
        browser.handleErrors = True
        browser.post(
            f"{self.ready.absolute_url()}/@@return-to-unit",
            "form.submitted=1&comment=x",
        )
        transaction.begin()
        self.assertEqual(api.content.get_state(self.ready), "submitted")


class TestSpecialFundCapOnThePage(ProjectPageTestCase):
    def test_a_municipal_special_fund_shows_the_count_and_the_cap(self):
        api.portal.set_registry_record(
            "changde.perfmgmt.declaration.min_quantifiable_indicators", 1
        )
        approved = create_project(
            self.city["unit_b"], id="fund-1", indicators=1, is_special_fund=True
        )
        for transition in ("submit", "review", "approve"):
            api.content.transition(obj=approved, transition=transition)
        waiting = create_project(
            self.city["unit_a"], id="fund-2", indicators=1, is_special_fund=True
        )
        transaction.commit()
        browser = self.browser(UNIT_A_USER)
        browser.open(waiting.absolute_url())
        line = re.search(
            r'<p class="perfmgmt-special-fund-cap[^"]*">(.*?)</p>',
            browser.contents,
            re.S,
        )
        self.assertIsNotNone(line)
        text = re.sub(r"\s+", "", re.sub(r"<[^>]+>", "", line.group(1)))
        self.assertEqual(
            text, "市本级2026年已批准专项1个，上限90个。批准本项目后为2个。"
        )
        # not for a project outside the cap
        browser.open(self.ready.absolute_url())
        self.assertNotIn("perfmgmt-special-fund-cap", browser.contents)

    def test_amounts_in_messages_have_thousands_separators(self):
        project = create_project(
            self.city["unit_a"],
            id="big",
            indicators=10,
            is_special_fund=True,
            amount=Decimal("5000000"),
        )
        transaction.commit()
        browser = self.browser(UNIT_A_USER)
        browser.open(project.absolute_url())
        self.assertIn("5,000,000 元及以上的专项", browser.contents)
        self.assertIn("该专项金额 5,000,000 元", browser.contents)


class TestCopyToLibraryPage(ProjectPageTestCase):
    def setUp(self):
        super().setUp()
        self.library = api.content.create(
            container=self.portal, type="IndicatorLibrary", id="library", title="指标库"
        )
        api.content.create(
            container=self.library,
            type="IndicatorTemplate",
            id="existing",
            title="指标 2",
            level1="产出指标",
            level2="数量指标",
            comparator="ge",
            sector="教育",
        )
        for transition in ("submit", "review", "approve"):
            api.content.transition(obj=self.ready, transition=transition)
        transaction.commit()

    def templates(self):
        transaction.begin()
        return sorted(t.title for t in self.library.objectValues())

    def test_the_office_copies_from_the_approved_project(self):
        browser = self.browser(OFFICE_USER)
        browser.open(self.ready.absolute_url())
        browser.getLink(url="@@copy-to-library").click()
        self.assertIn("将指标复制到指标库", browser.contents)
        form = browser.getForm(action=f"{self.ready.absolute_url()}/@@copy-to-library")
        form.getControl(name="sector").value = "教育"
        form.submit(name="form.submitted")
        self.assertEqual(browser.url, self.ready.absolute_url())
        self.assertIn("已将 1 项指标复制到“指标库”", browser.contents)
        self.assertEqual(self.templates(), ["指标 1", "指标 2"])
        (copied,) = [t for t in self.library.objectValues() if t.title == "指标 1"]
        self.assertEqual(
            (copied.sector, copied.unit, copied.comparator), ("教育", "所", "ge")
        )

    def test_a_sector_is_required(self):
        browser = self.browser(OFFICE_USER)
        browser.open(f"{self.ready.absolute_url()}/@@copy-to-library")
        form = browser.getForm(action=f"{self.ready.absolute_url()}/@@copy-to-library")
        form.submit(name="form.submitted")
        self.assertIn("请填写模板所属行业", browser.contents)
        self.assertEqual(self.templates(), ["指标 2"])

    def test_units_and_drafts_are_refused(self):
        browser = self.browser(UNIT_A_USER)
        browser.handleErrors = True
        browser.open(self.ready.absolute_url())
        self.assertNotIn("@@copy-to-library", browser.contents)
        browser.open(f"{self.ready.absolute_url()}/@@copy-to-library")
        self.assertIn("insufficient-privileges", browser.url)
        browser = self.browser(OFFICE_USER)
        browser.open(self.blocked.absolute_url())
        self.assertNotIn("@@copy-to-library", browser.contents)
        browser.open(f"{self.blocked.absolute_url()}/@@copy-to-library")
        self.assertIn(
            "只有已批准项目的指标才能复制到指标库；本项目状态为“草稿”", browser.contents
        )
        self.assertNotIn('name="form.submitted"', browser.contents)
        self.assertEqual(self.templates(), ["指标 2"])
