"""How long an item has waited (working days), its age band, and the day
self-evaluations are due: at their edges."""

import datetime
import unittest

from changde.perfmgmt.core.rules.workdays import WorkdayCalendar
from changde.perfmgmt.workbench.rules.deadlines import WorkbenchSettings
from changde.perfmgmt.workbench.rules.deadlines import age_band
from changde.perfmgmt.workbench.rules.deadlines import is_past
from changde.perfmgmt.workbench.rules.deadlines import self_evaluation_due
from changde.perfmgmt.workbench.rules.deadlines import validate_settings
from changde.perfmgmt.workbench.rules.deadlines import waiting_workdays

date = datetime.date


class TestWaiting(unittest.TestCase):
    def test_the_day_it_arrived_counts_nothing(self):
        self.assertEqual(waiting_workdays(date(2026, 11, 2), date(2026, 11, 2)), 0)

    def test_working_days_after_arrival(self):
        # Monday 2 November to Monday 9 November 2026: 3, 4, 5, 6, 9
        self.assertEqual(waiting_workdays(date(2026, 11, 2), date(2026, 11, 9)), 5)
        # arrived on Friday, today Monday: one working day
        self.assertEqual(waiting_workdays(date(2026, 11, 6), date(2026, 11, 9)), 1)

    def test_the_national_day_holidays_do_not_count(self):
        # 2026: 1-7 October off; arrived 30 September, today 8 October
        self.assertEqual(waiting_workdays(date(2026, 9, 30), date(2026, 10, 8)), 1)

    def test_the_office_entries_count(self):
        calendar = WorkdayCalendar(extra_holidays=[date(2030, 1, 3)])
        self.assertEqual(
            waiting_workdays(date(2030, 1, 1), date(2030, 1, 4), calendar), 2
        )

    def test_a_date_in_the_future(self):
        self.assertEqual(waiting_workdays(date(2026, 11, 9), date(2026, 11, 2)), 0)


class TestAgeBand(unittest.TestCase):
    def test_edges(self):
        settings = WorkbenchSettings(aging_days=5, long_days=10)
        for days, band in (
            (0, "new"),
            (4, "new"),
            (5, "aging"),
            (9, "aging"),
            (10, "long"),
            (30, "long"),
        ):
            self.assertEqual(age_band(days, settings), band, days)


class TestSelfEvaluationDue(unittest.TestCase):
    def test_the_following_year(self):
        self.assertEqual(self_evaluation_due(2026), date(2027, 4, 30))

    def test_a_day_past_the_month_end_is_its_last_day(self):
        settings = WorkbenchSettings(
            self_evaluation_due_month=2, self_evaluation_due_day=30
        )
        self.assertEqual(self_evaluation_due(2027, settings), date(2028, 2, 29))
        self.assertEqual(self_evaluation_due(2026, settings), date(2027, 2, 28))

    def test_is_past(self):
        self.assertFalse(is_past(date(2027, 4, 30), date(2027, 4, 30)))
        self.assertTrue(is_past(date(2027, 4, 30), date(2027, 5, 1)))
        self.assertFalse(is_past(None, date(2027, 5, 1)))


class TestSettings(unittest.TestCase):
    def test_defaults_accepted(self):
        self.assertEqual(validate_settings(WorkbenchSettings()), [])

    def test_refused(self):
        for settings, field in (
            (WorkbenchSettings(aging_days=0), "aging_days"),
            (WorkbenchSettings(long_days=5, aging_days=5), "long_days"),
            (WorkbenchSettings(long_days=4, aging_days=5), "long_days"),
            (
                WorkbenchSettings(self_evaluation_due_month=13),
                "self_evaluation_due_month",
            ),
            (WorkbenchSettings(self_evaluation_due_day=0), "self_evaluation_due_day"),
        ):
            (violation,) = validate_settings(settings)
            self.assertEqual(violation.field, field, settings)
