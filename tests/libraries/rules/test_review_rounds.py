"""Tests of changde.perfmgmt.libraries.rules.review_rounds (plain unittest, no Zope)."""

import unittest

from changde.perfmgmt.libraries.rules.review_rounds import review_round_number_violation
from changde.perfmgmt.libraries.rules.review_rounds import reviewed_report_violations


class TestReviewRoundsAndReports(unittest.TestCase):
    def test_one_round_of_each_number_a_year(self):
        self.assertIsNone(review_round_number_violation(2026, 3, [1, 2]))
        violation = review_round_number_violation(2026, 2, [1, 2])
        self.assertEqual(
            (violation.field, violation.code), ("number", "review_round_number_taken")
        )
        self.assertEqual(violation.params, {"year": 2026, "number": 2})

    def test_reviewed_reports(self):
        violations = reviewed_report_violations(
            ["u1", "", None, "nope", "u1", "u2"], {"u1", "u2"}
        )
        self.assertEqual(
            {index: v.code for index, v in violations.items()},
            {3: "review_row_report_unknown", 4: "review_row_report_twice"},
        )
        self.assertEqual(violations[3].field, "uid")
