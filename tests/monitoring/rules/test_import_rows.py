"""Tests of changde.perfmgmt.monitoring.rules.import_rows (plain unittest, no Zope)."""

import unittest
from decimal import Decimal

from changde.perfmgmt.monitoring.rules.import_rows import check_import_rows


class ImportRowTests(unittest.TestCase):
    def test_valid_rows(self):
        valid, problems = check_import_rows(
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
        valid, problems = check_import_rows(
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
        valid, problems = check_import_rows([row, dict(row)])
        self.assertEqual([r.row for r in valid], [1])
        self.assertEqual(problems[0].row, 2)
        self.assertEqual(problems[0].violation.code, "monitoring_row_duplicate")
        self.assertEqual(problems[0].violation.params["first"], 1)

    def test_sheet_numbers(self):
        _, problems = check_import_rows(
            [{"project_code": "A"}, {"project_code": "B"}], numbers=[2, 5]
        )
        self.assertEqual(sorted({p.row for p in problems}), [2, 5])

    def test_empty_batch(self):
        valid, problems = check_import_rows([])
        self.assertEqual(problems[0].violation.code, "monitoring_batch_empty")
