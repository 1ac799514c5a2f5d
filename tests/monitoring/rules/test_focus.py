"""Tests of changde.perfmgmt.monitoring.rules.focus (plain unittest, no Zope)."""

import unittest

from changde.perfmgmt.monitoring.rules.focus import clean_focus_answers
from changde.perfmgmt.monitoring.rules.focus import validate_focus_answers
from changde.perfmgmt.monitoring.rules.import_rows import check_import_rows


class FocusAnswersTests(unittest.TestCase):
    def test_items_of_the_round_only(self):
        focus = ("soundness", "fund_safety")
        self.assertEqual(validate_focus_answers({"soundness": "好"}, focus), [])
        self.assertEqual(validate_focus_answers({}, focus), [])
        self.assertEqual(validate_focus_answers(None, focus), [])
        found = validate_focus_answers(
            {"completeness": "x", "soundness": 3, "fund_safety": None}, focus
        )
        self.assertEqual(
            [(v.field, v.code) for v in found],
            [
                ("focus_answers.completeness", "monitoring_focus_not_in_round"),
                ("focus_answers.soundness", "monitoring_focus_answer_not_text"),
            ],
        )
        (violation,) = validate_focus_answers(["x"], focus)
        self.assertEqual(violation.code, "monitoring_focus_answers_not_an_object")

    def test_clean(self):
        self.assertEqual(
            clean_focus_answers({"a": " x ", "b": "", "c": None}), {"a": "x"}
        )

    def test_import_row_reads_the_answers(self):
        valid, problems = check_import_rows(
            [
                {
                    "project_code": "A",
                    "budget_amount": 1,
                    "executed_amount": 1,
                    "focus_answers": {"soundness": " 合理 "},
                },
                {
                    "project_code": "B",
                    "budget_amount": 1,
                    "executed_amount": 1,
                    "focus_answers": "合理",
                },
            ]
        )
        self.assertEqual(valid[0].focus_answers, {"soundness": "合理"})
        self.assertEqual(
            [(p.row, p.violation.code) for p in problems],
            [(2, "monitoring_focus_answers_not_an_object")],
        )
