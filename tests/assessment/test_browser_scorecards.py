"""In Chromium: the unit fills in its self-evaluation's scorecard and sees
the total and grade computed; the office creates the year's assessment and
reads the ranking; the pages fit a phone's width (wide tables scroll inside
their frame, not the page)."""

import transaction
from plone import api
from tests.assessment.base import create_report
from tests.assessment.base import set_up

from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import BrowserTestCase


class TestScorecardsInTheBrowser(BrowserTestCase):
    create_city = False

    def setUp(self):
        super().setUp()
        with api.env.adopt_roles(["Manager"]):
            self.city, self.project, self.record = set_up(self.portal)
            self.report = create_report(self.project)
        transaction.commit()

    def press(self, css):
        """Click a button (by script: the fixed toolbar may cover it)."""
        self.driver.execute_script("arguments[0].click();", self.find(css))

    def test_the_unit_fills_in_its_scorecard(self):
        self.login(UNIT_A_USER)
        self.open(self.report.absolute_url())
        self.assertIn("未完成", self.find(".scorecard-summary").text)
        self.open(self.find("a[href$='@@scorecard']").get_attribute("href"))
        field = self.find("input[name^='percent_']")
        field.clear()
        field.send_keys("90")
        self.press("button[name='form.submitted']")
        self.wait_until(lambda d: d.find_elements("css selector", ".scorecard-total"))
        self.assertEqual(self.find(".scorecard-total").text, "96.00")
        self.assertEqual(self.find(".scorecard-grade").text, "优")
        self.set_width(390)
        try:
            self.open(self.report.absolute_url())
            self.assertLessEqual(self.horizontal_overflow(), 0)
        finally:
            self.set_width(1366)

    def test_the_office_ranks_the_year(self):
        self.login(OFFICE_USER)
        self.open("assessment/@@assessment-ranking?year=2026")
        self.press("button[name='create_cards']")
        self.wait_until(
            lambda d: d.find_elements("css selector", "table.assessment-ranking")
        )
        tables = self.find_all("table.assessment-ranking")
        self.assertEqual(len(tables), 2)
        self.assertIn("市教育局", tables[0].text)
        self.set_width(390)
        try:
            self.open("assessment/@@assessment-ranking?year=2026")
            self.assertLessEqual(self.horizontal_overflow(), 0)
        finally:
            self.set_width(1366)
