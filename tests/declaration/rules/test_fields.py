"""Tests of changde.perfmgmt.declaration.rules.fields (plain unittest, no Zope)."""

import dataclasses
import unittest
from decimal import Decimal

from changde.perfmgmt.core.rules.money import format_yuan
from changde.perfmgmt.core.rules.violations import Violation
from changde.perfmgmt.declaration.rules.budgets import BUDGET_KINDS
from changde.perfmgmt.declaration.rules.coverage import CoverageSettings
from changde.perfmgmt.declaration.rules.fields import DEFAULT_SETTINGS
from changde.perfmgmt.declaration.rules.fields import DeclarationSettings
from changde.perfmgmt.declaration.rules.fields import readable_params
from changde.perfmgmt.declaration.rules.fields import validate_amount
from changde.perfmgmt.declaration.rules.fields import validate_budget_kind
from changde.perfmgmt.declaration.rules.fields import validate_project_fields
from changde.perfmgmt.declaration.rules.fields import validate_project_year
from changde.perfmgmt.declaration.rules.gates import ProjectFacts
from changde.perfmgmt.declaration.rules.indicators import validate_indicator_target
from changde.perfmgmt.declaration.rules.indicators import validate_indicator_weight


def make_facts(**changes) -> ProjectFacts:
    """A municipal special fund that passes every gate, changed by ``changes``."""
    values = {
        "year": 2021,
        "budget_kind": "general_public",
        "is_special_fund": True,
        "amount": Decimal("1000000"),
        "is_new_major": False,
        "has_performance_goal": True,
        "has_management_measure": False,
        "pre_evaluation_result": "none",
        "indicator_count": 12,
        "quantifiable_indicator_count": 10,
        "jurisdiction_kind": "municipal",
    }
    values.update(changes)
    return ProjectFacts(**values)


def codes(violations) -> list[str]:
    return [violation.code for violation in violations]


class PlanDefaultsTests(unittest.TestCase):
    def test_default_settings_are_the_plans(self):
        self.assertEqual(DEFAULT_SETTINGS.min_quantifiable_indicators, 10)
        self.assertEqual(
            DEFAULT_SETTINGS.management_measure_threshold, Decimal("5000000")
        )
        self.assertEqual(DEFAULT_SETTINGS.municipal_special_fund_cap, 90)
        self.assertEqual(DEFAULT_SETTINGS.min_year, 2000)
        self.assertEqual(DEFAULT_SETTINGS.max_year, 2100)
        coverage_settings = CoverageSettings()
        self.assertEqual(coverage_settings.full_coverage_year, 2021)
        self.assertEqual(coverage_settings.debt_from_year, 2021)
        self.assertEqual(coverage_settings.district_minimum_before_full, 2)

    def test_settings_and_facts_are_frozen(self):
        with self.assertRaises(dataclasses.FrozenInstanceError):
            DEFAULT_SETTINGS.municipal_special_fund_cap = 91
        with self.assertRaises(dataclasses.FrozenInstanceError):
            make_facts().amount = Decimal(0)


class ProjectFieldTests(unittest.TestCase):
    def check(self, year=2021, budget_kind="general_public", amount=Decimal("1")):
        return validate_project_fields(year, budget_kind, amount)

    def test_valid_fields(self):
        self.assertEqual(self.check(), [])

    def test_year_bounds(self):
        for year in (2000, 2001, 2099, 2100):
            self.assertEqual(self.check(year=year), [], year)
        for year in (1800, 1999, 2101):
            violations = self.check(year=year)
            self.assertEqual(codes(violations), ["project_year_out_of_range"], year)
            self.assertEqual(violations[0].field, "year")
            self.assertEqual(violations[0].params["year"], year)
            self.assertIn(str(year), violations[0].text)
            self.assertIn("2000", violations[0].text)
            self.assertIn("2100", violations[0].text)

    def test_year_bounds_follow_settings(self):
        settings = DeclarationSettings(min_year=2019, max_year=2030)
        self.assertEqual(
            validate_project_fields(2019, "general_public", 1, settings), []
        )
        self.assertEqual(
            codes(validate_project_fields(2018, "general_public", 1, settings)),
            ["project_year_out_of_range"],
        )

    def test_year_required_and_invalid(self):
        self.assertEqual(codes(self.check(year=None)), ["project_year_required"])
        self.assertEqual(codes(self.check(year="next")), ["project_year_invalid"])
        self.assertEqual(codes(self.check(year=True)), ["project_year_invalid"])
        self.assertEqual(self.check(year="2021"), [])

    def test_budget_kinds(self):
        for kind in BUDGET_KINDS:
            self.assertEqual(self.check(budget_kind=kind), [], kind)
        violations = self.check(budget_kind="lottery")
        self.assertEqual(codes(violations), ["project_budget_kind_unknown"])
        self.assertEqual(violations[0].field, "budget_kind")
        self.assertIn("lottery", violations[0].text)
        self.assertEqual(
            codes(self.check(budget_kind=None)), ["project_budget_kind_required"]
        )

    def test_amount_forms(self):
        for amount in (Decimal("0"), 0, 5000000, "4999999.99", Decimal("0.01")):
            self.assertEqual(self.check(amount=amount), [], amount)

    def test_negative_amount(self):
        for amount in (Decimal("-0.01"), -1, "-100"):
            violations = self.check(amount=amount)
            self.assertEqual(codes(violations), ["project_amount_negative"], amount)
            self.assertEqual(violations[0].field, "amount")
        self.assertIn("-0.01", self.check(amount=Decimal("-0.01"))[0].text)

    def test_amount_not_a_number(self):
        for amount in ("abc", "NaN", "Infinity", Decimal("NaN"), object(), True):
            violations = self.check(amount=amount)
            self.assertEqual(codes(violations), ["project_amount_not_a_number"])
            self.assertEqual(violations[0].field, "amount")

    def test_amount_required(self):
        for amount in (None, "", "  "):
            violations = self.check(amount=amount)
            self.assertEqual(codes(violations), ["project_amount_required"])
            self.assertEqual(violations[0].field, "amount")

    def test_all_fields_wrong(self):
        violations = self.check(year=1800, budget_kind="x", amount=-5)
        self.assertEqual(
            [violation.field for violation in violations],
            ["year", "budget_kind", "amount"],
        )
        for violation in violations:
            self.assertIsInstance(violation, Violation)


class FieldChecksTests(unittest.TestCase):
    """Each field's check on its own (the schema's constraints call them)."""

    def test_year_at_the_bounds(self):
        self.assertEqual(validate_project_year(2000), [])
        self.assertEqual(validate_project_year(2100), [])
        self.assertEqual(validate_project_year("2026"), [])
        (violation,) = validate_project_year(1800)
        self.assertEqual(violation.code, "project_year_out_of_range")
        self.assertEqual(
            violation.params, {"year": 1800, "min_year": 2000, "max_year": 2100}
        )
        self.assertEqual(
            codes(validate_project_year(1999)), ["project_year_out_of_range"]
        )
        self.assertEqual(
            codes(validate_project_year(2101)), ["project_year_out_of_range"]
        )
        self.assertEqual(codes(validate_project_year("abc")), ["project_year_invalid"])
        self.assertEqual(codes(validate_project_year(None)), ["project_year_required"])

    def test_budget_kind_names_the_allowed_kinds(self):
        self.assertEqual(validate_budget_kind("state_capital"), [])
        (violation,) = validate_budget_kind("lottery")
        self.assertEqual(violation.field, "budget_kind")
        self.assertEqual(
            violation.params["allowed"],
            "general_public, government_fund, state_capital, social_insurance, "
            "government_debt",
        )
        self.assertEqual(
            codes(validate_budget_kind("")), ["project_budget_kind_required"]
        )

    def test_amount_around_zero(self):
        self.assertEqual(validate_amount(Decimal("0")), [])
        self.assertEqual(validate_amount("0.01"), [])
        (violation,) = validate_amount(Decimal("-0.01"))
        self.assertEqual(violation.code, "project_amount_negative")
        self.assertEqual(violation.field, "amount")
        self.assertEqual(
            codes(validate_amount("many")), ["project_amount_not_a_number"]
        )

    def test_weight_at_the_bounds(self):
        for weight in (0, 100, "50.5", None):
            self.assertEqual(validate_indicator_weight(weight), [], weight)
        for weight in (Decimal("-0.01"), Decimal("100.01")):
            self.assertEqual(
                codes(validate_indicator_weight(weight)),
                ["indicator_weight_out_of_range"],
            )

    def test_target_only_for_quantifiable(self):
        self.assertEqual(validate_indicator_target(False, None), [])
        self.assertEqual(validate_indicator_target(False, "明显改善"), [])
        self.assertEqual(validate_indicator_target(True, "20"), [])
        self.assertEqual(
            codes(validate_indicator_target(True, "20 所")),
            ["indicator_target_not_a_number"],
        )


class AmountFormattingTests(unittest.TestCase):
    def test_format_yuan(self):
        self.assertEqual(format_yuan(Decimal("5000000")), "5,000,000")
        self.assertEqual(format_yuan(Decimal("4999999.99")), "4,999,999.99")
        self.assertEqual(format_yuan(Decimal("3200000.00")), "3,200,000")
        self.assertEqual(format_yuan(-5), "-5")
        self.assertEqual(format_yuan("abc"), "abc")

    def test_only_amounts_are_formatted(self):
        params = {"amount": Decimal("8000000"), "threshold": 5000000, "count": 12000}
        self.assertEqual(
            readable_params(params),
            {"amount": "8,000,000", "threshold": "5,000,000", "count": 12000},
        )
