"""The share of quantified indicators at its edges (R-M6)."""

import unittest
from decimal import Decimal

from changde.perfmgmt.declaration.rules.quantified import QuantifiedShare
from changde.perfmgmt.declaration.rules.quantified import is_quantified
from changde.perfmgmt.declaration.rules.quantified import quantified_share_of
from changde.perfmgmt.declaration.rules.quantified import quantified_shares


class TestIsQuantified(unittest.TestCase):
    def test_quantifiable_with_a_numeric_target(self):
        self.assertTrue(is_quantified(True, "20"))
        self.assertTrue(is_quantified(True, "1,000"))

    def test_not_quantified(self):
        for quantifiable, target in (
            (True, None),
            (True, ""),
            (True, "明显改善"),
            (False, "20"),
            (None, "20"),
        ):
            self.assertFalse(
                is_quantified(quantifiable, target), (quantifiable, target)
            )


class TestShares(unittest.TestCase):
    def test_share_rounds_half_up(self):
        self.assertEqual(QuantifiedShare(3, 2).share, Decimal("66.67"))
        self.assertEqual(QuantifiedShare(6, 6).share, Decimal("100.00"))
        self.assertEqual(QuantifiedShare(8, 0).share, Decimal("0.00"))

    def test_no_indicators_no_share(self):
        self.assertIsNone(QuantifiedShare(0, 0).share)

    def test_counts_that_cannot_be(self):
        for indicators, quantified in ((2, 3), (-1, 0), (1, -1), (True, 0), (1.0, 1)):
            with self.assertRaises(ValueError):
                quantified_share_of(indicators, quantified)

    def test_summed_by_key_in_order_of_appearance(self):
        shares = quantified_shares(
            [("武陵区", 4, 1), ("市本级", 10, 10), ("武陵区", 2, 2), ("鼎城区", 0, 0)]
        )
        self.assertEqual(list(shares), ["武陵区", "市本级", "鼎城区"])
        self.assertEqual(shares["武陵区"], QuantifiedShare(6, 3))
        self.assertEqual(shares["武陵区"].share, Decimal("50.00"))
        self.assertIsNone(shares["鼎城区"].share)
        self.assertEqual(quantified_shares([]), {})
