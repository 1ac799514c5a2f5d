"""Tests of changde.perfmgmt.monitoring.rules.execution (plain unittest, no Zope)."""

import unittest
from decimal import Decimal

from changde.perfmgmt.core.rules.violations import Violation
from changde.perfmgmt.monitoring.rules.execution import aggregate_rate
from changde.perfmgmt.monitoring.rules.execution import execution_rate
from changde.perfmgmt.monitoring.rules.execution import share_meeting_target
from changde.perfmgmt.monitoring.rules.execution import validate_amounts
from changde.perfmgmt.monitoring.rules.flags import below_target
from changde.perfmgmt.monitoring.rules.flags import record_flags


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


class HelpersTests(unittest.TestCase):
    def test_aggregate_rate(self):
        self.assertEqual(
            aggregate_rate([(1000, 500), ("3000", "2200"), (None, 5)]),
            Decimal("67.50"),
        )
        self.assertIsNone(aggregate_rate([]))
