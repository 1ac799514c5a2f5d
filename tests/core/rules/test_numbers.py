"""Tests of changde.perfmgmt.core.rules.numbers (plain unittest, no Zope)."""

import unittest
from decimal import ROUND_DOWN
from decimal import ROUND_HALF_EVEN
from decimal import Decimal

from changde.perfmgmt.core.rules.numbers import MAX_MAGNITUDE
from changde.perfmgmt.core.rules.numbers import NumberRefused
from changde.perfmgmt.core.rules.numbers import decimal_places
from changde.perfmgmt.core.rules.numbers import number_violations
from changde.perfmgmt.core.rules.numbers import percent
from changde.perfmgmt.core.rules.numbers import read_number
from changde.perfmgmt.core.rules.numbers import round_decimal
from changde.perfmgmt.core.rules.numbers import shown
from changde.perfmgmt.core.rules.numbers import stored_number
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


def code_of(value, **bounds):
    (violation,) = number_violations(value, field="amount", **bounds)
    return violation.code


class TestReadNumber(unittest.TestCase):
    def test_numbers_and_their_text(self):
        self.assertEqual(read_number("12.50"), Decimal("12.50"))
        self.assertEqual(read_number(" 7 "), Decimal(7))
        self.assertEqual(read_number(3), Decimal(3))
        self.assertEqual(read_number(0.1), Decimal("0.1"))
        self.assertEqual(read_number(Decimal("89.99")), Decimal("89.99"))
        self.assertEqual(read_number("-5"), Decimal(-5))

    def test_what_is_not_a_number(self):
        for value in ("abc", "", "  ", "1,000", "12abc", [1], {"a": 1}, True, None):
            self.assertEqual(code_of(value), "number_not_a_number", value)

    def test_text_longer_than_a_number_is_not_one(self):
        self.assertEqual(code_of("1" * 41), "number_not_a_number")
        self.assertEqual(code_of("1" * 19), "number_too_large")

    def test_what_is_not_finite(self):
        for value in ("NaN", "nan", "sNaN", "Infinity", "-Infinity", "inf"):
            self.assertEqual(code_of(value), "number_not_finite", value)
        self.assertEqual(code_of(float("inf")), "number_not_finite")
        self.assertEqual(code_of(float("nan")), "number_not_finite")

    def test_the_largest_number(self):
        self.assertEqual(
            read_number("999999999999999999.99"), Decimal("999999999999999999.99")
        )
        self.assertEqual(code_of(MAX_MAGNITUDE), "number_too_large")
        self.assertEqual(code_of("-1E18"), "number_too_large")
        for value in ("1E+70", "1e999999999", 10**100):
            self.assertEqual(code_of(value), "number_too_large", value)

    def test_decimal_places(self):
        self.assertEqual(read_number("0.000001"), Decimal("0.000001"))
        self.assertEqual(code_of("0.0000001"), "number_too_many_places")
        self.assertEqual(code_of("1e-999999"), "number_too_many_places")
        self.assertEqual(read_number("1.50000000"), Decimal("1.50000000"))
        self.assertEqual(code_of("12.345", places=2), "number_too_many_places")
        self.assertEqual(read_number("12.34", places=2), Decimal("12.34"))

    def test_zero_is_zero_whatever_its_exponent(self):
        self.assertEqual(read_number("0E-999999"), Decimal(0))
        self.assertEqual(read_number("-0"), Decimal(0))
        self.assertEqual(decimal_places(Decimal("0E-999999")), 0)
        self.assertEqual(decimal_places(Decimal("3.50")), 1)

    def test_bounds_of_the_field(self):
        self.assertEqual(read_number("100", maximum=100), Decimal(100))
        self.assertEqual(code_of("100.01", maximum=100), "number_above_maximum")
        self.assertEqual(read_number("0", minimum=0), Decimal(0))
        self.assertEqual(code_of("-0.01", minimum=0), "number_below_minimum")

    def test_whole_numbers(self):
        self.assertEqual(read_number("2026", whole=True), Decimal(2026))
        self.assertEqual(read_number("2026.0", whole=True), Decimal("2026.0"))
        self.assertEqual(code_of("2026.5", whole=True), "number_not_whole")

    def test_a_refusal_is_a_value_error_with_the_violation(self):
        with self.assertRaises(ValueError) as raised:
            read_number("abc", field="weight")
        self.assertIsInstance(raised.exception, NumberRefused)
        self.assertEqual(raised.exception.violation.field, "weight")
        self.assertEqual(raised.exception.violation.params, {"value": "abc"})

    def test_messages_show_the_value_as_sent(self):
        self.assertEqual(shown([1, 2]), "[1, 2]")
        self.assertEqual(shown({"a": 1}), '{"a": 1}')
        self.assertEqual(shown(float("inf")), "Infinity")
        self.assertEqual(shown("x" * 100), "x" * 39 + "…")
        (violation,) = number_violations("1E+70")
        self.assertIn("1E+70", violation.text)


class TestStoredNumber(unittest.TestCase):
    def test_a_page_reads_what_it_can_show(self):
        self.assertEqual(stored_number(Decimal("12.5")), Decimal("12.5"))
        self.assertIsNone(stored_number(None))
        for bad in (Decimal("NaN"), Decimal("Infinity"), Decimal("1E+70"), "abc"):
            self.assertIsNone(stored_number(bad), bad)


class TestFiniteJson(unittest.TestCase):
    def test_numbers_json_cannot_hold_become_null(self):
        from changde.perfmgmt.core.rules.numbers import finite_json

        value, count = finite_json(
            [{"a": float("inf"), "b": [1.5, float("nan")], "c": "Infinity"}]
        )
        self.assertEqual(value, [{"a": None, "b": [1.5, None], "c": "Infinity"}])
        self.assertEqual(count, 2)
        self.assertEqual(finite_json({"x": 1}), ({"x": 1}, 0))
