"""The workbench settings (工作台设置): when a waiting item is aging or long
waiting, when self-evaluations are due; the rules' refusals on their field."""

from plone import api
from tests.core.panels import ControlPanelTestCase

from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.workbench.settings import workbench_settings


class TestWorkbenchControlPanel(ControlPanelTestCase):
    panel = "perfmgmt-workbench"
    prefix = "changde.perfmgmt.workbench"

    def test_listed_in_site_setup(self):
        configlets = {
            action.id
            for action in api.portal.get_tool("portal_controlpanel").listActions()
        }
        self.assertIn(self.panel, configlets)

    def test_the_office_changes_the_days(self):
        browser = self.browser()
        browser.open(self.url)
        self.assertIn("工作台设置", browser.contents)
        browser.getControl(name="form.widgets.aging_days").value = "3"
        browser.getControl(name="form.widgets.long_days").value = "8"
        browser.getControl(name="form.widgets.self_evaluation_due_month").value = "5"
        browser.getControl(name="form.buttons.save").click()
        self.assertNotIn("invalid-feedback", browser.contents)
        settings = workbench_settings()
        self.assertEqual(
            (
                settings.aging_days,
                settings.long_days,
                settings.self_evaluation_due_month,
            ),
            (3, 8, 5),
        )

    def test_long_before_aging_is_refused_on_its_field(self):
        browser = self.browser()
        browser.open(self.url)
        browser.getControl(name="form.widgets.aging_days").value = "8"
        browser.getControl(name="form.widgets.long_days").value = "8"
        browser.getControl(name="form.buttons.save").click()
        self.assertIn("invalid-feedback", browser.contents)
        self.assertIn("8", browser.contents)
        self.assertEqual(self.value("aging_days"), 5)

    def test_units_cannot_open_it(self):
        browser = self.browser(UNIT_A_USER)
        browser.handleErrors = True
        browser.open(self.url)
        self.assertIn("insufficient-privileges", browser.url)

    def test_rest(self):
        response = self.rest("PATCH", json={"long_days": 20})
        self.assertEqual(response.status_code, 204, response.text)
        self.assertEqual(self.value("long_days"), 20)
        response = self.rest("PATCH", json={"long_days": 4})
        self.assertEqual(response.status_code, 400, response.text)
        self.assertIn("than it is aging (5)", response.text)
        self.assertEqual(self.rest("GET").json()["data"]["long_days"], 20)
