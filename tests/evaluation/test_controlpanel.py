"""The evaluation settings control panel (评价规则): the office edits the grade
bands and thresholds in Site Setup and over @controlpanels; what the rules
refuse (bands out of order, thresholds out of range) gets a message on the
setting and is not saved (functional)."""

from decimal import Decimal

from plone import api
from tests.core.panels import ControlPanelTestCase

from changde.perfmgmt.testing import UNIT_A_USER

PREFIX = "changde.perfmgmt.evaluation"


class TestEvaluationControlPanel(ControlPanelTestCase):
    panel = "perfmgmt-evaluation"
    prefix = PREFIX
    rest_language = "zh-cn"

    def test_listed_in_site_setup(self):
        configlets = {
            action.id
            for action in api.portal.get_tool("portal_controlpanel").listActions()
        }
        self.assertIn("perfmgmt-evaluation", configlets)

    def test_the_office_changes_the_bands(self):
        browser = self.browser()
        browser.open(self.url)
        self.assertIn("评价规则", browser.contents)
        browser.getControl(name="form.widgets.excellent_min").value = "95"
        browser.getControl(name="form.buttons.save").click()
        self.assertEqual(self.value("excellent_min"), Decimal("95"))

    def test_bands_out_of_order_are_refused_on_the_field(self):
        browser = self.browser()
        browser.open(self.url)
        browser.getControl(name="form.widgets.excellent_min").value = "75"
        browser.getControl(name="form.buttons.save").click()
        contents = browser.contents
        field = contents[contents.index('id="formfield-form-widgets-excellent_min"') :]
        field = field[: field.index('id="formfield-form-widgets-good_min"')]
        self.assertIn("invalid-feedback", field)
        self.assertIn("75", field[field.index("invalid-feedback") :])
        self.assertEqual(self.value("excellent_min"), Decimal("90"))
        # below the field the rules name: 良 above 优
        browser.getControl(name="form.widgets.excellent_min").value = "90"
        browser.getControl(name="form.widgets.average_min").value = "85"
        browser.getControl(name="form.buttons.save").click()
        contents = browser.contents
        field = contents[contents.index('id="formfield-form-widgets-good_min"') :]
        field = field[: field.index('id="formfield-form-widgets-average_min"')]
        self.assertIn("invalid-feedback", field)
        self.assertEqual(self.value("average_min"), Decimal("60"))

    def test_a_threshold_the_rules_refuse_is_not_saved(self):
        browser = self.browser()
        browser.open(self.url)
        browser.getControl(name="form.widgets.low_execution_rate").value = "0"
        browser.getControl(name="form.buttons.save").click()
        self.assertIn("invalid-feedback", browser.contents)
        self.assertEqual(self.value("low_execution_rate"), Decimal("70"))

    def test_unit_staff_cannot_open_it(self):
        browser = self.browser(UNIT_A_USER)
        browser.handleErrors = True
        browser.open(self.url)
        self.assertIn("insufficient-privileges", browser.url)

    def test_rest_refuses_bands_out_of_order_and_writes_nothing(self):
        def stored(name):
            return self.rest("GET").json()["data"][name]

        response = self.rest("PATCH", json={"average_min": "85", "good_min": "80"})
        self.assertEqual(response.status_code, 400, response.text)
        self.assertIn("85", response.json()["message"])
        self.assertEqual(stored("average_min"), "60")
        # a band alone is checked against the stored others
        response = self.rest("PATCH", json={"excellent_min": "75"})
        self.assertEqual(response.status_code, 400, response.text)
        self.assertEqual(stored("excellent_min"), "90")
        response = self.rest("PATCH", json={"excellent_min": "92"})
        self.assertEqual(response.status_code, 204, response.text)
        self.assertEqual(stored("excellent_min"), "92")
        response = self.rest("PATCH", json={"low_execution_years": 0})
        self.assertEqual(response.status_code, 400, response.text)
