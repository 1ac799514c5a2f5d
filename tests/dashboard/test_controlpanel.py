"""The dashboard settings (驾驶舱设置): the office changes the margins of the
traffic lights in Site Setup and over REST; what the rules refuse is refused
on its field and nothing is saved; the lights follow the setting."""

from decimal import Decimal

from plone import api
from tests.core.panels import ControlPanelTestCase

from changde.perfmgmt.dashboard.settings import margins
from changde.perfmgmt.testing import UNIT_A_USER


class TestDashboardControlPanel(ControlPanelTestCase):
    panel = "perfmgmt-dashboard"
    prefix = "changde.perfmgmt.dashboard"

    def test_listed_in_site_setup(self):
        configlets = {
            action.id
            for action in api.portal.get_tool("portal_controlpanel").listActions()
        }
        self.assertIn(self.panel, configlets)

    def test_the_office_changes_the_margins(self):
        browser = self.browser()
        browser.open(self.url)
        self.assertIn("驾驶舱设置", browser.contents)
        browser.getControl(name="form.widgets.execution_margin").value = "2.5"
        browser.getControl(name="form.widgets.special_fund_margin").value = "10"
        browser.getControl(name="form.buttons.save").click()
        self.assertNotIn("invalid-feedback", browser.contents)
        self.assertEqual(self.value("execution_margin"), Decimal("2.5"))
        self.assertEqual(margins().special_fund_margin, 10)

    def test_a_margin_out_of_range_is_refused(self):
        browser = self.browser()
        browser.open(self.url)
        browser.getControl(name="form.widgets.execution_margin").value = "101"
        browser.getControl(name="form.buttons.save").click()
        self.assertIn("invalid-feedback", browser.contents)
        self.assertEqual(self.value("execution_margin"), Decimal("5"))

    def test_units_cannot_open_it(self):
        browser = self.browser(UNIT_A_USER)
        browser.handleErrors = True
        browser.open(self.url)
        self.assertIn("insufficient-privileges", browser.url)

    def test_rest(self):
        response = self.rest("GET")
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(response.json()["data"]["special_fund_margin"], 5)
        response = self.rest("PATCH", json={"special_fund_margin": 3})
        self.assertEqual(response.status_code, 204, response.text)
        self.assertEqual(self.value("special_fund_margin"), 3)
        response = self.rest("PATCH", json={"special_fund_margin": -1})
        self.assertEqual(response.status_code, 400, response.text)
        self.assertEqual(self.value("special_fund_margin"), 3)
