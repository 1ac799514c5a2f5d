"""Tests of changde.perfmgmt.declaration.rules.gates (plain unittest, no Zope)."""

import unittest
from decimal import Decimal

from changde.perfmgmt.core.rules.jurisdictions import JURISDICTION_KINDS
from changde.perfmgmt.declaration.rules.fields import DeclarationSettings
from changde.perfmgmt.declaration.rules.gates import PRE_EVALUATION_RESULTS
from changde.perfmgmt.declaration.rules.gates import NegativeListHit
from changde.perfmgmt.declaration.rules.gates import ProjectFacts
from changde.perfmgmt.declaration.rules.gates import approval_violations
from changde.perfmgmt.declaration.rules.gates import goal_gate
from changde.perfmgmt.declaration.rules.gates import management_measure_gate
from changde.perfmgmt.declaration.rules.gates import negative_list_gate
from changde.perfmgmt.declaration.rules.gates import pre_evaluation_gate
from changde.perfmgmt.declaration.rules.gates import special_fund_cap_gate
from changde.perfmgmt.declaration.rules.gates import special_fund_indicator_gate
from changde.perfmgmt.declaration.rules.gates import submission_violations
from changde.perfmgmt.declaration.rules.indicators import has_numeric_target


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
            self.assertTrue(has_numeric_target(value), value)
        for value in (None, "", "  ", "明显改善", "20 所"):
            self.assertFalse(has_numeric_target(value), value)


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
        for result in PRE_EVALUATION_RESULTS:
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
        for kind in JURISDICTION_KINDS[1:]:
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
