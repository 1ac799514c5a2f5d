"""The libraries' settings (专家库与内部点评设置) in Site Setup and over
@controlpanels: values the rules refuse together (excellent minimum above
the maximum, weights not summing to 100) get messages next to their fields
and are not saved (functional)."""

import unittest
from decimal import Decimal

import requests
import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.testing.zope import Browser

from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import PASSWORD
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import create_city

PREFIX = "changde.perfmgmt.libraries"


class TestLibrariesControlPanel(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.url = f"{self.portal.absolute_url()}/@@perfmgmt-libraries-controlpanel"
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        create_city(self.portal)
        transaction.commit()

    def browser(self, user=OFFICE_USER):
        browser = Browser(self.layer["app"])
        browser.handleErrors = False
        browser.raiseHttpErrors = False
        browser.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
        browser.addHeader("Accept-Language", "zh-cn")
        return browser

    def record(self, name):
        transaction.begin()
        return api.portal.get_registry_record(f"{PREFIX}.{name}")

    def field_error(self, html, field):
        """The message shown in the field's own block, or None."""
        start = html.find(f'id="formfield-form-widgets-{field}"')
        if start < 0:
            return None
        end = html.find('<div class="mb-3 field', start + 10)
        block = html[start : end if end > 0 else None]
        return block if "invalid-feedback" in block else None

    def test_listed_in_site_setup(self):
        ids = {a.id for a in api.portal.get_tool("portal_controlpanel").listActions()}
        self.assertIn("perfmgmt-libraries", ids)

    def test_the_office_changes_the_numbers(self):
        browser = self.browser()
        browser.open(self.url)
        self.assertTrue("专家库与内部点评设置" in browser.contents)
        browser.getControl(name="form.widgets.excellent_max").value = "6"
        browser.getControl(name="form.widgets.weight_goal_completion").value = "40"
        browser.getControl(name="form.widgets.weight_text_quality").value = "10"
        browser.getControl(name="form.buttons.save").click()
        self.assertEqual(self.record("excellent_max"), 6)
        self.assertEqual(self.record("weight_goal_completion"), Decimal(40))

    def test_excellent_minimum_above_the_maximum_is_refused(self):
        browser = self.browser()
        browser.open(self.url)
        browser.getControl(name="form.widgets.excellent_min").value = "6"
        browser.getControl(name="form.widgets.rounds_per_year").value = "6"
        browser.getControl(name="form.buttons.save").click()
        message = self.field_error(browser.contents, "excellent_min")
        self.assertTrue(message and "超过了最多数量" in message, message)
        self.assertEqual(self.record("excellent_min"), 3)
        self.assertEqual(self.record("rounds_per_year"), 5)

    def test_weights_not_summing_to_100_are_refused(self):
        browser = self.browser()
        browser.open(self.url)
        browser.getControl(name="form.widgets.weight_text_quality").value = "30"
        browser.getControl(name="form.buttons.save").click()
        for criterion in ("goal_completion", "text_quality"):
            message = self.field_error(browser.contents, f"weight_{criterion}")
            self.assertTrue(message and "105" in message, criterion)
        self.assertEqual(self.record("weight_text_quality"), Decimal(25))

    def test_unit_staff_cannot_open_it(self):
        browser = self.browser(UNIT_A_USER)
        browser.handleErrors = True
        browser.open(self.url)
        self.assertIn("insufficient-privileges", browser.url)

    def rest(self, method, **kwargs):
        return requests.request(
            method,
            f"{self.portal.absolute_url()}/@controlpanels/perfmgmt-libraries",
            headers={"Accept": "application/json", "Accept-Language": "en"},
            auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
            timeout=30,
            **kwargs,
        )

    def test_rest(self):
        response = self.rest("GET")
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(response.json()["data"]["excellent_min"], 3)
        response = self.rest("PATCH", json={"excellent_min": 6, "rounds_per_year": 6})
        self.assertEqual(response.status_code, 400, response.text)
        self.assertIn("exceeds the maximum", response.text)
        self.assertEqual(self.record("excellent_min"), 3)
        self.assertEqual(self.record("rounds_per_year"), 5)
        response = self.rest("PATCH", json={"weight_problem_depth": "30"})
        self.assertEqual(response.status_code, 400, response.text)
        self.assertIn("sum to 105", response.text)
        response = self.rest(
            "PATCH", json={"weight_problem_depth": "30", "weight_text_quality": "20"}
        )
        self.assertEqual(response.status_code, 204, response.text)
        self.assertEqual(self.record("weight_problem_depth"), Decimal(30))
