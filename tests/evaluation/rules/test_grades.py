"""Tests of changde.perfmgmt.evaluation.rules.grades (plain unittest, no Zope)."""

import unittest
from decimal import Decimal

from changde.perfmgmt.evaluation.rules.grades import GradeBands
from changde.perfmgmt.evaluation.rules.grades import current_pre_evaluation_result
from changde.perfmgmt.evaluation.rules.grades import grade_for_score
from changde.perfmgmt.evaluation.rules.grades import pre_evaluation_result_for
from changde.perfmgmt.evaluation.rules.grades import validate_grade_bands
from changde.perfmgmt.evaluation.rules.grades import validate_score

D = Decimal


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
                self.assertEqual(grade_for_score(D(score)), grade)

    def test_int_str_and_float_inputs(self):
        self.assertEqual(grade_for_score(90), "excellent")
        self.assertEqual(grade_for_score("89.99"), "good")
        self.assertEqual(grade_for_score(89.99), "good")
        self.assertEqual(grade_for_score(59.99), "poor")

    def test_no_rounding(self):
        self.assertEqual(grade_for_score(D("89.999")), "good")

    def test_default_bands(self):
        bands = GradeBands()
        self.assertEqual(
            (bands.excellent_min, bands.good_min, bands.average_min),
            (D("90"), D("80"), D("60")),
        )
        self.assertEqual(validate_grade_bands(bands), [])

    def test_configured_bands(self):
        bands = GradeBands(excellent_min=D("85"), good_min=D("75"), average_min=D("50"))
        self.assertEqual(grade_for_score(D("85"), bands), "excellent")
        self.assertEqual(grade_for_score(D("84.99"), bands), "good")
        self.assertEqual(grade_for_score(D("50"), bands), "average")
        self.assertEqual(grade_for_score(D("49.99"), bands), "poor")

    def test_bands_out_of_order(self):
        bands = GradeBands(excellent_min=D("80"), good_min=D("90"))
        (violation,) = validate_grade_bands(bands)
        self.assertEqual(violation.code, "grade_bands_out_of_order")
        self.assertIn("90", violation.text)
        with self.assertRaises(ValueError):
            grade_for_score(D("85"), bands)

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
                (violation,) = validate_grade_bands(bands)
                self.assertEqual(violation.field, field)
        # at the edges, still in order
        for bands in (
            GradeBands(average_min=D("0.01")),
            GradeBands(good_min=D("60.01")),
            GradeBands(excellent_min=D("100")),
            GradeBands(excellent_min=D("80.01")),
        ):
            self.assertEqual(validate_grade_bands(bands), [], bands)

    def test_out_of_range_score_refused(self):
        for score in (D("-0.01"), D("100.01"), "abc", True, float("nan")):
            with self.subTest(score=score), self.assertRaises(ValueError):
                grade_for_score(score)


class ValidateScoreTests(unittest.TestCase):
    def test_valid(self):
        for score in (0, D("0"), D("59.99"), 100, "100", 99.5):
            with self.subTest(score=score):
                self.assertIsNone(validate_score(score))

    def test_out_of_range(self):
        for score in (D("-1"), D("100.01"), -0.01):
            with self.subTest(score=score):
                violation = validate_score(score)
                self.assertEqual(violation.code, "score_out_of_range")
                self.assertEqual(violation.field, "score")
                self.assertIn(str(score), violation.text)
                self.assertIn("100", violation.text)

    def test_not_a_number(self):
        for score in ("abc", None, True, "NaN", "Infinity", [1]):
            with self.subTest(score=score):
                violation = validate_score(score)
                self.assertEqual(violation.code, "score_not_a_number")
                self.assertEqual(violation.field, "score")

    def test_field_can_be_named(self):
        self.assertEqual(validate_score(101, field="total").field, "total")

    def test_as_dict(self):
        data = validate_score(D("101")).as_dict()
        self.assertEqual(data["code"], "score_out_of_range")
        self.assertEqual(data["params"]["score"], "101")


class PreEvaluationTests(unittest.TestCase):
    def test_grade_not_poor_passes(self):
        self.assertEqual(pre_evaluation_result_for("excellent"), "passed")
        self.assertEqual(pre_evaluation_result_for("good"), "passed")
        self.assertEqual(pre_evaluation_result_for("average"), "passed")
        self.assertEqual(pre_evaluation_result_for("poor"), "failed")

    def test_flag(self):
        self.assertEqual(pre_evaluation_result_for(True), "passed")
        self.assertEqual(pre_evaluation_result_for(False), "failed")

    def test_unknown(self):
        for outcome in ("bad", None, 1):
            with self.subTest(outcome=outcome), self.assertRaises(ValueError):
                pre_evaluation_result_for(outcome)

    def test_the_latest_approved_decides(self):
        current = current_pre_evaluation_result
        self.assertEqual(current(["poor", "good"]), "passed")
        self.assertEqual(current(["good", "poor"]), "failed")
        self.assertEqual(current(["average"]), "passed")
        # a report without a grade (score cleared) does not decide
        self.assertEqual(current(["poor", None]), "failed")

    def test_none_left_goes_back_to_the_baseline(self):
        current = current_pre_evaluation_result
        self.assertEqual(current([]), "none")
        self.assertEqual(current([], "passed"), "passed")
        self.assertEqual(current([None], "failed"), "failed")
        self.assertEqual(current([], None), "none")
