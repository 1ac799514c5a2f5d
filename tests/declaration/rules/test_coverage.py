"""Tests of changde.perfmgmt.declaration.rules.coverage (plain unittest, no Zope)."""

import unittest

from changde.perfmgmt.core.rules.jurisdictions import JURISDICTION_KINDS
from changde.perfmgmt.declaration.rules.budgets import BUDGET_KINDS
from changde.perfmgmt.declaration.rules.budgets import FOUR_BUDGETS
from changde.perfmgmt.declaration.rules.coverage import CoverageSettings
from changde.perfmgmt.declaration.rules.coverage import coverage
from changde.perfmgmt.declaration.rules.coverage import coverage_target


class CoverageTargetTests(unittest.TestCase):
    def test_before_full_coverage(self):
        for year in (2019, 2020):
            self.assertEqual(coverage_target(year, "municipal").required_count, 4)
            for kind in JURISDICTION_KINDS[1:]:
                self.assertEqual(coverage_target(year, kind).required_count, 2)

    def test_from_full_coverage(self):
        for year in (2021, 2025):
            for kind in JURISDICTION_KINDS:
                self.assertEqual(coverage_target(year, kind).required_count, 4)

    def test_debt(self):
        self.assertFalse(coverage_target(2020, "municipal").debt_required)
        self.assertTrue(coverage_target(2021, "municipal").debt_required)
        self.assertFalse(coverage_target(2021, "district").debt_required)

    def test_settings(self):
        settings = CoverageSettings(
            full_coverage_year=2023, debt_from_year=2022, district_minimum_before_full=3
        )
        self.assertEqual(coverage_target(2022, "county", settings).required_count, 3)
        self.assertEqual(coverage_target(2023, "county", settings).required_count, 4)
        self.assertTrue(coverage_target(2022, "municipal", settings).debt_required)

    def test_unknown_jurisdiction_kind(self):
        with self.assertRaises(ValueError):
            coverage_target(2021, "province")


class CoverageTests(unittest.TestCase):
    def test_2019_municipal_three_of_four_is_not_met(self):
        result = coverage(
            ["general_public", "government_fund", "state_capital"], 2019, "municipal"
        )
        self.assertEqual(result.covered_count, 3)
        self.assertEqual(result.required_count, 4)
        self.assertFalse(result.met)
        self.assertFalse(result.covered["social_insurance"])

    def test_2019_municipal_four_of_four_is_met(self):
        result = coverage(FOUR_BUDGETS, 2019, "municipal")
        self.assertEqual(result.covered_count, 4)
        self.assertFalse(result.debt_required)
        self.assertTrue(result.met)

    def test_2019_district_one_vs_two(self):
        one = coverage(["general_public"], 2019, "district")
        self.assertEqual((one.covered_count, one.required_count), (1, 2))
        self.assertFalse(one.met)
        two = coverage(["general_public", "government_fund"], 2019, "district")
        self.assertTrue(two.met)

    def test_2021_district_three_vs_four(self):
        three = coverage(FOUR_BUDGETS[:3], 2021, "district")
        self.assertEqual((three.covered_count, three.required_count), (3, 4))
        self.assertFalse(three.met)
        four = coverage(FOUR_BUDGETS, 2021, "district")
        self.assertTrue(four.met)
        self.assertFalse(four.debt_required)

    def test_debt_2020_vs_2021_municipal(self):
        before = coverage(FOUR_BUDGETS, 2020, "municipal")
        self.assertFalse(before.debt_required)
        self.assertFalse(before.debt_covered)
        self.assertTrue(before.met)
        after = coverage(FOUR_BUDGETS, 2021, "municipal")
        self.assertTrue(after.debt_required)
        self.assertFalse(after.debt_covered)
        self.assertFalse(after.met)
        with_debt = coverage(BUDGET_KINDS, 2021, "municipal")
        self.assertTrue(with_debt.debt_covered)
        self.assertTrue(with_debt.met)

    def test_debt_does_not_count_among_the_four(self):
        result = coverage(["general_public", "government_debt"], 2019, "district")
        self.assertEqual(result.covered_count, 1)
        self.assertTrue(result.debt_covered)
        self.assertFalse(result.met)

    def test_duplicates_and_unknown_kinds_are_ignored(self):
        result = coverage(
            ["general_public", "general_public", "lottery"], 2019, "county"
        )
        self.assertEqual(result.covered_count, 1)
        self.assertEqual(set(result.covered), set(BUDGET_KINDS))

    def test_as_dict(self):
        data = coverage(BUDGET_KINDS, 2021, "municipal").as_dict()
        self.assertEqual(data["covered_count"], 4)
        self.assertTrue(data["met"])
        self.assertTrue(data["covered"]["government_debt"])
