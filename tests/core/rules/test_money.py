"""Tests of changde.perfmgmt.core.rules.money (plain unittest, no Zope)."""

import unittest
from decimal import Decimal

from changde.perfmgmt.core.rules.money import WAN_YUAN
from changde.perfmgmt.core.rules.money import YUAN
from changde.perfmgmt.core.rules.money import amount_in_unit


class TestAmountInUnit(unittest.TestCase):
    def test_yuan_with_thousands_separators(self):
        self.assertEqual(amount_in_unit(60000000, YUAN), "60,000,000")
        self.assertEqual(amount_in_unit("4999999.99", YUAN), "4,999,999.99")
        self.assertEqual(amount_in_unit(Decimal("0"), YUAN), "0")
        self.assertEqual(amount_in_unit(-1500, YUAN), "-1,500")
        self.assertEqual(amount_in_unit("1,234", YUAN), "1,234")

    def test_wan_yuan_two_decimals_at_and_around_the_rounding(self):
        self.assertEqual(amount_in_unit(60000000, WAN_YUAN), "6,000.00")
        self.assertEqual(amount_in_unit(10000, WAN_YUAN), "1.00")
        self.assertEqual(amount_in_unit(9999, WAN_YUAN), "1.00")
        self.assertEqual(amount_in_unit(1234567, WAN_YUAN), "123.46")
        self.assertEqual(amount_in_unit(1234549, WAN_YUAN), "123.45")
        # half a cent of 万元 (50 元) rounds up, just under it rounds down
        self.assertEqual(amount_in_unit(50, WAN_YUAN), "0.01")
        self.assertEqual(amount_in_unit("49.99", WAN_YUAN), "0.00")
        self.assertEqual(amount_in_unit(0, WAN_YUAN), "0.00")

    def test_no_negative_zero(self):
        self.assertEqual(amount_in_unit(-1, WAN_YUAN), "0.00")
        self.assertEqual(amount_in_unit(-50, WAN_YUAN), "-0.01")

    def test_yuan_is_the_default(self):
        self.assertEqual(amount_in_unit(1000000), "1,000,000")

    def test_not_a_number(self):
        for value in (None, "", "abc", True, float("nan")):
            self.assertIsNone(amount_in_unit(value, WAN_YUAN), value)

    def test_an_unknown_unit_is_refused(self):
        with self.assertRaises(ValueError):
            amount_in_unit(1, "jiao")
