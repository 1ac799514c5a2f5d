"""Tests of changde.perfmgmt.evaluation.rules.application (plain unittest, no Zope)."""

import unittest
from decimal import Decimal

from changde.perfmgmt.evaluation.rules.application import ACTIONS
from changde.perfmgmt.evaluation.rules.application import ProjectResultFacts
from changde.perfmgmt.evaluation.rules.application import ResultApplicationSettings
from changde.perfmgmt.evaluation.rules.application import fragmentation_recommendation
from changde.perfmgmt.evaluation.rules.application import idle_funds_recommendation
from changde.perfmgmt.evaluation.rules.application import key_evaluation_recommendation
from changde.perfmgmt.evaluation.rules.application import low_execution_recommendation
from changde.perfmgmt.evaluation.rules.application import low_execution_run
from changde.perfmgmt.evaluation.rules.application import monitoring_recommendation
from changde.perfmgmt.evaluation.rules.application import recommendations_for
from changde.perfmgmt.evaluation.rules.application import unclear_goals_recommendation
from changde.perfmgmt.evaluation.rules.application import (
    validate_result_application_settings,
)
from changde.perfmgmt.evaluation.rules.grades import GRADE_LABELS

D = Decimal


class LowExecutionTests(unittest.TestCase):
    def test_defaults(self):
        settings = ResultApplicationSettings()
        self.assertEqual(settings.low_execution_rate, D("70"))
        self.assertEqual(settings.low_execution_years, 2)
        self.assertEqual(settings.idle_funds_months, 24)
        self.assertEqual(validate_result_application_settings(settings), [])

    def test_under_70_two_years_running(self):
        rates = {2019: D("69.99"), 2020: D("69.99")}
        self.assertEqual(low_execution_run(rates, 2020), (2019, 2020))
        recommendation = low_execution_recommendation(rates, 2020)
        self.assertEqual(recommendation.action, "key_evaluation_scope")
        self.assertEqual(recommendation.params["next_year"], 2021)
        self.assertIn("2019, 2020", recommendation.reason)
        self.assertIn("70", recommendation.reason)

    def test_70_is_not_low(self):
        for rates in (
            {2019: D("70"), 2020: D("69.99")},
            {2019: D("69.99"), 2020: D("70")},
        ):
            with self.subTest(rates=rates):
                self.assertEqual(low_execution_run(rates, 2020), ())
                self.assertIsNone(low_execution_recommendation(rates, 2020))

    def test_one_year_only(self):
        self.assertEqual(low_execution_run({2020: D("10")}, 2020), ())

    def test_missing_year_breaks_the_run(self):
        rates = {2018: D("50"), 2020: D("50")}
        self.assertEqual(low_execution_run(rates, 2020), ())
        # the assessed year itself missing
        self.assertEqual(low_execution_run({2018: 50, 2019: 50}, 2020), ())

    def test_older_years_do_not_matter(self):
        rates = {2017: D("90"), 2018: D("40"), 2019: D("40")}
        self.assertEqual(low_execution_run(rates, 2019), (2018, 2019))

    def test_configured_years(self):
        settings = ResultApplicationSettings(low_execution_years=3)
        rates = {2018: 50, 2019: 50, 2020: 50}
        self.assertEqual(low_execution_run(rates, 2020, settings), (2018, 2019, 2020))
        self.assertEqual(low_execution_run({2019: 50, 2020: 50}, 2020, settings), ())

    def test_float_and_str_rates(self):
        self.assertEqual(
            low_execution_run({2019: 69.99, 2020: "69.99"}, 2020), (2019, 2020)
        )

    def test_invalid_settings(self):
        settings = ResultApplicationSettings(low_execution_years=0)
        (violation,) = validate_result_application_settings(settings)
        self.assertEqual(violation.field, "low_execution_years")
        with self.assertRaises(ValueError):
            low_execution_run({}, 2020, settings)
        bad_rate = ResultApplicationSettings(low_execution_rate=D("120"))
        (violation,) = validate_result_application_settings(bad_rate)
        self.assertEqual(violation.field, "low_execution_rate")


class RecommendationRuleTests(unittest.TestCase):
    def test_unclear_goals(self):
        self.assertIsNone(unclear_goals_recommendation(False))
        recommendation = unclear_goals_recommendation(True)
        self.assertEqual(recommendation.action, "reduce_or_merge")
        self.assertEqual(recommendation.rule, "goal_review_unclear")

    def test_monitoring(self):
        self.assertEqual(
            monitoring_recommendation(True, False).action, "suspend_funding"
        )
        self.assertIsNone(monitoring_recommendation(True, True))
        self.assertIsNone(monitoring_recommendation(False, False))

    def test_key_evaluation(self):
        cases = {
            "excellent": "priority",
            "good": "priority",
            "average": "improve",
            "poor": "cut_or_cancel",
        }
        for grade, action in cases.items():
            with self.subTest(grade=grade):
                recommendation = key_evaluation_recommendation(grade)
                self.assertEqual(recommendation.action, action)
                self.assertIn(GRADE_LABELS[grade], recommendation.reason)
        self.assertIsNone(key_evaluation_recommendation(None))

    def test_ineffective_overrides_the_grade(self):
        for grade in (None, "excellent", "average"):
            with self.subTest(grade=grade):
                recommendation = key_evaluation_recommendation(grade, True)
                self.assertEqual(recommendation.action, "cut_or_cancel")
                self.assertEqual(recommendation.rule, "key_evaluation_ineffective")

    def test_key_evaluation_unknown_grade(self):
        with self.assertRaises(ValueError):
            key_evaluation_recommendation("great")

    def test_fragmentation(self):
        self.assertIsNone(fragmentation_recommendation(False))
        self.assertEqual(fragmentation_recommendation(True).action, "adjust_or_merge")

    def test_idle_funds(self):
        self.assertIsNone(idle_funds_recommendation(None))
        self.assertIsNone(idle_funds_recommendation(23))
        recommendation = idle_funds_recommendation(24)
        self.assertEqual(recommendation.action, "recover_funds")
        self.assertIn("24", recommendation.reason)
        self.assertEqual(idle_funds_recommendation(36).params["months"], 36)
        short = ResultApplicationSettings(idle_funds_months=12)
        self.assertIsNotNone(idle_funds_recommendation(12, short))

    def test_every_action_is_known(self):
        facts = ProjectResultFacts(
            year=2020,
            goals_unclear=True,
            final_execution_rates={2019: 1, 2020: 1},
            serious_monitoring_problem=True,
            key_evaluation_grade="average",
            overlapping_or_fragmented=True,
            funds_idle_months=30,
        )
        for recommendation in recommendations_for(facts):
            self.assertIn(recommendation.action, ACTIONS)
            data = recommendation.as_dict()
            self.assertEqual(data["action"], recommendation.action)
            self.assertNotIn("${", data["reason"])


class RecommendationsForTests(unittest.TestCase):
    def test_nothing(self):
        self.assertEqual(recommendations_for(ProjectResultFacts(year=2020)), [])

    def test_all_in_plan_order(self):
        facts = ProjectResultFacts(
            year=2020,
            goals_unclear=True,
            final_execution_rates={2019: D("60"), 2020: D("65")},
            serious_monitoring_problem=True,
            key_evaluation_grade="poor",
            overlapping_or_fragmented=True,
            funds_idle_months=24,
        )
        self.assertEqual(
            [r.action for r in recommendations_for(facts)],
            [
                "reduce_or_merge",
                "key_evaluation_scope",
                "suspend_funding",
                "cut_or_cancel",
                "adjust_or_merge",
                "recover_funds",
            ],
        )

    def test_good_project(self):
        facts = ProjectResultFacts(
            year=2020,
            final_execution_rates={2019: D("95"), 2020: D("98")},
            key_evaluation_grade="good",
        )
        self.assertEqual([r.action for r in recommendations_for(facts)], ["priority"])

    def test_settings_are_used(self):
        facts = ProjectResultFacts(
            year=2020, final_execution_rates={2019: D("75"), 2020: D("75")}
        )
        self.assertEqual(recommendations_for(facts), [])
        stricter = ResultApplicationSettings(low_execution_rate=D("80"))
        self.assertEqual(
            [r.action for r in recommendations_for(facts, stricter)],
            ["key_evaluation_scope"],
        )

    def test_facts_refuse_unknown_grade(self):
        with self.assertRaises(ValueError):
            ProjectResultFacts(year=2020, key_evaluation_grade="A")
