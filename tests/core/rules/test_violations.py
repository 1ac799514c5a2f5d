"""Tests of changde.perfmgmt.core.rules.violations (plain unittest, no Zope)."""

import unittest
from decimal import Decimal

from changde.perfmgmt.core.rules.violations import Violation
from changde.perfmgmt.core.rules.violations import format_message
from changde.perfmgmt.core.rules.violations import raise_if_violations
from changde.perfmgmt.core.rules.violations import stringify_params

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
