"""The monitoring settings' control panel (Site Setup → 运行监控设置 and
@controlpanels/perfmgmt-monitoring): the rules refuse bad values with a field
message and nothing is saved. The calendar panel refuses a date entered both
as a holiday and as a working day (functional)."""

from plone import api
from tests.core.panels import ControlPanelTestCase

from changde.perfmgmt.monitoring.settings import DEFAULT_ROUND_LINES
from changde.perfmgmt.testing import UNIT_A_USER

ROUNDS = "changde.perfmgmt.monitoring.default_rounds"
DAYS = "changde.perfmgmt.monitoring.report_working_days"
HOLIDAYS = "changde.perfmgmt.core.extra_holidays"
WORKDAYS = "changde.perfmgmt.core.extra_workdays"


class TestMonitoringControlPanel(ControlPanelTestCase):
    def open_panel(self):
        browser = self.browser()
        browser.open(f"{self.portal_url}/@@perfmgmt-monitoring-controlpanel")
        return browser

    def test_listed_in_site_setup(self):
        configlets = {
            action.id
            for action in api.portal.get_tool("portal_controlpanel").listActions()
        }
        self.assertIn("perfmgmt-monitoring", configlets)

    def test_the_office_adds_a_third_round(self):
        browser = self.open_panel()
        self.assertIn("运行监控设置", browser.contents)
        control = browser.getControl(name="form.widgets.default_rounds")
        self.assertEqual(control.value.split("\n")[0], DEFAULT_ROUND_LINES[0])
        control.value = "\n".join(DEFAULT_ROUND_LINES + ["3|06-30|30|soundness"])
        browser.getControl(name="form.widgets.report_working_days").value = "12"
        browser.getControl(name="form.buttons.save").click()
        self.assertNotIn("invalid-feedback", browser.contents)
        self.assertEqual(self.value(ROUNDS)[-1], "3|06-30|30|soundness")
        self.assertEqual(self.value(DAYS), 12)

    def test_a_bad_line_is_refused_on_its_field(self):
        browser = self.open_panel()
        browser.getControl(name="form.widgets.default_rounds").value = "\n".join(
            DEFAULT_ROUND_LINES + ["3|13-45|x|nope"]
        )
        browser.getControl(name="form.widgets.report_working_days").value = "12"
        browser.getControl(name="form.buttons.save").click()
        self.assertIn("invalid-feedback", browser.contents)
        self.assertIn("第 3 行", browser.contents)
        self.assertEqual(self.value(ROUNDS), DEFAULT_ROUND_LINES)
        self.assertEqual(self.value(DAYS), 10)

    def test_the_plans_rules_are_checked(self):
        for lines, expected in (
            (DEFAULT_ROUND_LINES[:1], "至少"),  # one round a year
            (["1|10-31|160|soundness", DEFAULT_ROUND_LINES[1]], "0"),  # target
            (["1|10-31|60|soundness", "1|12-31|85|compliance"], "编号"),
            (["1|10-31|60|soundness", "2|12-31|85|luck"], "luck"),
        ):
            browser = self.open_panel()
            browser.getControl(name="form.widgets.default_rounds").value = "\n".join(
                lines
            )
            browser.getControl(name="form.buttons.save").click()
            self.assertIn("invalid-feedback", browser.contents, lines)
            self.assertIn(expected, browser.contents, lines)
            self.assertEqual(self.value(ROUNDS), DEFAULT_ROUND_LINES)

    def test_units_cannot_open_it(self):
        browser = self.browser(UNIT_A_USER)
        browser.handleErrors = True
        browser.open(f"{self.portal_url}/@@perfmgmt-monitoring-controlpanel")
        self.assertIn("insufficient-privileges", browser.url)

    def test_rest(self):
        response = self.rest("GET", "perfmgmt-monitoring")
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(response.json()["data"]["report_working_days"], 10)
        response = self.rest(
            "PATCH", "perfmgmt-monitoring", json={"report_working_days": 8}
        )
        self.assertEqual(response.status_code, 204, response.text)
        self.assertEqual(self.value(DAYS), 8)
        response = self.rest(
            "PATCH",
            "perfmgmt-monitoring",
            json={"report_working_days": 12, "default_rounds": ["1|10-31|60|x"]},
        )
        self.assertEqual(response.status_code, 400, response.text)
        self.assertIn("default_rounds", response.text)
        self.assertIn("At least 2 monitoring rounds", response.text)
        self.assertEqual(self.value(DAYS), 8)
        self.assertEqual(self.value(ROUNDS), DEFAULT_ROUND_LINES)


class TestCalendarConflicts(ControlPanelTestCase):
    def test_a_date_both_holiday_and_workday_is_refused(self):
        browser = self.browser()
        browser.open(f"{self.portal_url}/@@perfmgmt-calendar-controlpanel")
        browser.getControl(
            name="form.widgets.extra_holidays"
        ).value = "2027-10-01\n2027-10-02"
        browser.getControl(
            name="form.widgets.extra_workdays"
        ).value = "2027-10-02\n2027-09-26"
        browser.getControl(name="form.buttons.save").click()
        self.assertIn("2027-10-02 同时被录入为节假日和工作日。", browser.contents)
        self.assertEqual(self.value(HOLIDAYS), [])
        self.assertEqual(self.value(WORKDAYS), [])

    def test_over_rest_too(self):
        response = self.rest(
            "PATCH", "perfmgmt-calendar", json={"extra_holidays": ["2027-10-01"]}
        )
        self.assertEqual(response.status_code, 204, response.text)
        # the saved holiday meets a new working day on the same date
        response = self.rest(
            "PATCH",
            "perfmgmt-calendar",
            json={"extra_workdays": ["2027-10-01", "2027-09-26"]},
        )
        self.assertEqual(response.status_code, 400, response.text)
        self.assertIn("2027-10-01 is entered both", response.text)
        self.assertEqual(self.value(WORKDAYS), [])
