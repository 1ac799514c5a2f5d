"""The gaps of the coverage matrix (R-M5): what is shown red."""

import unittest

from changde.perfmgmt.declaration.rules.coverage import coverage
from changde.perfmgmt.declaration.rules.coverage import coverage_gaps


class TestCoverageGaps(unittest.TestCase):
    def test_municipal_all_four_and_debt(self):
        result = coverage(
            ["general_public", "government_fund", "state_capital", "social_insurance"],
            2026,
            "municipal",
        )
        self.assertEqual(coverage_gaps(result), ("government_debt",))

    def test_met_has_no_gaps(self):
        result = coverage(
            ["general_public", "government_fund", "state_capital", "social_insurance"],
            2026,
            "district",
        )
        self.assertTrue(result.met)
        self.assertEqual(coverage_gaps(result), ())

    def test_every_missing_budget_of_a_target_not_met(self):
        result = coverage(["general_public"], 2026, "district")
        self.assertEqual(
            coverage_gaps(result),
            ("government_fund", "state_capital", "social_insurance"),
        )

    def test_two_of_four_before_full_coverage_is_enough(self):
        # 2020: a district needs 2 of the four budgets, debt is not required
        self.assertEqual(
            coverage_gaps(
                coverage(["general_public", "state_capital"], 2020, "county")
            ),
            (),
        )
        self.assertEqual(
            coverage_gaps(coverage(["general_public"], 2020, "county")),
            ("government_fund", "state_capital", "social_insurance"),
        )
