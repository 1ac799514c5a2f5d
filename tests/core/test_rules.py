"""Tests of changde.perfmgmt.core.rules: Violation and the shared helpers."""

import unittest
from decimal import ROUND_DOWN
from decimal import ROUND_HALF_EVEN
from decimal import Decimal

from changde.perfmgmt.core import rules
from changde.perfmgmt.core.rules import Violation
from changde.perfmgmt.core.rules import format_message
from changde.perfmgmt.core.rules import is_blank
from changde.perfmgmt.core.rules import is_count
from changde.perfmgmt.core.rules import percent
from changde.perfmgmt.core.rules import raise_if_violations
from changde.perfmgmt.core.rules import round_decimal
from changde.perfmgmt.core.rules import stringify_params
from changde.perfmgmt.core.rules import to_decimal

D = Decimal


class ViolationTests(unittest.TestCase):
    def test_text_fills_placeholders(self):
        violation = Violation(
            "amount_negative",
            "The amount cannot be negative; it is ${amount} yuan in ${year}.",
            "amount",
            {"amount": D("-1.50"), "year": 2024},
        )
        self.assertEqual(
            violation.text, "The amount cannot be negative; it is -1.50 yuan in 2024."
        )

    def test_text_keeps_unknown_placeholders(self):
        violation = Violation("code", "Missing ${value} and ${other}.", None, {})
        self.assertEqual(violation.text, "Missing ${value} and ${other}.")

    def test_text_without_params(self):
        self.assertEqual(Violation("code", "Plain text.").text, "Plain text.")

    def test_dollar_in_value_is_not_substituted_again(self):
        violation = Violation("code", "Got ${value}.", params={"value": "${value}"})
        self.assertEqual(violation.text, "Got ${value}.")

    def test_as_dict(self):
        violation = Violation(
            "score_out_of_range",
            "The score ${score} is above ${maximum}.",
            "score",
            {"score": D("100.5"), "maximum": 100, "none": None},
        )
        self.assertEqual(
            violation.as_dict(),
            {
                "code": "score_out_of_range",
                "field": "score",
                "message": "The score 100.5 is above 100.",
                "params": {"score": "100.5", "maximum": "100", "none": "None"},
            },
        )

    def test_as_dict_without_field(self):
        data = Violation("code", "Text.").as_dict()
        self.assertIsNone(data["field"])
        self.assertEqual(data["params"], {})

    def test_defaults_and_frozen(self):
        violation = Violation("code", "Text.")
        self.assertIsNone(violation.field)
        self.assertEqual(violation.params, {})
        self.assertIsNot(violation.params, Violation("other", "Text.").params)
        with self.assertRaises(AttributeError):
            violation.code = "changed"


class MessageHelperTests(unittest.TestCase):
    def test_stringify_params(self):
        self.assertEqual(
            stringify_params({"a": 1, "b": D("2.50"), "c": "x"}),
            {"a": "1", "b": "2.50", "c": "x"},
        )

    def test_format_message(self):
        self.assertEqual(
            format_message("${count} of ${total}", {"count": 3, "total": 4}), "3 of 4"
        )
        self.assertEqual(
            format_message("${count} of ${total}", {}), "${count} of ${total}"
        )

    def test_raise_if_violations(self):
        raise_if_violations([])
        with self.assertRaises(ValueError) as caught:
            raise_if_violations(
                [
                    Violation("a", "First ${n}.", params={"n": 1}),
                    Violation("b", "Second."),
                ]
            )
        self.assertEqual(str(caught.exception), "First 1.; Second.")


class IsBlankTests(unittest.TestCase):
    def test_blank(self):
        for value in (None, "", "   ", "\t\n"):
            with self.subTest(value=value):
                self.assertTrue(is_blank(value))

    def test_not_blank(self):
        for value in (0, D(0), False, " x ", [], "0"):
            with self.subTest(value=value):
                self.assertFalse(is_blank(value))


class IsCountTests(unittest.TestCase):
    def test_counts(self):
        self.assertTrue(is_count(0))
        self.assertTrue(is_count(5, 5))
        self.assertTrue(is_count(10**20, 1))

    def test_not_counts(self):
        for value, minimum in ((-1, 0), (0, 1), (True, 0), (False, 0), (1.0, 0)):
            with self.subTest(value=value, minimum=minimum):
                self.assertFalse(is_count(value, minimum))
        self.assertFalse(is_count("3"))
        self.assertFalse(is_count(None))


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


class ConstantsTests(unittest.TestCase):
    def test_constants(self):
        self.assertEqual(rules.SCORE_MIN, 0)
        self.assertEqual(rules.SCORE_MAX, 100)
        self.assertEqual(rules.HUNDRED, 100)
        self.assertEqual(rules.TWO_PLACES, D("0.01"))
        self.assertIn(rules.MUNICIPAL, rules.JURISDICTION_KINDS)


class TestYearOrNone(unittest.TestCase):
    def test_years_at_and_around_the_bounds(self):
        from changde.perfmgmt.core.rules import year_or_none

        self.assertEqual(year_or_none("2026"), 2026)
        self.assertEqual(year_or_none(2000), 2000)
        self.assertEqual(year_or_none(2100), 2100)
        for value in (1999, 2101, "x", None, True, "20.5"):
            self.assertIsNone(year_or_none(value), value)

    def test_year_or_none_refuses_fractions(self):
        from decimal import Decimal

        from changde.perfmgmt.core.rules import year_or_none

        self.assertEqual(year_or_none(2031.0), 2031)
        self.assertEqual(year_or_none(Decimal("2031")), 2031)
        for value in (2031.9, 2031.1, Decimal("2031.5"), float("nan"), float("inf")):
            self.assertIsNone(year_or_none(value), value)


class PinyinSortKeyTests(unittest.TestCase):
    def test_four_names(self):
        names = ["张伟", "李娜", "王芳", "艾米"]
        self.assertEqual(
            sorted(names, key=rules.pinyin_sort_key), ["艾米", "李娜", "王芳", "张伟"]
        )

    def test_li_before_zhang(self):
        self.assertLess(rules.pinyin_sort_key("李四"), rules.pinyin_sort_key("张三"))

    def test_key_is_toneless_lowercase_pinyin(self):
        self.assertEqual(rules.pinyin_sort_key("张伟"), (("zhang", "wei"), "张伟"))

    def test_syllable_order(self):
        # li na < lin: compared syllable by syllable, like a dictionary
        self.assertLess(rules.pinyin_sort_key("李娜"), rules.pinyin_sort_key("林"))

    def test_latin_names(self):
        names = ["Zoe", "adam", "Bob Smith", "李娜"]
        self.assertEqual(
            sorted(names, key=rules.pinyin_sort_key),
            ["adam", "Bob Smith", "李娜", "Zoe"],
        )
        self.assertEqual(rules.pinyin_sort_key("Bob  Smith")[0], ("bob", "smith"))
        self.assertEqual(rules.pinyin_sort_key("\uff2c\uff49")[0], ("li",))

    def test_ties_broken_by_name(self):
        # 李娜 and 李纳 read the same; the order is still fixed
        first = sorted(["李纳", "李娜"], key=rules.pinyin_sort_key)
        second = sorted(["李娜", "李纳"], key=rules.pinyin_sort_key)
        self.assertEqual(first, second)
        self.assertEqual(
            rules.pinyin_sort_key("李娜")[0], rules.pinyin_sort_key("李纳")[0]
        )

    def test_empty_name(self):
        self.assertEqual(rules.pinyin_sort_key(""), ((), ""))

    def test_surnames_of_people(self):
        # 曾 is read ceng, except as a surname; organisations are not people
        self.assertEqual(rules.pinyin_sort_key("曾伟")[0], ("ceng", "wei"))
        self.assertEqual(rules.pinyin_sort_key("曾伟", person=True)[0], ("zeng", "wei"))
        names = ["单丽", "曾伟", "仇明", "蔡文"]
        self.assertEqual(
            sorted(names, key=lambda name: rules.pinyin_sort_key(name, person=True)),
            ["蔡文", "仇明", "单丽", "曾伟"],
        )
        # only the first character is a surname
        self.assertEqual(rules.pinyin_sort_key("李曾", person=True)[0], ("li", "ceng"))


class TestPinyinSortString(unittest.TestCase):
    def test_orders_like_the_key(self):
        names = ["张三", "李四", "李", "李娜", "林", "艾青", "Zhou Li", "曾", "Ｌｉ"]
        by_key = sorted(names, key=rules.pinyin_sort_key)
        by_string = sorted(names, key=rules.pinyin_sort_string)
        self.assertEqual(by_string, by_key)

    def test_empty_name(self):
        self.assertEqual(rules.pinyin_sort_string(""), "\x00")


if __name__ == "__main__":
    unittest.main()
