"""Tests of changde.perfmgmt.core.rules.numbers (plain unittest, no Zope)."""

import unittest
from decimal import ROUND_DOWN
from decimal import ROUND_HALF_EVEN
from decimal import Decimal

from changde.perfmgmt.core.rules.numbers import percent
from changde.perfmgmt.core.rules.numbers import round_decimal
from changde.perfmgmt.core.rules.numbers import to_decimal

D = Decimal


class ToDecimalTests(unittest.TestCase):
    def test_numbers(self):
        cases = [
            (D("1.50"), D("1.50")),
            (3, D(3)),
            (-7, D(-7)),
            (0.1, D("0.1")),
            (89.99, D("89.99")),
            ("1234.50", D("1234.50")),
            ("  12 ", D(12)),
            ("1e3", D("1E+3")),
        ]
        for value, expected in cases:
            with self.subTest(value=value):
                number = to_decimal(value)
                self.assertIsInstance(number, Decimal)
                self.assertEqual(number, expected)
                self.assertEqual(str(number), str(expected))

    def test_float_through_its_shortest_text(self):
        self.assertEqual(str(to_decimal(0.1)), "0.1")
        self.assertNotEqual(to_decimal(0.1), D(0.1))

    def test_not_numbers_give_none(self):
        not_numbers = [
            None,
            True,
            False,
            "",
            "  ",
            "abc",
            "1,234",
            "NaN",
            "-Infinity",
            D("NaN"),
            D("Infinity"),
            float("nan"),
            float("inf"),
            b"1",
            [1],
        ]
        for value in not_numbers:
            with self.subTest(value=value):
                self.assertIsNone(to_decimal(value))

    def test_strict_raises(self):
        for value in (None, True, "abc", "", [1], "1,234"):
            with (
                self.subTest(value=value),
                self.assertRaisesRegex(ValueError, "^not a number"),
            ):
                to_decimal(value, strict=True)
        for value in ("NaN", D("Infinity"), float("-inf")):
            with (
                self.subTest(value=value),
                self.assertRaisesRegex(ValueError, "^not a finite number"),
            ):
                to_decimal(value, strict=True)

    def test_strict_answers_numbers(self):
        self.assertEqual(to_decimal("2.5", strict=True), D("2.5"))

    def test_allow_commas(self):
        self.assertEqual(to_decimal("5,000,000", allow_commas=True), D(5000000))
        self.assertEqual(to_decimal(" 1,234.50 ", allow_commas=True), D("1234.50"))
        self.assertIsNone(to_decimal("5,000,000"))
        self.assertIsNone(to_decimal(",", allow_commas=True))
        self.assertIsNone(to_decimal(True, allow_commas=True))


class RoundDecimalTests(unittest.TestCase):
    def test_half_up_by_default(self):
        self.assertEqual(str(round_decimal(D("1.005"))), "1.01")
        self.assertEqual(str(round_decimal(D("1.004"))), "1.00")
        self.assertEqual(str(round_decimal(D("-1.005"))), "-1.01")
        self.assertEqual(str(round_decimal(2)), "2.00")

    def test_places_and_rounding(self):
        self.assertEqual(str(round_decimal(D("1.25"), 1)), "1.3")
        self.assertEqual(str(round_decimal(D("1.25"), 1, ROUND_HALF_EVEN)), "1.2")
        self.assertEqual(str(round_decimal(D("1.999"), 2, ROUND_DOWN)), "1.99")
        self.assertEqual(str(round_decimal(D("17.5"), 0)), "18")

    def test_large_numbers_keep_their_digits(self):
        large = D("1234567890123456789012345678901234.565")
        self.assertEqual(
            str(round_decimal(large)), "1234567890123456789012345678901234.57"
        )


class PercentTests(unittest.TestCase):
    def test_percent(self):
        self.assertEqual(percent(1, 4), D("25.00"))
        self.assertEqual(str(percent(1, 4)), "25.00")
        self.assertEqual(str(percent(D("600"), D("1000"))), "60.00")
        self.assertEqual(str(percent(1, 3)), "33.33")
        self.assertEqual(str(percent(2, 3)), "66.67")

    def test_half_up(self):
        self.assertEqual(str(percent(D("59.995"), 100)), "60.00")
        self.assertEqual(str(percent(D("59.994"), 100)), "59.99")

    def test_round_down(self):
        self.assertEqual(str(percent(29999, 30000, rounding=ROUND_DOWN)), "99.99")
        self.assertEqual(str(percent(2, 3, rounding=ROUND_DOWN)), "66.66")
        self.assertEqual(str(percent(3, 3, rounding=ROUND_DOWN)), "100.00")

    def test_round_down_never_reaches_100_early(self):
        total = 10**30
        self.assertEqual(str(percent(total - 1, total, rounding=ROUND_DOWN)), "99.99")

    def test_places(self):
        self.assertEqual(str(percent(1, 3, places=4)), "33.3333")
        self.assertEqual(str(percent(1, 3, places=0)), "33")

    def test_above_100(self):
        self.assertEqual(str(percent(150, 100)), "150.00")

    def test_zero_whole(self):
        self.assertIsNone(percent(5, 0))
        self.assertIsNone(percent(0, D("0.00")))

    def test_not_numbers(self):
        with self.assertRaises(ValueError):
            percent("abc", 10)
        with self.assertRaises(ValueError):
            percent(1, None)

    def test_accepts_what_to_decimal_accepts(self):
        self.assertEqual(str(percent("1", 8.0)), "12.50")
