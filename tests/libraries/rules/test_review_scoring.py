"""Tests of changde.perfmgmt.libraries.rules.review_scoring
(plain unittest, no Zope)."""

import unittest
from decimal import Decimal

from changde.perfmgmt.libraries.rules.review_rounds import rounds_status
from changde.perfmgmt.libraries.rules.review_scoring import REVIEW_CRITERIA
from changde.perfmgmt.libraries.rules.review_scoring import ReviewSettings
from changde.perfmgmt.libraries.rules.review_scoring import ReviewWeights
from changde.perfmgmt.libraries.rules.review_scoring import excellent_gap
from changde.perfmgmt.libraries.rules.review_scoring import excellent_mark_violation
from changde.perfmgmt.libraries.rules.review_scoring import excellent_year_violation
from changde.perfmgmt.libraries.rules.review_scoring import review_total
from changde.perfmgmt.libraries.rules.review_scoring import validate_review_scores
from changde.perfmgmt.libraries.rules.review_scoring import validate_review_settings
from changde.perfmgmt.libraries.rules.review_scoring import validate_review_weights

D = Decimal


FULL = {
    "goal_completion": D("90"),
    "problem_depth": D("80"),
    "suggestion_feasibility": D("70"),
    "text_quality": D("60"),
}


class ReviewWeightsTests(unittest.TestCase):
    def test_defaults(self):
        weights = ReviewWeights()
        self.assertEqual(
            [getattr(weights, name) for name in REVIEW_CRITERIA], [D("25")] * 4
        )
        self.assertEqual(validate_review_weights(weights), [])

    def test_not_summing_to_100(self):
        weights = ReviewWeights(goal_completion=D("30"))
        (violation,) = validate_review_weights(weights)
        self.assertEqual(violation.code, "review_weights_sum")
        self.assertIn("105", violation.text)
        self.assertIn("100", violation.text)
        with self.assertRaises(ValueError):
            review_total(FULL, weights)

    def test_under_100(self):
        weights = ReviewWeights(text_quality=D("24.99"))
        (violation,) = validate_review_weights(weights)
        self.assertEqual(violation.code, "review_weights_sum")

    def test_negative_or_not_a_number(self):
        weights = ReviewWeights(goal_completion=D("-25"), problem_depth="x")
        violations = validate_review_weights(weights)
        self.assertEqual(
            [(v.code, v.field) for v in violations],
            [
                ("review_weight_invalid", "goal_completion"),
                ("review_weight_invalid", "problem_depth"),
            ],
        )

    def test_other_weights_summing_to_100(self):
        weights = ReviewWeights(
            goal_completion=D("40"),
            problem_depth=D("30"),
            suggestion_feasibility=D("20"),
            text_quality=D("10"),
        )
        self.assertEqual(validate_review_weights(weights), [])
        # 36 + 24 + 14 + 6
        self.assertEqual(review_total(FULL, weights), D("80.00"))


class ReviewScoresTests(unittest.TestCase):
    def test_total_equal_weights(self):
        self.assertEqual(review_total(FULL), D("75.00"))

    def test_total_two_places_half_up(self):
        scores = dict(FULL, text_quality=D("60.02"))
        # 300.02 / 4 = 75.005
        self.assertEqual(review_total(scores), D("75.01"))

    def test_total_mixed_inputs(self):
        scores = {
            "goal_completion": 100,
            "problem_depth": "100",
            "suggestion_feasibility": 100.0,
            "text_quality": D("100"),
        }
        self.assertEqual(review_total(scores), D("100.00"))

    def test_valid(self):
        self.assertEqual(validate_review_scores(FULL), [])

    def test_field_level_violations(self):
        scores = {
            "goal_completion": D("101"),
            "problem_depth": "good",
            "text_quality": D("-1"),
            "originality": D("50"),
        }
        violations = validate_review_scores(scores)
        self.assertEqual(
            [(v.code, v.field) for v in violations],
            [
                ("review_score_out_of_range", "goal_completion"),
                ("review_score_not_a_number", "problem_depth"),
                ("review_score_missing", "suggestion_feasibility"),
                ("review_score_out_of_range", "text_quality"),
                ("review_score_unknown_criterion", "originality"),
            ],
        )
        with self.assertRaises(ValueError):
            review_total(scores)


class ReviewSettingsTests(unittest.TestCase):
    def test_defaults(self):
        settings = ReviewSettings()
        self.assertEqual(
            (settings.rounds_per_year, settings.excellent_min, settings.excellent_max),
            (5, 3, 5),
        )
        self.assertEqual(validate_review_settings(settings), [])

    def test_sixth_excellent_refused(self):
        for count in range(5):
            with self.subTest(already=count):
                self.assertIsNone(excellent_mark_violation(count))
        violation = excellent_mark_violation(5)
        self.assertEqual(violation.code, "excellent_reports_cap_reached")
        self.assertEqual(violation.field, "excellent")
        self.assertIn("5", violation.text)

    def test_excellent_gap(self):
        self.assertEqual(excellent_gap(0), 3)
        self.assertEqual(excellent_gap(2), 1)
        self.assertEqual(excellent_gap(3), 0)
        self.assertEqual(excellent_gap(5), 0)

    def test_rounds_status(self):
        status = rounds_status(2)
        self.assertEqual(
            (status.held, status.planned, status.remaining, status.complete),
            (2, 5, 3, False),
        )
        self.assertTrue(rounds_status(5).complete)
        self.assertEqual(rounds_status(6).remaining, 0)
        with self.assertRaises(ValueError):
            rounds_status(-1)

    def test_configured(self):
        settings = ReviewSettings(rounds_per_year=4, excellent_min=2, excellent_max=3)
        self.assertIsNotNone(excellent_mark_violation(3, settings))
        self.assertEqual(excellent_gap(1, settings), 1)
        self.assertTrue(rounds_status(4, settings).complete)

    def test_invalid_settings(self):
        inverted = ReviewSettings(excellent_min=6, excellent_max=5)
        (violation,) = validate_review_settings(inverted)
        self.assertEqual(violation.code, "excellent_range_inverted")
        with self.assertRaises(ValueError):
            excellent_gap(0, inverted)
        (violation,) = validate_review_settings(ReviewSettings(rounds_per_year=0))
        self.assertEqual(violation.field, "rounds_per_year")


class TestExcellentYear(unittest.TestCase):
    def test_cap_over_rounds(self):
        self.assertIsNone(excellent_year_violation(3, 2))
        self.assertIsNone(excellent_year_violation(7, 0))
        violation = excellent_year_violation(3, 3)
        self.assertEqual(violation.code, "excellent_reports_cap_reached")
        self.assertEqual(violation.params, {"count": 5, "maximum": 5})
