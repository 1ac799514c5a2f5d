"""Tests of the monitoring business rules (R-M9; plain unittest, no Zope)."""

import unittest
from datetime import date
from decimal import Decimal

from changde.perfmgmt.core.rules import Violation
from changde.perfmgmt.core.workdays import WorkdayCalendar
from changde.perfmgmt.monitoring.rules import FOCUS_ITEMS
from changde.perfmgmt.monitoring.rules import REPORT_STATUSES
from changde.perfmgmt.monitoring.rules import SEVERITIES
from changde.perfmgmt.monitoring.rules import MonitoringSettings
from changde.perfmgmt.monitoring.rules import RecordFlags
from changde.perfmgmt.monitoring.rules import RoundDefault
from changde.perfmgmt.monitoring.rules import below_target
from changde.perfmgmt.monitoring.rules import default_rounds_for_year
from changde.perfmgmt.monitoring.rules import execution_rate
from changde.perfmgmt.monitoring.rules import is_overdue
from changde.perfmgmt.monitoring.rules import record_flags
from changde.perfmgmt.monitoring.rules import report_due
from changde.perfmgmt.monitoring.rules import report_status
from changde.perfmgmt.monitoring.rules import share_meeting_target
from changde.perfmgmt.monitoring.rules import suspension_flag
from changde.perfmgmt.monitoring.rules import validate_amounts
from changde.perfmgmt.monitoring.rules import validate_settings
from changde.perfmgmt.monitoring.rules import validate_severity


class ConstantsTests(unittest.TestCase):
    def test_focus_items(self):
        self.assertEqual(
            FOCUS_ITEMS,
            {
                "soundness": "科学性",
                "fund_safety": "资金安全性",
                "compliance": "规范性",
                "timeliness": "及时性",
                "effectiveness": "有效性",
                "completeness": "完整性",
            },
        )

    def test_severities(self):
        self.assertEqual(SEVERITIES, ("none", "minor", "serious"))

    def test_default_settings(self):
        settings = MonitoringSettings()
        self.assertEqual(settings.report_working_days, 10)
        first, second = settings.default_rounds
        self.assertEqual(
            first,
            RoundDefault(1, 10, 31, Decimal("60"), ("soundness", "fund_safety")),
        )
        self.assertEqual(
            second,
            RoundDefault(
                2,
                12,
                31,
                Decimal("85"),
                ("compliance", "timeliness", "effectiveness", "completeness"),
            ),
        )
        self.assertEqual(validate_settings(settings), [])


class DefaultRoundsTests(unittest.TestCase):
    def test_2026(self):
        first, second = default_rounds_for_year(2026)
        self.assertEqual(first.year, 2026)
        self.assertEqual(first.round_number, 1)
        self.assertEqual(first.cutoff_date, date(2026, 10, 31))
        self.assertEqual(first.target_rate, Decimal("60"))
        self.assertEqual(first.focus, ("soundness", "fund_safety"))
        self.assertEqual(second.round_number, 2)
        self.assertEqual(second.cutoff_date, date(2026, 12, 31))
        self.assertEqual(second.target_rate, Decimal("85"))
        self.assertEqual(
            second.as_dict(),
            {
                "year": 2026,
                "round_number": 2,
                "cutoff_date": date(2026, 12, 31),
                "target_rate": Decimal("85"),
                "focus": ("compliance", "timeliness", "effectiveness", "completeness"),
            },
        )

    def test_cutoff_day_past_month_end_is_last_day(self):
        settings = MonitoringSettings(
            default_rounds=(
                RoundDefault(2, 12, 31, Decimal("85"), ("compliance",)),
                RoundDefault(1, 2, 31, Decimal("30"), ("soundness",)),
            )
        )
        rounds = default_rounds_for_year(2028, settings)
        self.assertEqual([r.round_number for r in rounds], [1, 2])
        self.assertEqual(rounds[0].cutoff_date, date(2028, 2, 29))

    def test_validate_settings(self):
        settings = MonitoringSettings(
            report_working_days=0,
            default_rounds=(RoundDefault(1, 13, 31, Decimal("101"), ("speed",)),),
        )
        codes = {violation.code for violation in validate_settings(settings)}
        self.assertEqual(
            codes,
            {
                "monitoring_report_days_invalid",
                "monitoring_too_few_rounds",
                "monitoring_cutoff_invalid",
                "monitoring_target_invalid",
                "monitoring_focus_unknown",
            },
        )
        duplicate = MonitoringSettings(
            default_rounds=(
                RoundDefault(1, 10, 31, Decimal("60"), ()),
                RoundDefault(1, 12, 31, Decimal("85"), ()),
            )
        )
        self.assertEqual(
            [v.code for v in validate_settings(duplicate)],
            ["monitoring_round_number_duplicate"],
        )


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


class ExecutionRateTests(unittest.TestCase):
    def test_exactly_60_percent(self):
        rate = execution_rate(Decimal("1000"), Decimal("600"))
        self.assertEqual(rate, Decimal("60.00"))
        self.assertEqual(str(rate), "60.00")
        self.assertFalse(below_target(rate, Decimal("60")))

    def test_59_99_percent(self):
        rate = execution_rate(Decimal("10000"), Decimal("5999"))
        self.assertEqual(rate, Decimal("59.99"))
        self.assertTrue(below_target(rate, Decimal("60")))

    def test_rounds_half_up(self):
        self.assertEqual(execution_rate(100000, 59995), Decimal("60.00"))
        self.assertEqual(execution_rate(100000, 59994), Decimal("59.99"))
        self.assertEqual(execution_rate(3, 2), Decimal("66.67"))

    def test_budget_zero_has_no_rate(self):
        self.assertIsNone(execution_rate(Decimal("0"), Decimal("0")))
        self.assertIsNone(execution_rate(0, 50))
        self.assertEqual(validate_amounts(0, 50), [])

    def test_missing_amount_has_no_rate(self):
        self.assertIsNone(execution_rate(None, 50))
        self.assertIsNone(execution_rate(100, ""))

    def test_executed_more_than_budget(self):
        rate = execution_rate(Decimal("100"), Decimal("125.5"))
        self.assertEqual(rate, Decimal("125.50"))
        self.assertEqual(validate_amounts(Decimal("100"), Decimal("125.5")), [])
        flags = record_flags(rate, Decimal("85"), "none")
        self.assertTrue(flags.over_budget)
        self.assertFalse(flags.below_target)

    def test_decimal_strings(self):
        self.assertEqual(execution_rate("1234.56", "740.74"), Decimal("60.00"))
        self.assertEqual(execution_rate(" 200 ", "119.98"), Decimal("59.99"))
        self.assertEqual(validate_amounts("1234.56", "740.74"), [])

    def test_float_and_int(self):
        self.assertEqual(execution_rate(0.3, 0.1), Decimal("33.33"))
        self.assertEqual(execution_rate(200, 170), Decimal("85.00"))

    def test_large_amounts(self):
        self.assertEqual(
            execution_rate(Decimal("123456789012345678.90"), Decimal("1")),
            Decimal("0.00"),
        )

    def test_invalid_amounts_raise(self):
        with self.assertRaises(ValueError):
            execution_rate(Decimal("-1"), Decimal("1"))
        with self.assertRaises(ValueError):
            execution_rate("abc", "1")


class ValidateAmountsTests(unittest.TestCase):
    def test_valid(self):
        self.assertEqual(validate_amounts(Decimal("100"), Decimal("0")), [])

    def test_negative_numbers_rejected(self):
        violations = validate_amounts(Decimal("-100"), "-0.01")
        self.assertEqual(
            [(v.code, v.field) for v in violations],
            [
                ("monitoring_amount_negative", "budget_amount"),
                ("monitoring_amount_negative", "executed_amount"),
            ],
        )
        self.assertIsInstance(violations[0], Violation)
        self.assertEqual(violations[0].text, "The amount cannot be negative (-100).")
        self.assertEqual(violations[1].as_dict()["field"], "executed_amount")

    def test_non_numeric(self):
        for value in ("abc", "1,000", "NaN", "Infinity", True, [1], object()):
            with self.subTest(value=value):
                violations = validate_amounts(value, 1)
                self.assertEqual(len(violations), 1)
                self.assertEqual(violations[0].code, "monitoring_amount_not_a_number")
                self.assertEqual(violations[0].field, "budget_amount")

    def test_missing(self):
        violations = validate_amounts(None, "  ")
        self.assertEqual(
            [(v.code, v.field) for v in violations],
            [
                ("monitoring_amount_required", "budget_amount"),
                ("monitoring_amount_required", "executed_amount"),
            ],
        )


class FlagTests(unittest.TestCase):
    def test_below_target(self):
        self.assertFalse(below_target(Decimal("60.00"), Decimal("60")))
        self.assertTrue(below_target(Decimal("59.99"), Decimal("60")))
        self.assertFalse(below_target(Decimal("85"), "85"))
        self.assertTrue(below_target("84.99", 85))
        self.assertFalse(below_target(None, Decimal("60")))

    def test_suspension_flag(self):
        self.assertTrue(suspension_flag("serious"))
        self.assertFalse(suspension_flag("minor"))
        self.assertFalse(suspension_flag("none"))
        self.assertFalse(suspension_flag(None))

    def test_validate_severity(self):
        for severity in SEVERITIES:
            self.assertEqual(validate_severity(severity), [])
        violations = validate_severity("grave")
        self.assertEqual(violations[0].code, "monitoring_severity_unknown")
        self.assertEqual(violations[0].field, "severity")

    def test_record_flags(self):
        self.assertEqual(
            record_flags(Decimal("59.99"), Decimal("60"), "serious"),
            RecordFlags(below_target=True, suspend_funding=True, over_budget=False),
        )
        flags = record_flags(Decimal("60.00"), Decimal("60"), "minor")
        self.assertFalse(flags.below_target)
        self.assertFalse(flags.suspend_funding)
        self.assertFalse(flags.flagged)
        self.assertTrue(record_flags(None, Decimal("60"), "serious").flagged)
        self.assertTrue(record_flags(Decimal("10"), Decimal("60"), "none").flagged)
        self.assertFalse(record_flags(None, Decimal("60"), "none").over_budget)


class ShareMeetingTargetTests(unittest.TestCase):
    def test_share(self):
        rates = [Decimal("60.00"), Decimal("59.99"), Decimal("100"), Decimal("75")]
        self.assertEqual(
            share_meeting_target(rates, Decimal("60")), (3, 4, Decimal("75.00"))
        )

    def test_rounding(self):
        count, total, share = share_meeting_target(
            [Decimal("90"), Decimal("10"), Decimal("10")], Decimal("85")
        )
        self.assertEqual((count, total, share), (1, 3, Decimal("33.33")))

    def test_records_without_rate_are_left_out(self):
        result = share_meeting_target([None, Decimal("61"), None], Decimal("60"))
        self.assertEqual(result, (1, 1, Decimal("100.00")))
        self.assertEqual(result.share, Decimal("100.00"))

    def test_empty(self):
        self.assertEqual(share_meeting_target([], Decimal("60")), (0, 0, None))
        self.assertEqual(share_meeting_target([None], Decimal("60")), (0, 0, None))

    def test_generator(self):
        rates = (Decimal(value) for value in ("85", "84.99"))
        self.assertEqual(
            share_meeting_target(rates, Decimal("85")), (1, 2, Decimal("50.00"))
        )


if __name__ == "__main__":
    unittest.main()
