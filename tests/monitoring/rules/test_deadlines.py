"""Tests of changde.perfmgmt.monitoring.rules.deadlines (plain unittest, no Zope)."""

import unittest
from datetime import date

from changde.perfmgmt.core.rules.workdays import WorkdayCalendar
from changde.perfmgmt.monitoring.rules.deadlines import REPORT_STATUSES
from changde.perfmgmt.monitoring.rules.deadlines import is_overdue
from changde.perfmgmt.monitoring.rules.deadlines import report_due
from changde.perfmgmt.monitoring.rules.deadlines import report_status
from changde.perfmgmt.monitoring.rules.rounds import default_rounds_for_year


class ReportDueTests(unittest.TestCase):
    def setUp(self):
        self.calendar = WorkdayCalendar()

    def test_october_2026_round(self):
        # Report month November 2026 has no holidays; Nov 1 is a Sunday, so
        # the 10th working day is the 10th weekday: Friday 2026-11-13.
        (first, _) = default_rounds_for_year(2026)
        self.assertEqual(
            report_due(first.cutoff_date, self.calendar), date(2026, 11, 13)
        )

    def test_december_2025_round(self):
        # Report month January 2026: Jan 1–3 (Thu–Sat) are the New Year
        # holiday and Sunday Jan 4 is an adjusted working day. Working days:
        # 4 (Sun), 5, 6, 7, 8, 9, 12, 13, 14, 15 -> the 10th is Thursday
        # 2026-01-15 (the adjusted Sunday wins back the day Jan 2 cost).
        self.assertEqual(
            report_due(date(2025, 12, 31), self.calendar), date(2026, 1, 15)
        )

    def test_september_2026_round_meets_national_day(self):
        # A round cut off 2026-09-30 reports in October 2026: Oct 1–7 off,
        # Saturday Oct 10 worked: 8, 9, 10, 12, 13, 14, 15, 16, 19, 20.
        self.assertEqual(
            report_due(date(2026, 9, 30), self.calendar), date(2026, 10, 20)
        )

    def test_december_2026_round_falls_back_in_2027(self):
        # January 2027 is not in the package: Monday–Friday. Jan 1 is a
        # Friday: 1, 4–8, 11–14 -> Thursday 2027-01-14.
        self.assertFalse(self.calendar.knows_year(2027))
        self.assertEqual(
            report_due(date(2026, 12, 31), self.calendar), date(2027, 1, 14)
        )

    def test_december_2026_round_with_office_holiday(self):
        # The office enters New Year's Day 2027: one working day later.
        calendar = WorkdayCalendar(extra_holidays=[date(2027, 1, 1)])
        self.assertEqual(report_due(date(2026, 12, 31), calendar), date(2027, 1, 15))

    def test_office_extra_workday_on_saturday(self):
        # Saturday 2027-01-09 entered as worked: one working day earlier.
        calendar = WorkdayCalendar(extra_workdays=[date(2027, 1, 9)])
        self.assertEqual(report_due(date(2026, 12, 31), calendar), date(2027, 1, 13))

    def test_year_2030(self):
        rounds = default_rounds_for_year(2030)
        # Nov 2030: Nov 1 is a Friday: 1, 4–8, 11–14.
        self.assertEqual(report_due(rounds[0].cutoff_date), date(2030, 11, 14))
        # Jan 2031: Jan 1 is a Wednesday: 1–3, 6–10, 13, 14.
        self.assertEqual(report_due(rounds[1].cutoff_date), date(2031, 1, 14))
        calendar = WorkdayCalendar(extra_holidays=[date(2031, 1, 1)])
        self.assertEqual(report_due(rounds[1].cutoff_date, calendar), date(2031, 1, 15))

    def test_working_days_setting(self):
        self.assertEqual(
            report_due(date(2026, 10, 31), self.calendar, working_days=1),
            date(2026, 11, 2),
        )
        self.assertEqual(
            report_due(date(2026, 10, 31), self.calendar, working_days=15),
            date(2026, 11, 20),
        )

    def test_cutoff_mid_month(self):
        self.assertEqual(
            report_due(date(2026, 10, 15), self.calendar), date(2026, 11, 13)
        )


class ReportStatusTests(unittest.TestCase):
    due = date(2026, 11, 13)

    def test_is_overdue(self):
        self.assertFalse(is_overdue(self.due, None, date(2026, 11, 13)))
        self.assertTrue(is_overdue(self.due, None, date(2026, 11, 14)))
        self.assertFalse(is_overdue(self.due, date(2026, 11, 20), date(2026, 12, 1)))

    def test_report_status(self):
        self.assertEqual(report_status(self.due, None, date(2026, 11, 1)), "pending")
        self.assertEqual(report_status(self.due, None, date(2026, 11, 13)), "pending")
        self.assertEqual(report_status(self.due, None, date(2026, 11, 14)), "overdue")
        self.assertEqual(
            report_status(self.due, date(2026, 11, 13), date(2026, 12, 1)), "reported"
        )
        self.assertEqual(
            report_status(self.due, date(2026, 11, 16), date(2026, 12, 1)),
            "reported_late",
        )
        self.assertEqual(
            set(REPORT_STATUSES), {"reported", "reported_late", "pending", "overdue"}
        )
