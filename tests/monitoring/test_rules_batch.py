"""Plain-Python rules of bulk data and settings lines (no Zope)."""

import unittest
from decimal import Decimal

from changde.perfmgmt.monitoring import rules


class RoundLinesTests(unittest.TestCase):
    def test_round_trip_of_the_defaults(self):
        lines = [rules.format_round_default(d) for d in rules.DEFAULT_ROUNDS]
        self.assertEqual(lines[0], "1|10-31|60|soundness,fund_safety")
        defaults, violations = rules.parse_round_defaults(lines)
        self.assertEqual(violations, [])
        self.assertEqual(defaults, rules.DEFAULT_ROUNDS)

    def test_bad_lines_are_named(self):
        defaults, violations = rules.parse_round_defaults(
            ["1|10-31|60|soundness", "", "oops", "3|12-x|85|completeness"]
        )
        self.assertEqual([d.round_number for d in defaults], [1])
        self.assertEqual([v.params["line"] for v in violations], [3, 4])
        self.assertEqual(violations[0].code, "monitoring_round_line_invalid")


class ImportRowTests(unittest.TestCase):
    def test_valid_rows(self):
        valid, problems = rules.check_import_rows(
            [
                {
                    "project_code": "A-1",
                    "budget_amount": "1,000",
                    "executed_amount": 600,
                },
                {"project": "uid", "budget_amount": 0, "executed_amount": 5},
            ]
        )
        self.assertEqual(problems, [])
        self.assertEqual(valid[0].budget_amount, Decimal(1000))
        self.assertEqual(valid[0].execution_rate, Decimal("60.00"))
        self.assertIsNone(valid[1].execution_rate)
        self.assertEqual(valid[1].key, "uid")

    def test_every_problem_with_its_row(self):
        valid, problems = rules.check_import_rows(
            [
                {"project_code": "A-1", "budget_amount": 1, "executed_amount": -1},
                "not a row",
                {"budget_amount": 1, "executed_amount": 1, "colour": "red"},
                {"project_code": "A-1", "budget_amount": 1, "executed_amount": 1},
                {
                    "project_code": "A-2",
                    "budget_amount": 1,
                    "executed_amount": 1,
                    "severity": "awful",
                    "indicators": [{"indicator": "x", "on_track": False}, "y"],
                },
            ],
            first_row=2,
        )
        self.assertEqual([row.row for row in valid], [5])
        found = [(p.row, p.violation.code, p.violation.field) for p in problems]
        self.assertEqual(
            found,
            [
                (2, "monitoring_amount_negative", "executed_amount"),
                (3, "monitoring_row_not_an_object", None),
                (4, "monitoring_field_unknown", "colour"),
                (4, "monitoring_row_project_required", "project"),
                (6, "monitoring_severity_unknown", "severity"),
                (
                    6,
                    "monitoring_progress_cause_required",
                    "indicators[0].deviation_cause",
                ),
                (6, "monitoring_progress_not_an_object", "indicators[1]"),
            ],
        )
        self.assertEqual(problems[0].as_dict()["row"], 2)

    def test_duplicates(self):
        row = {"project_code": "A-1", "budget_amount": 1, "executed_amount": 1}
        valid, problems = rules.check_import_rows([row, dict(row)])
        self.assertEqual([r.row for r in valid], [1])
        self.assertEqual(problems[0].row, 2)
        self.assertEqual(problems[0].violation.code, "monitoring_row_duplicate")
        self.assertEqual(problems[0].violation.params["first"], 1)

    def test_sheet_numbers(self):
        _, problems = rules.check_import_rows(
            [{"project_code": "A"}, {"project_code": "B"}], numbers=[2, 5]
        )
        self.assertEqual(sorted({p.row for p in problems}), [2, 5])

    def test_empty_batch(self):
        valid, problems = rules.check_import_rows([])
        self.assertEqual(problems[0].violation.code, "monitoring_batch_empty")


class HelpersTests(unittest.TestCase):
    def test_merge_progress(self):
        merged = rules.merge_progress(
            [{"indicator": "a", "actual_value": "1", "deviation_cause": "late"}],
            [
                {"indicator": "a", "actual_value": "2", "deviation_cause": None},
                {"indicator": "b", "actual_value": "3"},
            ],
        )
        self.assertEqual(
            merged,
            [
                {"indicator": "a", "actual_value": "2", "deviation_cause": "late"},
                {"indicator": "b", "actual_value": "3"},
            ],
        )

    def test_aggregate_rate(self):
        self.assertEqual(
            rules.aggregate_rate([(1000, 500), ("3000", "2200"), (None, 5)]),
            Decimal("67.50"),
        )
        self.assertIsNone(rules.aggregate_rate([]))

    def test_parse_yes_no(self):
        self.assertTrue(rules.parse_yes_no("是"))
        self.assertFalse(rules.parse_yes_no("否"))
        self.assertFalse(rules.parse_yes_no(0))
        self.assertIsNone(rules.parse_yes_no(" "))
        self.assertEqual(rules.parse_yes_no("maybe"), "maybe")

    def test_flag_names(self):
        self.assertEqual(
            rules.flag_names(rules.record_flags(Decimal("59.99"), 60, "serious")),
            ["below_target", "suspension"],
        )
        self.assertEqual(rules.flag_names(rules.record_flags(None, 60, "minor")), [])

    def test_over_budget_flag_at_the_edge(self):
        names = rules.flag_names(rules.record_flags(Decimal("100.01"), 60, "none"))
        self.assertEqual(names, ["over_budget"])
        self.assertEqual(
            rules.flag_names(rules.record_flags(Decimal("100.00"), 60, "none")), []
        )
        self.assertEqual(
            set(rules.FLAGS), {"below_target", "suspension", "over_budget"}
        )


class RoundUniqueTests(unittest.TestCase):
    def test_one_round_of_each_number_a_year(self):
        taken = {(2026, 1), (2026, 2)}
        self.assertEqual(rules.validate_round_unique(2026, 3, taken), [])
        self.assertEqual(rules.validate_round_unique(2027, 1, taken), [])
        (violation,) = rules.validate_round_unique(2026, 2, taken)
        self.assertEqual(violation.code, "monitoring_round_duplicate")
        self.assertEqual(violation.field, "round_number")
        self.assertEqual(violation.text, "2026 already has a round 2.")


class ProgressTests(unittest.TestCase):
    def test_valid(self):
        rows = [
            {"indicator": "u1", "on_track": True},
            {"indicator": "u2", "on_track": False, "deviation_cause": "延期"},
        ]
        self.assertEqual(rules.validate_progress(rows, {"u1", "u2"}), [])
        self.assertEqual(rules.validate_progress([], set()), [])

    def test_unknown_twice_and_row_rules(self):
        rows = [
            {"indicator": "u1", "on_track": False},
            {"indicator": "u1"},
            {"indicator": "zz"},
            {"on_track": "maybe"},
        ]
        found = [(v.field, v.code) for v in rules.validate_progress(rows, {"u1"})]
        self.assertEqual(
            found,
            [
                (
                    "indicator_progress[0].deviation_cause",
                    "monitoring_progress_cause_required",
                ),
                (
                    "indicator_progress[1].indicator",
                    "monitoring_progress_indicator_twice",
                ),
                ("indicator_progress[2].indicator", "monitoring_indicator_unknown"),
                (
                    "indicator_progress[3].indicator",
                    "monitoring_progress_indicator_required",
                ),
                (
                    "indicator_progress[3].on_track",
                    "monitoring_progress_on_track_invalid",
                ),
            ],
        )

    def test_not_a_list(self):
        (violation,) = rules.validate_progress({"indicator": "u1"}, {"u1"})
        self.assertEqual(violation.code, "monitoring_progress_not_a_list")


class FocusAnswersTests(unittest.TestCase):
    def test_items_of_the_round_only(self):
        focus = ("soundness", "fund_safety")
        self.assertEqual(rules.validate_focus_answers({"soundness": "好"}, focus), [])
        self.assertEqual(rules.validate_focus_answers({}, focus), [])
        self.assertEqual(rules.validate_focus_answers(None, focus), [])
        found = rules.validate_focus_answers(
            {"completeness": "x", "soundness": 3, "fund_safety": None}, focus
        )
        self.assertEqual(
            [(v.field, v.code) for v in found],
            [
                ("focus_answers.completeness", "monitoring_focus_not_in_round"),
                ("focus_answers.soundness", "monitoring_focus_answer_not_text"),
            ],
        )
        (violation,) = rules.validate_focus_answers(["x"], focus)
        self.assertEqual(violation.code, "monitoring_focus_answers_not_an_object")

    def test_clean(self):
        self.assertEqual(
            rules.clean_focus_answers({"a": " x ", "b": "", "c": None}), {"a": "x"}
        )

    def test_import_row_reads_the_answers(self):
        valid, problems = rules.check_import_rows(
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


class LockedRecordTests(unittest.TestCase):
    def test_submitted_and_confirmed_are_locked(self):
        for state in ("draft", "returned", None):
            self.assertEqual(rules.locked_record_violation(state), [], state)
        for state in ("submitted", "confirmed"):
            (violation,) = rules.locked_record_violation(state, "project_code")
            self.assertEqual(violation.code, "monitoring_record_locked")
            self.assertEqual(violation.field, "project_code")
            self.assertEqual(violation.params, {"state": state})
