"""The libraries' settings (专家库与内部点评设置) in Site Setup and over
@controlpanels: values the rules refuse together (excellent minimum above
the maximum, weights not summing to 100) get messages next to their fields
and are not saved (functional)."""

from decimal import Decimal

from plone import api
from tests.core.panels import ControlPanelTestCase

from changde.perfmgmt.testing import UNIT_A_USER

PREFIX = "changde.perfmgmt.libraries"


class TestLibrariesControlPanel(ControlPanelTestCase):
    panel = "perfmgmt-libraries"
    prefix = PREFIX

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
        self.assertEqual(self.value("excellent_max"), 6)
        self.assertEqual(self.value("weight_goal_completion"), Decimal(40))

    def test_excellent_minimum_above_the_maximum_is_refused(self):
        browser = self.browser()
        browser.open(self.url)
        browser.getControl(name="form.widgets.excellent_min").value = "6"
        browser.getControl(name="form.widgets.rounds_per_year").value = "6"
        browser.getControl(name="form.buttons.save").click()
        message = self.field_error(browser.contents, "excellent_min")
        self.assertTrue(message and "超过了最多数量" in message, message)
        self.assertEqual(self.value("excellent_min"), 3)
        self.assertEqual(self.value("rounds_per_year"), 5)

    def test_weights_not_summing_to_100_are_refused(self):
        browser = self.browser()
        browser.open(self.url)
        browser.getControl(name="form.widgets.weight_text_quality").value = "30"
        browser.getControl(name="form.buttons.save").click()
        for criterion in ("goal_completion", "text_quality"):
            message = self.field_error(browser.contents, f"weight_{criterion}")
            self.assertTrue(message and "105" in message, criterion)
        self.assertEqual(self.value("weight_text_quality"), Decimal(25))

    def test_unit_staff_cannot_open_it(self):
        browser = self.browser(UNIT_A_USER)
        browser.handleErrors = True
        browser.open(self.url)
        self.assertIn("insufficient-privileges", browser.url)

    def test_rest(self):
        response = self.rest("GET")
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(response.json()["data"]["excellent_min"], 3)
        response = self.rest("PATCH", json={"excellent_min": 6, "rounds_per_year": 6})
        self.assertEqual(response.status_code, 400, response.text)
        self.assertIn("exceeds the maximum", response.text)
        self.assertEqual(self.value("excellent_min"), 3)
        self.assertEqual(self.value("rounds_per_year"), 5)
        response = self.rest("PATCH", json={"weight_problem_depth": "30"})
        self.assertEqual(response.status_code, 400, response.text)
        self.assertIn("sum to 105", response.text)
        response = self.rest(
            "PATCH", json={"weight_problem_depth": "30", "weight_text_quality": "20"}
        )
        self.assertEqual(response.status_code, 204, response.text)
        self.assertEqual(self.value("weight_problem_depth"), Decimal(30))
