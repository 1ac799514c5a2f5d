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
