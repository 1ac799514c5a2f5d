"""Tests of the plain-Python declaration rules (no Zope needed)."""

import dataclasses
import unittest
from decimal import Decimal

from changde.perfmgmt.core.rules import Violation
from changde.perfmgmt.declaration import rules
from changde.perfmgmt.declaration.rules import DEFAULT_SETTINGS
from changde.perfmgmt.declaration.rules import CoverageSettings
from changde.perfmgmt.declaration.rules import DeclarationSettings
from changde.perfmgmt.declaration.rules import NegativeListHit
from changde.perfmgmt.declaration.rules import ProjectFacts
from changde.perfmgmt.declaration.rules import approval_violations
from changde.perfmgmt.declaration.rules import coverage
from changde.perfmgmt.declaration.rules import coverage_target
from changde.perfmgmt.declaration.rules import goal_gate
from changde.perfmgmt.declaration.rules import management_measure_gate
from changde.perfmgmt.declaration.rules import negative_list_gate
from changde.perfmgmt.declaration.rules import pre_evaluation_gate
from changde.perfmgmt.declaration.rules import quantified_share
from changde.perfmgmt.declaration.rules import special_fund_cap_gate
from changde.perfmgmt.declaration.rules import special_fund_indicator_gate
from changde.perfmgmt.declaration.rules import submission_violations
from changde.perfmgmt.declaration.rules import validate_indicator_fields
from changde.perfmgmt.declaration.rules import validate_project_fields


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


class VocabularyTests(unittest.TestCase):
    def test_budget_kinds(self):
        self.assertEqual(
            rules.BUDGET_KINDS,
            (
                "general_public",
                "government_fund",
                "state_capital",
                "social_insurance",
                "government_debt",
            ),
        )
        self.assertEqual(rules.FOUR_BUDGETS, rules.BUDGET_KINDS[:4])
        self.assertNotIn("government_debt", rules.FOUR_BUDGETS)

    def test_other_vocabularies(self):
        self.assertEqual(
            rules.JURISDICTION_KINDS,
            ("municipal", "district", "county_city", "county", "management_zone"),
        )
        self.assertEqual(rules.COMPARATORS, ("ge", "le", "eq", "approx", "qualitative"))
        self.assertEqual(rules.PRE_EVALUATION_RESULTS, ("none", "passed", "failed"))

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
        for kind in rules.BUDGET_KINDS:
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


class IndicatorFieldTests(unittest.TestCase):
    def test_valid_quantifiable(self):
        for comparator in ("ge", "le", "eq", "approx"):
            self.assertEqual(
                validate_indicator_fields(comparator, Decimal("10"), True, "95"), []
            )

    def test_valid_qualitative(self):
        self.assertEqual(validate_indicator_fields("qualitative", 5, False, None), [])
        self.assertEqual(validate_indicator_fields("qualitative", 5, False, "良好"), [])

    def test_unknown_or_missing_comparator(self):
        violations = validate_indicator_fields("gt", 5, False, None)
        self.assertEqual(codes(violations), ["indicator_comparator_unknown"])
        self.assertEqual(violations[0].field, "comparator")
        self.assertIn("gt", violations[0].text)
        self.assertEqual(
            codes(validate_indicator_fields(None, 5, False, None)),
            ["indicator_comparator_required"],
        )

    def test_weight_bounds(self):
        for weight in (0, Decimal("0"), 50, "100", Decimal("100"), None):
            self.assertEqual(
                validate_indicator_fields("ge", weight, True, 1), [], weight
            )
        for weight in (-1, Decimal("-0.01"), Decimal("100.01"), 101):
            violations = validate_indicator_fields("ge", weight, True, 1)
            self.assertEqual(codes(violations), ["indicator_weight_out_of_range"])
            self.assertEqual(violations[0].field, "weight")
            self.assertIn(str(weight), violations[0].text)
        self.assertEqual(
            codes(validate_indicator_fields("ge", "heavy", True, 1)),
            ["indicator_weight_not_a_number"],
        )

    def test_quantifiable_needs_numeric_target(self):
        violations = validate_indicator_fields("ge", 5, True, None)
        self.assertEqual(codes(violations), ["indicator_quantifiable_needs_target"])
        self.assertEqual(violations[0].field, "target_value")
        violations = validate_indicator_fields("ge", 5, True, "many")
        self.assertEqual(codes(violations), ["indicator_target_not_a_number"])
        self.assertIn("many", violations[0].text)
        self.assertEqual(validate_indicator_fields("ge", 5, True, Decimal("0")), [])

    def test_quantifiable_needs_non_qualitative_comparator(self):
        violations = validate_indicator_fields("qualitative", 5, True, "95")
        self.assertEqual(codes(violations), ["indicator_quantifiable_needs_comparator"])
        self.assertEqual(violations[0].field, "comparator")


class GoalGateTests(unittest.TestCase):
    def test_goal_and_indicators_pass(self):
        self.assertEqual(goal_gate(make_facts()), [])
        self.assertEqual(goal_gate(make_facts(indicator_count=1)), [])

    def test_no_goal(self):
        violations = goal_gate(make_facts(has_performance_goal=False))
        self.assertEqual(codes(violations), ["gate_performance_goal_missing"])
        self.assertEqual(violations[0].field, "performance_goal")

    def test_no_indicators(self):
        violations = goal_gate(make_facts(indicator_count=0))
        self.assertEqual(codes(violations), ["gate_indicators_missing"])
        self.assertEqual(violations[0].field, "indicators")

    def test_neither(self):
        violations = goal_gate(
            make_facts(has_performance_goal=False, indicator_count=0)
        )
        self.assertEqual(
            [violation.field for violation in violations],
            ["performance_goal", "indicators"],
        )


class SpecialFundIndicatorGateTests(unittest.TestCase):
    def test_nine_fails(self):
        violations = special_fund_indicator_gate(
            make_facts(quantifiable_indicator_count=9)
        )
        self.assertEqual(
            codes(violations), ["gate_special_fund_too_few_quantifiable_indicators"]
        )
        violation = violations[0]
        self.assertEqual(violation.field, "indicators")
        self.assertEqual(violation.params, {"minimum": 10, "count": 9})
        self.assertEqual(
            violation.text,
            "A special fund needs at least 10 quantifiable indicators with a "
            "target value; this project has 9.",
        )

    def test_ten_and_eleven_pass(self):
        for count in (10, 11):
            self.assertEqual(
                special_fund_indicator_gate(
                    make_facts(quantifiable_indicator_count=count)
                ),
                [],
                count,
            )

    def test_not_special_fund_with_no_quantifiable_indicators_passes(self):
        facts = make_facts(is_special_fund=False, quantifiable_indicator_count=0)
        self.assertEqual(special_fund_indicator_gate(facts), [])

    def test_minimum_follows_settings(self):
        settings = DeclarationSettings(min_quantifiable_indicators=12)
        violations = special_fund_indicator_gate(
            make_facts(quantifiable_indicator_count=11), settings
        )
        self.assertEqual(violations[0].params, {"minimum": 12, "count": 11})
        self.assertIn("12", violations[0].text)
        self.assertIn("11", violations[0].text)


class QuantifiableWithTargetTests(unittest.TestCase):
    """A quantifiable indicator counts only with a numeric target value."""

    def test_nine_ten_eleven_with_targets(self):
        self.assertEqual(
            codes(
                special_fund_indicator_gate(make_facts(quantifiable_indicator_count=9))
            ),
            ["gate_special_fund_too_few_quantifiable_indicators"],
        )
        for count in (10, 11):
            facts = make_facts(
                quantifiable_indicator_count=count, quantifiable_without_target=()
            )
            self.assertEqual(special_fund_indicator_gate(facts), [], count)

    def test_ten_quantifiable_one_without_target_fails_naming_it(self):
        facts = make_facts(
            quantifiable_indicator_count=10, quantifiable_without_target=("指标 3",)
        )
        (violation,) = special_fund_indicator_gate(facts)
        self.assertEqual(
            violation.code, "gate_special_fund_quantifiable_without_target"
        )
        self.assertEqual(violation.field, "indicators")
        self.assertEqual(
            violation.params,
            {
                "minimum": 10,
                "count": 9,
                "quantifiable": 10,
                "missing_count": 1,
                "missing": "指标 3",
            },
        )
        self.assertEqual(
            violation.text,
            "A special fund needs at least 10 quantifiable indicators with a target "
            "value; this project has 9: 10 are quantifiable, but 1 of them have no "
            "target value (指标 3).",
        )

    def test_eleven_quantifiable_one_without_target_passes(self):
        facts = make_facts(
            quantifiable_indicator_count=11, quantifiable_without_target=("指标 3",)
        )
        self.assertEqual(special_fund_indicator_gate(facts), [])

    def test_every_title_without_target_is_named(self):
        facts = make_facts(
            quantifiable_indicator_count=10,
            quantifiable_without_target=("指标 1", "指标 2"),
        )
        (violation,) = special_fund_indicator_gate(facts)
        self.assertEqual(violation.params["missing"], "指标 1、指标 2")
        self.assertEqual(violation.params["count"], 8)

    def test_not_a_special_fund_needs_no_targets(self):
        facts = make_facts(
            is_special_fund=False,
            quantifiable_indicator_count=10,
            quantifiable_without_target=("指标 1",),
        )
        self.assertEqual(special_fund_indicator_gate(facts), [])

    def test_has_numeric_target(self):
        for value in ("20", " 99.5 ", "1,000", Decimal("0"), 3):
            self.assertTrue(rules.has_numeric_target(value), value)
        for value in (None, "", "  ", "明显改善", "20 所"):
            self.assertFalse(rules.has_numeric_target(value), value)


class FieldChecksTests(unittest.TestCase):
    """Each field's check on its own (the schema's constraints call them)."""

    def test_year_at_the_bounds(self):
        self.assertEqual(rules.validate_project_year(2000), [])
        self.assertEqual(rules.validate_project_year(2100), [])
        self.assertEqual(rules.validate_project_year("2026"), [])
        (violation,) = rules.validate_project_year(1800)
        self.assertEqual(violation.code, "project_year_out_of_range")
        self.assertEqual(
            violation.params, {"year": 1800, "min_year": 2000, "max_year": 2100}
        )
        self.assertEqual(
            codes(rules.validate_project_year(1999)), ["project_year_out_of_range"]
        )
        self.assertEqual(
            codes(rules.validate_project_year(2101)), ["project_year_out_of_range"]
        )
        self.assertEqual(
            codes(rules.validate_project_year("abc")), ["project_year_invalid"]
        )
        self.assertEqual(
            codes(rules.validate_project_year(None)), ["project_year_required"]
        )

    def test_budget_kind_names_the_allowed_kinds(self):
        self.assertEqual(rules.validate_budget_kind("state_capital"), [])
        (violation,) = rules.validate_budget_kind("lottery")
        self.assertEqual(violation.field, "budget_kind")
        self.assertEqual(
            violation.params["allowed"],
            "general_public, government_fund, state_capital, social_insurance, "
            "government_debt",
        )
        self.assertEqual(
            codes(rules.validate_budget_kind("")), ["project_budget_kind_required"]
        )

    def test_amount_around_zero(self):
        self.assertEqual(rules.validate_amount(Decimal("0")), [])
        self.assertEqual(rules.validate_amount("0.01"), [])
        (violation,) = rules.validate_amount(Decimal("-0.01"))
        self.assertEqual(violation.code, "project_amount_negative")
        self.assertEqual(violation.field, "amount")
        self.assertEqual(
            codes(rules.validate_amount("many")), ["project_amount_not_a_number"]
        )

    def test_weight_at_the_bounds(self):
        for weight in (0, 100, "50.5", None):
            self.assertEqual(rules.validate_indicator_weight(weight), [], weight)
        for weight in (Decimal("-0.01"), Decimal("100.01")):
            self.assertEqual(
                codes(rules.validate_indicator_weight(weight)),
                ["indicator_weight_out_of_range"],
            )

    def test_target_only_for_quantifiable(self):
        self.assertEqual(rules.validate_indicator_target(False, None), [])
        self.assertEqual(rules.validate_indicator_target(False, "明显改善"), [])
        self.assertEqual(rules.validate_indicator_target(True, "20"), [])
        self.assertEqual(
            codes(rules.validate_indicator_target(True, "20 所")),
            ["indicator_target_not_a_number"],
        )


class AmountFormattingTests(unittest.TestCase):
    def test_format_yuan(self):
        self.assertEqual(rules.format_yuan(Decimal("5000000")), "5,000,000")
        self.assertEqual(rules.format_yuan(Decimal("4999999.99")), "4,999,999.99")
        self.assertEqual(rules.format_yuan(Decimal("3200000.00")), "3,200,000")
        self.assertEqual(rules.format_yuan(-5), "-5")
        self.assertEqual(rules.format_yuan("abc"), "abc")

    def test_only_amounts_are_formatted(self):
        params = {"amount": Decimal("8000000"), "threshold": 5000000, "count": 12000}
        self.assertEqual(
            rules.readable_params(params),
            {"amount": "8,000,000", "threshold": "5,000,000", "count": 12000},
        )


class PreEvaluationGateTests(unittest.TestCase):
    def test_new_major_needs_passed(self):
        for result in ("none", "failed"):
            violations = pre_evaluation_gate(
                make_facts(is_new_major=True, pre_evaluation_result=result)
            )
            self.assertEqual(codes(violations), ["gate_pre_evaluation_not_passed"])
            self.assertEqual(violations[0].field, "pre_evaluation_result")
            self.assertEqual(violations[0].params, {"result": result})
            self.assertIn(result, violations[0].text)
        self.assertEqual(
            pre_evaluation_gate(
                make_facts(is_new_major=True, pre_evaluation_result="passed")
            ),
            [],
        )

    def test_not_new_major_needs_nothing(self):
        for result in rules.PRE_EVALUATION_RESULTS:
            self.assertEqual(
                pre_evaluation_gate(
                    make_facts(is_new_major=False, pre_evaluation_result=result)
                ),
                [],
            )


class ManagementMeasureGateTests(unittest.TestCase):
    def test_just_below_threshold_passes(self):
        facts = make_facts(amount=Decimal("4999999.99"))
        self.assertEqual(management_measure_gate(facts), [])

    def test_at_threshold_fails(self):
        violations = management_measure_gate(make_facts(amount=Decimal("5000000")))
        self.assertEqual(codes(violations), ["gate_management_measure_missing"])
        violation = violations[0]
        self.assertEqual(violation.field, "management_measure")
        self.assertEqual(
            violation.params,
            {"threshold": Decimal("5000000"), "amount": Decimal("5000000")},
        )
        self.assertIn("5000000", violation.text)

    def test_above_threshold_fails(self):
        violations = management_measure_gate(make_facts(amount=Decimal("8000000")))
        self.assertIn("8000000", violations[0].text)
        self.assertIn("5000000", violations[0].text)

    def test_with_measure_passes(self):
        facts = make_facts(amount=Decimal("5000000"), has_management_measure=True)
        self.assertEqual(management_measure_gate(facts), [])

    def test_not_special_fund_passes(self):
        facts = make_facts(amount=Decimal("9000000"), is_special_fund=False)
        self.assertEqual(management_measure_gate(facts), [])

    def test_threshold_follows_settings(self):
        settings = DeclarationSettings(management_measure_threshold=Decimal("100"))
        facts = make_facts(amount=Decimal("100"))
        self.assertEqual(
            codes(management_measure_gate(facts, settings)),
            ["gate_management_measure_missing"],
        )


class SpecialFundCapGateTests(unittest.TestCase):
    def test_ninetieth_is_approved(self):
        self.assertEqual(special_fund_cap_gate(make_facts(), 89), [])

    def test_ninety_first_is_refused(self):
        violations = special_fund_cap_gate(make_facts(year=2022), 90)
        self.assertEqual(
            codes(violations), ["gate_municipal_special_fund_cap_exceeded"]
        )
        violation = violations[0]
        self.assertEqual(violation.params, {"cap": 90, "count": 90, "year": 2022})
        self.assertIn("90", violation.text)
        self.assertIn("2022", violation.text)

    def test_far_over_the_cap(self):
        violations = special_fund_cap_gate(make_facts(), 120)
        self.assertEqual(violations[0].params["count"], 120)

    def test_only_municipal_special_funds_count(self):
        for kind in rules.JURISDICTION_KINDS[1:]:
            self.assertEqual(
                special_fund_cap_gate(make_facts(jurisdiction_kind=kind), 200), [], kind
            )
        self.assertEqual(
            special_fund_cap_gate(make_facts(is_special_fund=False), 200), []
        )

    def test_cap_follows_settings(self):
        settings = DeclarationSettings(municipal_special_fund_cap=5)
        self.assertEqual(special_fund_cap_gate(make_facts(), 4, settings), [])
        self.assertEqual(
            special_fund_cap_gate(make_facts(), 5, settings)[0].params["cap"], 5
        )


class NegativeListGateTests(unittest.TestCase):
    def test_no_hits(self):
        self.assertEqual(negative_list_gate(()), [])
        self.assertEqual(negative_list_gate([]), [])

    def test_each_hit_is_reported(self):
        hits = [
            NegativeListHit("城区道路维护", "project", "Goals unclear", 2021),
            NegativeListHit("市某局", "unit", "Poor key evaluation", 2020),
        ]
        violations = negative_list_gate(iter(hits))
        self.assertEqual(
            codes(violations),
            ["gate_negative_list_project", "gate_negative_list_unit"],
        )
        self.assertEqual(
            violations[0].params,
            {"target": "城区道路维护", "reason": "Goals unclear", "year": 2021},
        )
        for hit, violation in zip(hits, violations, strict=True):
            self.assertIn(hit.target_title, violation.text)
            self.assertIn(hit.reason, violation.text)
            self.assertIn(str(hit.year), violation.text)


class CombinedGateTests(unittest.TestCase):
    def test_clean_project_passes(self):
        self.assertEqual(submission_violations(make_facts()), [])
        self.assertEqual(approval_violations(make_facts(), 0), [])

    def test_submission_collects_every_gate(self):
        facts = make_facts(
            has_performance_goal=False,
            indicator_count=0,
            quantifiable_indicator_count=0,
            is_new_major=True,
            amount=Decimal("6000000"),
        )
        hits = [NegativeListHit("P", "project", "r", 2021)]
        self.assertEqual(
            codes(submission_violations(facts, hits)),
            [
                "gate_performance_goal_missing",
                "gate_indicators_missing",
                "gate_special_fund_too_few_quantifiable_indicators",
                "gate_pre_evaluation_not_passed",
                "gate_management_measure_missing",
                "gate_negative_list_project",
            ],
        )

    def test_submission_ignores_the_cap(self):
        self.assertEqual(submission_violations(make_facts()), [])
        self.assertEqual(
            codes(approval_violations(make_facts(), 90)),
            ["gate_municipal_special_fund_cap_exceeded"],
        )

    def test_approval_adds_cap_to_submission(self):
        facts = make_facts(quantifiable_indicator_count=9)
        hits = [NegativeListHit("U", "unit", "r", 2021)]
        self.assertEqual(
            codes(approval_violations(facts, 90, hits)),
            [
                "gate_special_fund_too_few_quantifiable_indicators",
                "gate_negative_list_unit",
                "gate_municipal_special_fund_cap_exceeded",
            ],
        )

    def test_settings_reach_every_gate(self):
        settings = DeclarationSettings(
            min_quantifiable_indicators=1,
            management_measure_threshold=Decimal("10000000"),
            municipal_special_fund_cap=200,
        )
        facts = make_facts(quantifiable_indicator_count=1, amount=Decimal("6000000"))
        self.assertEqual(approval_violations(facts, 150, settings=settings), [])

    def test_violations_serialise(self):
        violation = approval_violations(make_facts(), 90)[0]
        data = violation.as_dict()
        self.assertEqual(data["code"], "gate_municipal_special_fund_cap_exceeded")
        self.assertEqual(data["params"]["cap"], "90")
        self.assertIn("90", data["message"])


class CoverageTargetTests(unittest.TestCase):
    def test_before_full_coverage(self):
        for year in (2019, 2020):
            self.assertEqual(coverage_target(year, "municipal").required_count, 4)
            for kind in rules.JURISDICTION_KINDS[1:]:
                self.assertEqual(coverage_target(year, kind).required_count, 2)

    def test_from_full_coverage(self):
        for year in (2021, 2025):
            for kind in rules.JURISDICTION_KINDS:
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
        result = coverage(rules.FOUR_BUDGETS, 2019, "municipal")
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
        three = coverage(rules.FOUR_BUDGETS[:3], 2021, "district")
        self.assertEqual((three.covered_count, three.required_count), (3, 4))
        self.assertFalse(three.met)
        four = coverage(rules.FOUR_BUDGETS, 2021, "district")
        self.assertTrue(four.met)
        self.assertFalse(four.debt_required)

    def test_debt_2020_vs_2021_municipal(self):
        before = coverage(rules.FOUR_BUDGETS, 2020, "municipal")
        self.assertFalse(before.debt_required)
        self.assertFalse(before.debt_covered)
        self.assertTrue(before.met)
        after = coverage(rules.FOUR_BUDGETS, 2021, "municipal")
        self.assertTrue(after.debt_required)
        self.assertFalse(after.debt_covered)
        self.assertFalse(after.met)
        with_debt = coverage(rules.BUDGET_KINDS, 2021, "municipal")
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
        self.assertEqual(set(result.covered), set(rules.BUDGET_KINDS))

    def test_as_dict(self):
        data = coverage(rules.BUDGET_KINDS, 2021, "municipal").as_dict()
        self.assertEqual(data["covered_count"], 4)
        self.assertTrue(data["met"])
        self.assertTrue(data["covered"]["government_debt"])


class QuantifiedShareTests(unittest.TestCase):
    def test_share(self):
        self.assertEqual(quantified_share(4, 1), Decimal("0.25"))
        self.assertEqual(quantified_share(10, 10), Decimal(1))
        self.assertEqual(quantified_share(10, 0), Decimal(0))
        self.assertIsInstance(quantified_share(3, 1), Decimal)

    def test_no_indicators(self):
        self.assertIsNone(quantified_share(0, 0))

    def test_impossible_counts(self):
        with self.assertRaises(ValueError):
            quantified_share(3, 4)
        with self.assertRaises(ValueError):
            quantified_share(-1, 0)


if __name__ == "__main__":
    unittest.main()
