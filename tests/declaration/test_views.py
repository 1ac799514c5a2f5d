"""The project page and a refused transition in the Classic UI (functional)."""

import re
import unittest

import transaction
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.testing.zope import Browser

from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
from changde.perfmgmt.testing import PASSWORD
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import UNIT_B_USER
from changde.perfmgmt.testing import create_city
from changde.perfmgmt.testing import create_project


class TestProjectPage(unittest.TestCase):
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
