"""Tests of the Chinese working-day calendar, changde.perfmgmt.core.rules.workdays
(plain unittest, no Zope).

The 2025/2026 expectations were checked against chinese-calendar 1.11.0,
which follows the State Council's holiday notices for those years.
"""

import unittest
from datetime import date
from datetime import datetime

from changde.perfmgmt.core.rules.workdays import WorkdayCalendar
from changde.perfmgmt.core.rules.workdays import check_overrides


class KnowsYearTests(unittest.TestCase):
    def test_package_years(self):
        calendar = WorkdayCalendar()
        self.assertTrue(calendar.knows_year(2004))
        self.assertTrue(calendar.knows_year(2025))
        self.assertTrue(calendar.knows_year(2026))

    def test_unknown_years(self):
        calendar = WorkdayCalendar()
        self.assertFalse(calendar.knows_year(2003))
        self.assertFalse(calendar.knows_year(2027))
        self.assertFalse(calendar.knows_year(2030))

    def test_impossible_year_does_not_raise(self):
        self.assertFalse(WorkdayCalendar.knows_year(0))
        self.assertFalse(WorkdayCalendar.knows_year(10000))


class NationalDay2026Tests(unittest.TestCase):
    """国庆节 2026: Oct 1–7 off; Sat Oct 10 and Sun Sep 20 are worked."""

    def setUp(self):
        self.calendar = WorkdayCalendar()

    def test_october_1_to_7_are_holidays(self):
        for day in range(1, 8):
            with self.subTest(day=day):
                self.assertFalse(self.calendar.is_workday(date(2026, 10, day)))

    def test_adjusted_working_weekend_days(self):
        # Saturday 2026-10-10 and Sunday 2026-09-20 are working days (调休).
        self.assertEqual(date(2026, 10, 10).weekday(), 5)
        self.assertTrue(self.calendar.is_workday(date(2026, 10, 10)))
        self.assertEqual(date(2026, 9, 20).weekday(), 6)
        self.assertTrue(self.calendar.is_workday(date(2026, 9, 20)))
        # The following Sunday stays a day off.
        self.assertFalse(self.calendar.is_workday(date(2026, 10, 11)))

    def test_working_days_after_the_holiday(self):
        self.assertTrue(self.calendar.is_workday(date(2026, 10, 8)))
        self.assertTrue(self.calendar.is_workday(date(2026, 10, 9)))

    def test_workdays_in_october_2026(self):
        # 22 weekdays, minus 5 weekday holidays (1, 2, 5, 6, 7), plus Sat 10.
        self.assertEqual(
            self.calendar.workdays_between(date(2026, 10, 1), date(2026, 10, 31)), 18
        )

    def test_tenth_working_day_of_october_2026(self):
        # 8, 9, 10 (Sat), 12, 13, 14, 15, 16, 19, 20.
        self.assertEqual(
            self.calendar.nth_workday_on_or_after(date(2026, 10, 1), 10),
            date(2026, 10, 20),
        )


class NewYear2026Tests(unittest.TestCase):
    """元旦 2026: Jan 1–3 off (Thu–Sat), Sunday Jan 4 is worked."""

    def setUp(self):
        self.calendar = WorkdayCalendar()

    def test_new_year_holidays(self):
        for day in (1, 2, 3):
            with self.subTest(day=day):
                self.assertFalse(self.calendar.is_workday(date(2026, 1, day)))

    def test_adjusted_working_sunday(self):
        self.assertEqual(date(2026, 1, 4).weekday(), 6)
        self.assertTrue(self.calendar.is_workday(date(2026, 1, 4)))

    def test_first_working_day_of_2026(self):
        self.assertEqual(
            self.calendar.nth_workday_on_or_after(date(2026, 1, 1), 1),
            date(2026, 1, 4),
        )


class NthWorkdayTests(unittest.TestCase):
    def setUp(self):
        self.calendar = WorkdayCalendar()

    def test_n_1_on_a_working_day_is_the_day_itself(self):
        self.assertEqual(
            self.calendar.nth_workday_on_or_after(date(2026, 11, 2), 1),
            date(2026, 11, 2),
        )

    def test_n_1_on_a_weekend_is_the_next_working_day(self):
        # 2026-11-01 is a Sunday.
        self.assertEqual(
            self.calendar.nth_workday_on_or_after(date(2026, 11, 1), 1),
            date(2026, 11, 2),
        )

    def test_tenth_working_day_of_november_2026(self):
        # November 2026 has no holidays: the 10th weekday is Friday the 13th.
        self.assertEqual(
            self.calendar.nth_workday_on_or_after(date(2026, 11, 1), 10),
            date(2026, 11, 13),
        )

    def test_add_workdays_is_nth_workday_on_or_after(self):
        for start in (date(2026, 1, 1), date(2026, 10, 1), date(2027, 1, 1)):
            for count in (1, 2, 10, 30):
                with self.subTest(start=start, count=count):
                    self.assertEqual(
                        self.calendar.add_workdays(start, count),
                        self.calendar.nth_workday_on_or_after(start, count),
                    )

    def test_crosses_into_an_unknown_year(self):
        # Dec 2026 (known) into Jan 2027 (Mon–Fri fallback).
        # Working days: Thu 31 Dec 2026, then Fri 1 Jan 2027 and Mon 4 Jan.
        self.assertEqual(
            self.calendar.nth_workday_on_or_after(date(2026, 12, 31), 3),
            date(2027, 1, 4),
        )

    def test_n_below_1_is_refused(self):
        with self.assertRaises(ValueError):
            self.calendar.nth_workday_on_or_after(date(2026, 11, 2), 0)
        with self.assertRaises(ValueError):
            self.calendar.add_workdays(date(2026, 11, 2), -1)

    def test_n_must_be_an_int(self):
        with self.assertRaises(TypeError):
            self.calendar.nth_workday_on_or_after(date(2026, 11, 2), 1.5)

    def test_datetime_and_iso_string_are_accepted(self):
        self.assertEqual(
            self.calendar.nth_workday_on_or_after(datetime(2026, 11, 1, 9, 30), 10),
            date(2026, 11, 13),
        )
        self.assertEqual(
            self.calendar.nth_workday_on_or_after("2026-11-01", 10),
            date(2026, 11, 13),
        )

    def test_not_a_date_is_refused(self):
        with self.assertRaises(TypeError):
            self.calendar.is_workday(20261101)


class WorkdaysBetweenTests(unittest.TestCase):
    def setUp(self):
        self.calendar = WorkdayCalendar()

    def test_inclusive_count(self):
        day = date(2026, 11, 2)
        self.assertEqual(self.calendar.workdays_between(day, day), 1)
        self.assertEqual(
            self.calendar.workdays_between(date(2026, 11, 2), date(2026, 11, 6)), 5
        )

    def test_weekend_only(self):
        self.assertEqual(
            self.calendar.workdays_between(date(2026, 11, 7), date(2026, 11, 8)), 0
        )

    def test_end_before_start(self):
        self.assertEqual(
            self.calendar.workdays_between(date(2026, 11, 6), date(2026, 11, 2)), 0
        )

    def test_january_2026(self):
        # 22 weekdays, minus Jan 1 and 2, plus Sunday Jan 4.
        self.assertEqual(
            self.calendar.workdays_between(date(2026, 1, 1), date(2026, 1, 31)), 21
        )

    def test_agrees_with_nth_workday(self):
        start = date(2026, 9, 1)
        end = self.calendar.nth_workday_on_or_after(start, 40)
        self.assertEqual(self.calendar.workdays_between(start, end), 40)


class UnknownYearFallbackTests(unittest.TestCase):
    """Years the package does not know: Monday–Friday plus office entries."""

    def test_weekdays_are_working_days(self):
        calendar = WorkdayCalendar()
        # 2027-01-01 is a Friday; without office entries it is worked.
        self.assertEqual(date(2027, 1, 1).weekday(), 4)
        self.assertTrue(calendar.is_workday(date(2027, 1, 1)))
        self.assertFalse(calendar.is_workday(date(2027, 1, 2)))
        self.assertFalse(calendar.is_workday(date(2027, 1, 3)))

    def test_never_raises(self):
        calendar = WorkdayCalendar()
        for day in (date(1900, 1, 1), date(2003, 12, 31), date(2030, 10, 1)):
            with self.subTest(day=day):
                try:
                    calendar.is_workday(day)
                except Exception as error:  # pragma: no cover - the failure
                    self.fail(f"is_workday({day}) raised {error!r}")

    def test_year_2030(self):
        calendar = WorkdayCalendar()
        # 2030-11-01 is a Friday: 1, 4–8, 11–14.
        self.assertEqual(
            calendar.add_workdays(date(2030, 11, 1), 10), date(2030, 11, 14)
        )
        # The office enters National Day 2030 (Oct 1–7).
        national_day = [date(2030, 10, day) for day in range(1, 8)]
        calendar = WorkdayCalendar(extra_holidays=national_day)
        self.assertFalse(calendar.is_workday(date(2030, 10, 1)))
        self.assertEqual(calendar.add_workdays(date(2030, 10, 1), 1), date(2030, 10, 8))


class OfficeOverrideTests(unittest.TestCase):
    def test_extra_holiday_in_unknown_year(self):
        calendar = WorkdayCalendar(extra_holidays=[date(2027, 1, 1)])
        self.assertFalse(calendar.is_workday(date(2027, 1, 1)))
        self.assertEqual(calendar.add_workdays(date(2027, 1, 1), 1), date(2027, 1, 4))

    def test_extra_workday_on_a_saturday_counts(self):
        saturday = date(2027, 1, 9)
        self.assertEqual(saturday.weekday(), 5)
        calendar = WorkdayCalendar(extra_workdays=[saturday])
        self.assertTrue(calendar.is_workday(saturday))
        self.assertEqual(
            calendar.workdays_between(date(2027, 1, 4), date(2027, 1, 10)), 6
        )

    def test_overrides_win_over_the_package(self):
        # Saturday 2026-11-07 worked, Monday 2026-11-02 off.
        calendar = WorkdayCalendar(
            extra_holidays=[date(2026, 11, 2)], extra_workdays=[date(2026, 11, 7)]
        )
        self.assertFalse(calendar.is_workday(date(2026, 11, 2)))
        self.assertTrue(calendar.is_workday(date(2026, 11, 7)))
        # A package holiday turned into a working day.
        calendar = WorkdayCalendar(extra_workdays=[date(2026, 10, 5)])
        self.assertTrue(calendar.is_workday(date(2026, 10, 5)))
        # A package adjusted working Sunday turned into a day off.
        calendar = WorkdayCalendar(extra_holidays=[date(2026, 1, 4)])
        self.assertFalse(calendar.is_workday(date(2026, 1, 4)))

    def test_overrides_as_datetimes_and_strings(self):
        calendar = WorkdayCalendar(
            extra_holidays=[datetime(2027, 1, 1, 0, 0)], extra_workdays=["2027-01-09"]
        )
        self.assertFalse(calendar.is_workday(date(2027, 1, 1)))
        self.assertTrue(calendar.is_workday(date(2027, 1, 9)))

    def test_conflicting_entry_counts_as_holiday(self):
        day = date(2027, 2, 8)
        calendar = WorkdayCalendar(extra_holidays=[day], extra_workdays=[day])
        self.assertFalse(calendar.is_workday(day))
        self.assertEqual(calendar.conflicting_dates, frozenset({day}))

    def test_check_overrides(self):
        self.assertEqual(check_overrides([date(2027, 1, 1)], [date(2027, 1, 9)]), [])
        violations = check_overrides([date(2027, 2, 8)], [date(2027, 2, 8)])
        self.assertEqual(len(violations), 1)
        self.assertEqual(violations[0].code, "workday_override_conflict")
        self.assertEqual(violations[0].field, "extra_workdays")
        self.assertIn("2027-02-08", violations[0].text)
