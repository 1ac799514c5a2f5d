"""The reporting pages in Chromium: the office drafts the year's report from
the reporting area and reads it with its sources; the plan page shows every
measure's leader and lead office at desktop and phone width; a unit finds the
goal form's Word and PDF buttons under its project and no reporting tab."""

from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import BrowserTestCase
from changde.perfmgmt.testing import create_project


class TestReportingInTheBrowser(BrowserTestCase):
    def setUp(self):
        super().setUp()
        from plone import api
        from plone.app.testing import TEST_USER_ID
        from plone.app.testing import setRoles

        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.project = create_project(self.city["unit_a"], id="p1", indicators=3)
        workflow = api.portal.get_tool("portal_workflow")
        for transition in ("submit", "review", "approve"):
            workflow.doActionFor(self.project, transition)

    def test_the_office_drafts_and_reads_the_report(self):
        self.login(OFFICE_USER)
        self.open("reporting")
        self.assertTrue(self.find_all("#portal-globalnav a[href$='/reporting']"))
        year = self.find("#report-year")
        year.clear()
        year.send_keys("2026")
        self.find(".perfmgmt-reporting-draft button[type='submit']").click()
        self.wait_until(lambda d: "annual-report-2026" in d.current_url)
        text = self.find(".perfmgmt-report-text").text
        self.assertIn("全市共1[", text)  # one declared project, with its source
        sources = self.find_all(".perfmgmt-report-sources tbody tr")
        self.assertGreater(len(sources), 20)
        links = [
            a.get_attribute("href") for a in self.find_all(".perfmgmt-report-actions a")
        ]
        self.assertTrue(any(h.endswith("@@annual-report.docx") for h in links))
        self.assertTrue(any(h.endswith("@@annual-report.pdf") for h in links))
        self.screenshot("reporting-annual-report")
        self.set_width(390)
        self.open(self.driver.current_url)
        self.assertLessEqual(self.horizontal_overflow(), 0)
        self.set_width(1366)

    def test_the_plan_page_at_both_widths(self):
        self.login(OFFICE_USER)
        for width in (1366, 390):
            self.set_width(width)
            self.open("reporting/work-plan-2019")
            rows = self.find_all("table.perfmgmt-measures tbody tr")
            self.assertEqual(len(rows), 14)
            self.assertEqual(self.find("tr.measure-5 .measure-leader").text, "蒋金华")
            self.assertEqual(
                self.find("tr.measure-5 .measure-lead-office").text, "预算科"
            )
            self.assertLessEqual(self.horizontal_overflow(), 0)
            self.screenshot(f"reporting-plan-{width}")
        self.set_width(1366)

    def test_a_unit_finds_its_goal_form(self):
        self.login(UNIT_A_USER)
        self.open(self.project.absolute_url())
        buttons = self.find_all(".perfmgmt-documents a")
        hrefs = [b.get_attribute("href") for b in buttons]
        self.assertTrue(hrefs[0].endswith("/p1/@@goal-form.docx"), hrefs)
        self.assertTrue(hrefs[1].endswith("/p1/@@goal-form.pdf"), hrefs)
        self.assertFalse(self.find_all("#portal-globalnav a[href$='/reporting']"))
        self.screenshot("reporting-unit-project")
