"""Tests of changde.perfmgmt.evaluation.rules: plain Python, no Zope."""

import unittest
from datetime import date
from decimal import Decimal

from changde.perfmgmt.evaluation import rules
from changde.perfmgmt.evaluation.rules import GradeBands
from changde.perfmgmt.evaluation.rules import ProjectResultFacts
from changde.perfmgmt.evaluation.rules import RectificationSettings
from changde.perfmgmt.evaluation.rules import ResultApplicationSettings

D = Decimal


class VocabularyTests(unittest.TestCase):
    def test_ids(self):
        self.assertEqual(rules.EVALUATION_KINDS, ("self", "key", "pre", "unit_overall"))
        self.assertEqual(rules.GRADES, ("excellent", "good", "average", "poor"))
        self.assertEqual(
            [rules.GRADE_LABELS[grade] for grade in rules.GRADES],
            ["优", "良", "中", "差"],
        )
        self.assertEqual(
            rules.RECTIFICATION_STATUSES, ("open", "submitted", "accepted", "reopened")
        )
        self.assertEqual(
            rules.NEGATIVE_LIST_REASONS,
            (
                "unclear_goals",
                "execution_below_standard",
                "incomplete_systems",
                "poor_evaluation_inadequate_rectification",
                "serious_monitoring_problem",
                "other",
            ),
        )

    def test_every_id_has_a_label(self):
        for ids, labels in (
            (rules.EVALUATION_KINDS, rules.EVALUATION_KIND_LABELS),
            (rules.GRADES, rules.GRADE_LABELS),
            (rules.RECTIFICATION_STATUSES, rules.RECTIFICATION_STATUS_LABELS),
            (rules.ACTIONS, rules.ACTION_LABELS),
            (rules.NEGATIVE_LIST_REASONS, rules.NEGATIVE_LIST_REASON_LABELS),
        ):
            self.assertEqual(set(ids), set(labels))


class GradeTests(unittest.TestCase):
    def test_band_edges(self):
        cases = {
            "100": "excellent",
            "90": "excellent",
            "89.99": "good",
            "80": "good",
            "79.99": "average",
            "60": "average",
            "59.99": "poor",
            "0": "poor",
        }
        for score, grade in cases.items():
            with self.subTest(score=score):
                self.assertEqual(rules.grade_for_score(D(score)), grade)

    def test_int_str_and_float_inputs(self):
        self.assertEqual(rules.grade_for_score(90), "excellent")
        self.assertEqual(rules.grade_for_score("89.99"), "good")
        self.assertEqual(rules.grade_for_score(89.99), "good")
        self.assertEqual(rules.grade_for_score(59.99), "poor")

    def test_no_rounding(self):
        self.assertEqual(rules.grade_for_score(D("89.999")), "good")

    def test_default_bands(self):
        bands = GradeBands()
        self.assertEqual(
            (bands.excellent_min, bands.good_min, bands.average_min),
            (D("90"), D("80"), D("60")),
        )
        self.assertEqual(rules.validate_grade_bands(bands), [])

    def test_configured_bands(self):
        bands = GradeBands(excellent_min=D("85"), good_min=D("75"), average_min=D("50"))
        self.assertEqual(rules.grade_for_score(D("85"), bands), "excellent")
        self.assertEqual(rules.grade_for_score(D("84.99"), bands), "good")
        self.assertEqual(rules.grade_for_score(D("50"), bands), "average")
        self.assertEqual(rules.grade_for_score(D("49.99"), bands), "poor")

    def test_bands_out_of_order(self):
        bands = GradeBands(excellent_min=D("80"), good_min=D("90"))
        (violation,) = rules.validate_grade_bands(bands)
        self.assertEqual(violation.code, "grade_bands_out_of_order")
        self.assertIn("90", violation.text)
        with self.assertRaises(ValueError):
            rules.grade_for_score(D("85"), bands)

    def test_the_band_to_correct_is_named(self):
        cases = (
            (GradeBands(average_min=D("0")), "average_min"),
            (GradeBands(good_min=D("60")), "good_min"),
            (GradeBands(good_min=D("59.99")), "good_min"),
            (GradeBands(excellent_min=D("80")), "excellent_min"),
            (GradeBands(excellent_min=D("100.01")), "excellent_min"),
        )
        for bands, field in cases:
            with self.subTest(bands=bands):
                (violation,) = rules.validate_grade_bands(bands)
                self.assertEqual(violation.field, field)
        # at the edges, still in order
        for bands in (
            GradeBands(average_min=D("0.01")),
            GradeBands(good_min=D("60.01")),
            GradeBands(excellent_min=D("100")),
            GradeBands(excellent_min=D("80.01")),
        ):
            self.assertEqual(rules.validate_grade_bands(bands), [], bands)

    def test_out_of_range_score_refused(self):
        for score in (D("-0.01"), D("100.01"), "abc", True, float("nan")):
            with self.subTest(score=score), self.assertRaises(ValueError):
                rules.grade_for_score(score)


class ValidateScoreTests(unittest.TestCase):
    def test_valid(self):
        for score in (0, D("0"), D("59.99"), 100, "100", 99.5):
            with self.subTest(score=score):
                self.assertIsNone(rules.validate_score(score))

    def test_out_of_range(self):
        for score in (D("-1"), D("100.01"), -0.01):
            with self.subTest(score=score):
                violation = rules.validate_score(score)
                self.assertEqual(violation.code, "score_out_of_range")
                self.assertEqual(violation.field, "score")
                self.assertIn(str(score), violation.text)
                self.assertIn("100", violation.text)

    def test_not_a_number(self):
        for score in ("abc", None, True, "NaN", "Infinity", [1]):
            with self.subTest(score=score):
                violation = rules.validate_score(score)
                self.assertEqual(violation.code, "score_not_a_number")
                self.assertEqual(violation.field, "score")

    def test_field_can_be_named(self):
        self.assertEqual(rules.validate_score(101, field="total").field, "total")

    def test_as_dict(self):
        data = rules.validate_score(D("101")).as_dict()
        self.assertEqual(data["code"], "score_out_of_range")
        self.assertEqual(data["params"]["score"], "101")


class PreEvaluationTests(unittest.TestCase):
    def test_grade_not_poor_passes(self):
        self.assertEqual(rules.pre_evaluation_result_for("excellent"), "passed")
        self.assertEqual(rules.pre_evaluation_result_for("good"), "passed")
        self.assertEqual(rules.pre_evaluation_result_for("average"), "passed")
        self.assertEqual(rules.pre_evaluation_result_for("poor"), "failed")

    def test_flag(self):
        self.assertEqual(rules.pre_evaluation_result_for(True), "passed")
        self.assertEqual(rules.pre_evaluation_result_for(False), "failed")

    def test_unknown(self):
        for outcome in ("bad", None, 1):
            with self.subTest(outcome=outcome), self.assertRaises(ValueError):
                rules.pre_evaluation_result_for(outcome)

    def test_the_latest_approved_decides(self):
        current = rules.current_pre_evaluation_result
        self.assertEqual(current(["poor", "good"]), "passed")
        self.assertEqual(current(["good", "poor"]), "failed")
        self.assertEqual(current(["average"]), "passed")
        # a report without a grade (score cleared) does not decide
        self.assertEqual(current(["poor", None]), "failed")

    def test_none_left_goes_back_to_the_baseline(self):
        current = rules.current_pre_evaluation_result
        self.assertEqual(current([]), "none")
        self.assertEqual(current([], "passed"), "passed")
        self.assertEqual(current([None], "failed"), "failed")
        self.assertEqual(current([], None), "none")


class RectificationTests(unittest.TestCase):
    def test_rate(self):
        self.assertEqual(rules.rectification_rate(4, 3), D("75.00"))
        self.assertEqual(rules.rectification_rate(3, 3), D("100.00"))
        self.assertEqual(rules.rectification_rate(3, 0), D("0.00"))
        self.assertEqual(rules.rectification_rate(3, 1), D("33.33"))
        self.assertEqual(rules.rectification_rate(3, 2), D("66.66"))

    def test_zero_items(self):
        self.assertIsNone(rules.rectification_rate(0, 0))
        self.assertTrue(rules.rectification_met(None))

    def test_rate_never_rounds_up_to_100(self):
        rate = rules.rectification_rate(30000, 29999)
        self.assertEqual(rate, D("99.99"))
        self.assertFalse(rules.rectification_met(rate))

    def test_rate_bad_input(self):
        for total, accepted in ((3, 4), (-1, 0), (3, -1), (D("3"), 1), (True, 0)):
            with (
                self.subTest(total=total, accepted=accepted),
                self.assertRaises(ValueError),
            ):
                rules.rectification_rate(total, accepted)

    def test_met(self):
        settings = RectificationSettings()
        self.assertEqual(settings.target_rate, D("100"))
        self.assertTrue(rules.rectification_met(D("100.00"), settings))
        self.assertFalse(rules.rectification_met(D("99.99"), settings))
        lenient = RectificationSettings(target_rate=D("90"))
        self.assertTrue(rules.rectification_met(D("90"), lenient))
        self.assertFalse(rules.rectification_met(D("89.99"), lenient))

    def test_overdue(self):
        deadline = date(2020, 6, 30)
        for status in ("open", "submitted", "reopened"):
            with self.subTest(status=status):
                self.assertTrue(
                    rules.is_item_overdue(deadline, status, date(2020, 7, 1))
                )
                self.assertFalse(rules.is_item_overdue(deadline, status, deadline))
                self.assertFalse(
                    rules.is_item_overdue(deadline, status, date(2020, 6, 1))
                )
        self.assertFalse(rules.is_item_overdue(deadline, "accepted", date(2021, 1, 1)))

    def test_overdue_without_deadline(self):
        self.assertFalse(rules.is_item_overdue(None, "open", date(2030, 1, 1)))

    def test_overdue_unknown_status(self):
        with self.assertRaises(ValueError):
            rules.is_item_overdue(date(2020, 1, 1), "done", date(2020, 2, 1))


class LowExecutionTests(unittest.TestCase):
    def test_defaults(self):
        settings = ResultApplicationSettings()
        self.assertEqual(settings.low_execution_rate, D("70"))
        self.assertEqual(settings.low_execution_years, 2)
        self.assertEqual(settings.idle_funds_months, 24)
        self.assertEqual(rules.validate_result_application_settings(settings), [])

    def test_under_70_two_years_running(self):
        rates = {2019: D("69.99"), 2020: D("69.99")}
        self.assertEqual(rules.low_execution_run(rates, 2020), (2019, 2020))
        recommendation = rules.low_execution_recommendation(rates, 2020)
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
                self.assertEqual(rules.low_execution_run(rates, 2020), ())
                self.assertIsNone(rules.low_execution_recommendation(rates, 2020))

    def test_one_year_only(self):
        self.assertEqual(rules.low_execution_run({2020: D("10")}, 2020), ())

    def test_missing_year_breaks_the_run(self):
        rates = {2018: D("50"), 2020: D("50")}
        self.assertEqual(rules.low_execution_run(rates, 2020), ())
        # the assessed year itself missing
        self.assertEqual(rules.low_execution_run({2018: 50, 2019: 50}, 2020), ())

    def test_older_years_do_not_matter(self):
        rates = {2017: D("90"), 2018: D("40"), 2019: D("40")}
        self.assertEqual(rules.low_execution_run(rates, 2019), (2018, 2019))

    def test_configured_years(self):
        settings = ResultApplicationSettings(low_execution_years=3)
        rates = {2018: 50, 2019: 50, 2020: 50}
        self.assertEqual(
            rules.low_execution_run(rates, 2020, settings), (2018, 2019, 2020)
        )
        self.assertEqual(
            rules.low_execution_run({2019: 50, 2020: 50}, 2020, settings), ()
        )

    def test_float_and_str_rates(self):
        self.assertEqual(
            rules.low_execution_run({2019: 69.99, 2020: "69.99"}, 2020), (2019, 2020)
        )

    def test_invalid_settings(self):
        settings = ResultApplicationSettings(low_execution_years=0)
        (violation,) = rules.validate_result_application_settings(settings)
        self.assertEqual(violation.field, "low_execution_years")
        with self.assertRaises(ValueError):
            rules.low_execution_run({}, 2020, settings)
        bad_rate = ResultApplicationSettings(low_execution_rate=D("120"))
        (violation,) = rules.validate_result_application_settings(bad_rate)
        self.assertEqual(violation.field, "low_execution_rate")


class RecommendationRuleTests(unittest.TestCase):
    def test_unclear_goals(self):
        self.assertIsNone(rules.unclear_goals_recommendation(False))
        recommendation = rules.unclear_goals_recommendation(True)
        self.assertEqual(recommendation.action, "reduce_or_merge")
        self.assertEqual(recommendation.rule, "goal_review_unclear")

    def test_monitoring(self):
        self.assertEqual(
            rules.monitoring_recommendation(True, False).action, "suspend_funding"
        )
        self.assertIsNone(rules.monitoring_recommendation(True, True))
        self.assertIsNone(rules.monitoring_recommendation(False, False))

    def test_key_evaluation(self):
        cases = {
            "excellent": "priority",
            "good": "priority",
            "average": "improve",
            "poor": "cut_or_cancel",
        }
        for grade, action in cases.items():
            with self.subTest(grade=grade):
                recommendation = rules.key_evaluation_recommendation(grade)
                self.assertEqual(recommendation.action, action)
                self.assertIn(rules.GRADE_LABELS[grade], recommendation.reason)
        self.assertIsNone(rules.key_evaluation_recommendation(None))

    def test_ineffective_overrides_the_grade(self):
        for grade in (None, "excellent", "average"):
            with self.subTest(grade=grade):
                recommendation = rules.key_evaluation_recommendation(grade, True)
                self.assertEqual(recommendation.action, "cut_or_cancel")
                self.assertEqual(recommendation.rule, "key_evaluation_ineffective")

    def test_key_evaluation_unknown_grade(self):
        with self.assertRaises(ValueError):
            rules.key_evaluation_recommendation("great")

    def test_fragmentation(self):
        self.assertIsNone(rules.fragmentation_recommendation(False))
        self.assertEqual(
            rules.fragmentation_recommendation(True).action, "adjust_or_merge"
        )

    def test_idle_funds(self):
        self.assertIsNone(rules.idle_funds_recommendation(None))
        self.assertIsNone(rules.idle_funds_recommendation(23))
        recommendation = rules.idle_funds_recommendation(24)
        self.assertEqual(recommendation.action, "recover_funds")
        self.assertIn("24", recommendation.reason)
        self.assertEqual(rules.idle_funds_recommendation(36).params["months"], 36)
        short = ResultApplicationSettings(idle_funds_months=12)
        self.assertIsNotNone(rules.idle_funds_recommendation(12, short))

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
        for recommendation in rules.recommendations_for(facts):
            self.assertIn(recommendation.action, rules.ACTIONS)
            data = recommendation.as_dict()
            self.assertEqual(data["action"], recommendation.action)
            self.assertNotIn("${", data["reason"])


class RecommendationsForTests(unittest.TestCase):
    def test_nothing(self):
        self.assertEqual(rules.recommendations_for(ProjectResultFacts(year=2020)), [])

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
            [r.action for r in rules.recommendations_for(facts)],
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
        self.assertEqual(
            [r.action for r in rules.recommendations_for(facts)], ["priority"]
        )

    def test_settings_are_used(self):
        facts = ProjectResultFacts(
            year=2020, final_execution_rates={2019: D("75"), 2020: D("75")}
        )
        self.assertEqual(rules.recommendations_for(facts), [])
        stricter = ResultApplicationSettings(low_execution_rate=D("80"))
        self.assertEqual(
            [r.action for r in rules.recommendations_for(facts, stricter)],
            ["key_evaluation_scope"],
        )

    def test_facts_refuse_unknown_grade(self):
        with self.assertRaises(ValueError):
            ProjectResultFacts(year=2020, key_evaluation_grade="A")


class NegativeListTests(unittest.TestCase):
    def poor(self, **overrides):
        values = {
            "year": 2020,
            "key_evaluation_grade": "poor",
            "rectification_rate": D("80"),
            "rectification_deadline": date(2020, 6, 30),
            "as_of": date(2020, 7, 1),
        }
        values.update(overrides)
        return ProjectResultFacts(**values)

    def reasons(self, facts, **kwargs):
        return [
            reason for reason, _params in rules.negative_list_proposals(facts, **kwargs)
        ]

    def test_nothing(self):
        self.assertEqual(
            rules.negative_list_proposals(ProjectResultFacts(year=2020)), []
        )

    def test_unclear_goals(self):
        facts = ProjectResultFacts(year=2020, goals_unclear=True)
        self.assertEqual(self.reasons(facts), ["unclear_goals"])

    def test_execution_below_standard(self):
        facts = ProjectResultFacts(
            year=2020, final_execution_rates={2019: D("69.99"), 2020: D("69.99")}
        )
        ((reason, params),) = rules.negative_list_proposals(facts)
        self.assertEqual(reason, "execution_below_standard")
        self.assertEqual(params["years"], "2019, 2020")
        one_year = ProjectResultFacts(year=2020, final_execution_rates={2020: 10})
        self.assertEqual(self.reasons(one_year), [])

    def test_poor_evaluation_inadequate_rectification(self):
        ((reason, params),) = rules.negative_list_proposals(self.poor())
        self.assertEqual(reason, "poor_evaluation_inadequate_rectification")
        self.assertEqual(params["rectification_rate"], D("80"))
        self.assertEqual(params["deadline"], "2020-06-30")

    def test_poor_but_rectified(self):
        self.assertEqual(self.reasons(self.poor(rectification_rate=D("100"))), [])

    def test_poor_without_items(self):
        self.assertEqual(self.reasons(self.poor(rectification_rate=None)), [])

    def test_poor_before_or_on_deadline(self):
        self.assertEqual(self.reasons(self.poor(as_of=date(2020, 6, 30))), [])
        self.assertEqual(self.reasons(self.poor(as_of=None)), [])
        self.assertEqual(self.reasons(self.poor(rectification_deadline=None)), [])

    def test_average_grade_is_not_listed(self):
        self.assertEqual(self.reasons(self.poor(key_evaluation_grade="average")), [])

    def test_rectification_target_is_a_setting(self):
        lenient = RectificationSettings(target_rate=D("80"))
        self.assertEqual(self.reasons(self.poor(), rectification=lenient), [])

    def test_serious_monitoring_problem(self):
        for rectified in (False, True):
            with self.subTest(rectified=rectified):
                facts = ProjectResultFacts(
                    year=2020,
                    serious_monitoring_problem=True,
                    monitoring_problem_rectified=rectified,
                )
                ((reason, params),) = rules.negative_list_proposals(facts)
                self.assertEqual(reason, "serious_monitoring_problem")
                self.assertEqual(params["rectified"], rectified)

    def test_all_in_reason_order(self):
        facts = self.poor(
            goals_unclear=True,
            final_execution_rates={2019: 1, 2020: 1},
            serious_monitoring_problem=True,
        )
        reasons = self.reasons(facts)
        self.assertEqual(
            reasons,
            [
                "unclear_goals",
                "execution_below_standard",
                "poor_evaluation_inadequate_rectification",
                "serious_monitoring_problem",
            ],
        )
        self.assertTrue(set(reasons) <= set(rules.NEGATIVE_LIST_REASONS))


if __name__ == "__main__":
    unittest.main()
