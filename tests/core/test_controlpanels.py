"""The add-on's control panels: the office edits the plan's thresholds in
Site Setup and administrators over plone.restapi's @controlpanels
(functional)."""

from plone import api
from tests.core.panels import ControlPanelTestCase

from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import UNIT_A_USER

MIN_QUANTIFIABLE = "changde.perfmgmt.declaration.min_quantifiable_indicators"


class TestControlPanels(ControlPanelTestCase):
    def test_configlets_listed_in_site_setup(self):
        configlets = {
            action.id
            for action in api.portal.get_tool("portal_controlpanel").listActions()
        }
        self.assertIn("perfmgmt-calendar", configlets)
        self.assertIn("perfmgmt-declaration", configlets)

    def test_the_office_changes_a_threshold_in_the_ui(self):
        browser = self.browser(OFFICE_USER)
        browser.open(f"{self.portal_url}/@@perfmgmt-declaration-controlpanel")
        self.assertIn("申报规则", browser.contents)
        control = browser.getControl(name="form.widgets.min_quantifiable_indicators")
        self.assertEqual(control.value, "10")
        control.value = "12"
        browser.getControl(name="form.buttons.save").click()
        self.assertEqual(self.value(MIN_QUANTIFIABLE), 12)

    def test_a_negative_threshold_is_refused_and_nothing_saved(self):
        browser = self.browser(OFFICE_USER)
        browser.open(f"{self.portal_url}/@@perfmgmt-declaration-controlpanel")
        browser.getControl(name="form.widgets.min_quantifiable_indicators").value = "-1"
        browser.getControl(name="form.buttons.save").click()
        self.assertIn("invalid-feedback", browser.contents)
        self.assertEqual(self.value(MIN_QUANTIFIABLE), 10)

    def test_the_office_enters_next_years_holidays(self):
        browser = self.browser(OFFICE_USER)
        browser.open(f"{self.portal_url}/@@perfmgmt-calendar-controlpanel")
        self.assertIn("工作日历", browser.contents)
        browser.getControl(
            name="form.widgets.extra_holidays"
        ).value = "2027-10-01\n2027-10-02\n"
        browser.getControl(name="form.widgets.extra_workdays").value = "2027-09-26"
        browser.getControl(name="form.buttons.save").click()
        holidays = self.value("changde.perfmgmt.core.extra_holidays")
        self.assertEqual([str(day) for day in holidays], ["2027-10-01", "2027-10-02"])
        workdays = self.value("changde.perfmgmt.core.extra_workdays")
        self.assertEqual([str(day) for day in workdays], ["2027-09-26"])
        # shown again one a line
        browser.open(f"{self.portal_url}/@@perfmgmt-calendar-controlpanel")
        self.assertIn("2027-10-01\n2027-10-02", browser.contents)

    def test_a_line_that_is_not_a_date_is_refused(self):
        browser = self.browser(OFFICE_USER)
        browser.open(f"{self.portal_url}/@@perfmgmt-calendar-controlpanel")
        browser.getControl(name="form.widgets.extra_holidays").value = "2027-13-01"
        browser.getControl(name="form.buttons.save").click()
        self.assertIn("“2027-13-01”不是日期", browser.contents)
        self.assertEqual(self.value("changde.perfmgmt.core.extra_holidays"), [])

    def test_unit_staff_cannot_open_the_settings(self):
        browser = self.browser(UNIT_A_USER)
        browser.handleErrors = True
        for name in ("declaration", "calendar"):
            browser.open(f"{self.portal_url}/@@perfmgmt-{name}-controlpanel")
            self.assertIn("insufficient-privileges", browser.url)

    def test_rest_get_and_patch(self):
        response = self.rest("GET", "perfmgmt-declaration")
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(response.json()["data"]["min_quantifiable_indicators"], 10)
        response = self.rest(
            "PATCH", "perfmgmt-declaration", json={"municipal_special_fund_cap": 80}
        )
        self.assertEqual(response.status_code, 204, response.text)
        self.assertEqual(
            self.value("changde.perfmgmt.declaration.municipal_special_fund_cap"),
            80,
        )
        response = self.rest(
            "PATCH", "perfmgmt-calendar", json={"extra_holidays": ["2027-10-01"]}
        )
        self.assertEqual(response.status_code, 204, response.text)
        self.assertEqual(
            [str(day) for day in self.value("changde.perfmgmt.core.extra_holidays")],
            ["2027-10-01"],
        )

    def test_rest_patch_with_a_bad_value_writes_nothing(self):
        response = self.rest(
            "PATCH",
            "perfmgmt-declaration",
            json={"municipal_special_fund_cap": 80, "min_quantifiable_indicators": -1},
        )
        self.assertEqual(response.status_code, 400, response.text)
        self.assertIn("min_quantifiable_indicators", response.text)
        self.assertEqual(
            self.value("changde.perfmgmt.declaration.municipal_special_fund_cap"),
            90,
        )
