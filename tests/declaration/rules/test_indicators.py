"""Tests of changde.perfmgmt.declaration.rules.indicators (plain unittest, no Zope)."""

import unittest
from decimal import Decimal

from changde.perfmgmt.declaration.rules.indicators import quantified_share
from changde.perfmgmt.declaration.rules.indicators import validate_indicator_fields


def codes(violations) -> list[str]:
    return [violation.code for violation in violations]


class IndicatorFieldTests(unittest.TestCase):
    def test_valid_quantifiable(self):
        for comparator in ("ge", "le", "eq", "approx"):
            self.assertEqual(
                validate_indicator_fields(comparator, Decimal("10"), True, "95"), []
            )

    def test_valid_qualitative(self):
        self.assertEqual(validate_indicator_fields("qualitative", 5, False, None), [])
        self.assertEqual(validate_indicator_fields("qualitative", 5, False, "良好"), [])

    def test_unknown_or_missing_comparator(self):
        violations = validate_indicator_fields("gt", 5, False, None)
        self.assertEqual(codes(violations), ["indicator_comparator_unknown"])
        self.assertEqual(violations[0].field, "comparator")
        self.assertIn("gt", violations[0].text)
        self.assertEqual(
            codes(validate_indicator_fields(None, 5, False, None)),
            ["indicator_comparator_required"],
        )

    def test_weight_bounds(self):
        for weight in (0, Decimal("0"), 50, "100", Decimal("100"), None):
            self.assertEqual(
                validate_indicator_fields("ge", weight, True, 1), [], weight
            )
        for weight in (-1, Decimal("-0.01"), Decimal("100.01"), 101):
            violations = validate_indicator_fields("ge", weight, True, 1)
            self.assertEqual(codes(violations), ["indicator_weight_out_of_range"])
            self.assertEqual(violations[0].field, "weight")
            self.assertIn(str(weight), violations[0].text)
        self.assertEqual(
            codes(validate_indicator_fields("ge", "heavy", True, 1)),
            ["indicator_weight_not_a_number"],
        )

    def test_quantifiable_needs_numeric_target(self):
        violations = validate_indicator_fields("ge", 5, True, None)
        self.assertEqual(codes(violations), ["indicator_quantifiable_needs_target"])
        self.assertEqual(violations[0].field, "target_value")
        violations = validate_indicator_fields("ge", 5, True, "many")
        self.assertEqual(codes(violations), ["indicator_target_not_a_number"])
        self.assertIn("many", violations[0].text)
        self.assertEqual(validate_indicator_fields("ge", 5, True, Decimal("0")), [])

    def test_quantifiable_needs_non_qualitative_comparator(self):
        violations = validate_indicator_fields("qualitative", 5, True, "95")
        self.assertEqual(codes(violations), ["indicator_quantifiable_needs_comparator"])
        self.assertEqual(violations[0].field, "comparator")


class QuantifiedShareTests(unittest.TestCase):
    def test_share(self):
        self.assertEqual(quantified_share(4, 1), Decimal("0.25"))
        self.assertEqual(quantified_share(10, 10), Decimal(1))
        self.assertEqual(quantified_share(10, 0), Decimal(0))
        self.assertIsInstance(quantified_share(3, 1), Decimal)

    def test_no_indicators(self):
        self.assertIsNone(quantified_share(0, 0))

    def test_impossible_counts(self):
        with self.assertRaises(ValueError):
            quantified_share(3, 4)
        with self.assertRaises(ValueError):
            quantified_share(-1, 0)
