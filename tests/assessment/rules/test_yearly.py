"""The yearly assessment (考核): weights, pre-filled criteria, hand entries
replacing them with a note, the total and the ranking."""

import unittest
from decimal import Decimal

from changde.perfmgmt.assessment.rules import yearly
from changde.perfmgmt.assessment.rules.yearly import AssessmentCriterion
from changde.perfmgmt.assessment.rules.yearly import SourceFacts
from changde.perfmgmt.assessment.rules.yearly import rank
from changde.perfmgmt.assessment.rules.yearly import score_assessment
from changde.perfmgmt.assessment.rules.yearly import share_of
from changde.perfmgmt.assessment.rules.yearly import validate_assessment_entries

D = Decimal


def unit_facts():
    return {
        "self_evaluations_on_time": share_of(3, 4),
        "monitoring_on_time": share_of(8, 8),
        "evaluation_grades": SourceFacts(
            share=yearly.grade_share(["excellent", "good"]), whole=2
        ),
    }


class TestCriteria(unittest.TestCase):
    def test_the_plans_criteria(self):
        self.assertEqual(
            [c.title for c in yearly.UNIT_CRITERIA],
            ["重视度", "执行力", "绩效评价等级", "综合管理水平"],
        )
        self.assertEqual(
            [c.title for c in yearly.DISTRICT_CRITERIA],
            ["问题整改", "绩效指标的细化量化", "报告文本质量"],
        )
        for criteria in (yearly.UNIT_CRITERIA, yearly.DISTRICT_CRITERIA):
            self.assertEqual(yearly.validate_weights(criteria, "weights"), [])

    def test_weights_not_adding_up_to_100(self):
        criteria = (
            AssessmentCriterion("a", "甲", D("60"), "manual"),
            AssessmentCriterion("b", "乙", D("39.99"), "manual"),
        )
        (violation,) = yearly.validate_weights(criteria, "unit_weights")
        self.assertEqual(violation.code, "assessment_weights_not_100")
        self.assertEqual(violation.field, "unit_weights")
        negative = (AssessmentCriterion("a", "甲", D("-1"), "manual"),)
        self.assertEqual(
            yearly.validate_weights(negative, "x")[0].code, "assessment_weight_invalid"
        )

    def test_grade_shares(self):
        self.assertEqual(yearly.validate_grade_shares(yearly.DEFAULT_GRADE_SHARES), [])
        bad = {**yearly.DEFAULT_GRADE_SHARES, "poor": D("101")}
        (violation,) = yearly.validate_grade_shares(bad)
        self.assertEqual(violation.field, "grade_share_poor")

    def test_the_settings_pick_the_criteria_of_a_kind(self):
        settings = yearly.DEFAULT_ASSESSMENT_SETTINGS
        self.assertEqual(settings.criteria("unit"), yearly.UNIT_CRITERIA)
        self.assertEqual(settings.criteria("district"), yearly.DISTRICT_CRITERIA)
        with self.assertRaises(ValueError):
            settings.criteria("province")


class TestFacts(unittest.TestCase):
    def test_shares(self):
        self.assertEqual(share_of(3, 4).share, D("75.00"))
        self.assertIsNone(share_of(0, 0).share)  # nothing due: no data

    def test_grade_share(self):
        self.assertEqual(yearly.grade_share(["excellent", "good"]), D("90.00"))
        self.assertEqual(yearly.grade_share(["average", "poor", "good"]), D("46.67"))
        self.assertIsNone(yearly.grade_share([]))
        self.assertIsNone(yearly.grade_share([None]))

    def test_average_score(self):
        self.assertEqual(yearly.average_score(["80", 90, None]), D("85.00"))
        self.assertIsNone(yearly.average_score([]))

    def test_round_trip(self):
        facts = SourceFacts(D("75.00"), 3, 4, (("自评", "http://x"),))
        self.assertEqual(SourceFacts.from_dict(facts.as_dict()), facts)


class TestScoring(unittest.TestCase):
    def test_prefilled_and_by_hand(self):
        result = score_assessment(yearly.UNIT_CRITERIA, unit_facts())
        self.assertFalse(result.complete)  # 综合管理水平 by hand
        points = {line.id: line.points for line in result.lines}
        self.assertEqual(
            points,
            {
                "attention": D("18.75"),
                "execution": D("25.00"),
                "evaluation_grade": D("27.00"),
                "management": None,
            },
        )
        attention = result.lines[0]
        self.assertEqual(
            attention.explanation.text,
            "3 of 4 self-evaluations submitted on time (75.00 %) × 25 = 18.75",
        )
        result = score_assessment(
            yearly.UNIT_CRITERIA, unit_facts(), {"management": {"points": "17.5"}}
        )
        self.assertTrue(result.complete)
        self.assertEqual(result.total, D("88.25"))

    def test_no_data_is_entered_by_hand(self):
        facts = {"rectification_rate": share_of(0, 0)}
        result = score_assessment(yearly.DISTRICT_CRITERIA, facts)
        self.assertEqual(result.lines[0].explanation.code, "assess_no_data")
        self.assertIsNone(result.total)

    def test_a_hand_entry_replaces_the_prefilled_number_and_both_are_kept(self):
        entries = {
            "attention": {"points": "20", "note": "一项自评因系统故障迟交,已核实。"},
            "management": {"points": "16"},
        }
        result = score_assessment(yearly.UNIT_CRITERIA, unit_facts(), entries)
        attention = result.lines[0]
        self.assertEqual(
            (attention.points, attention.prefilled), (D("20.00"), D("18.75"))
        )
        self.assertEqual(result.total, D("88.00"))

    def test_entries(self):
        def codes(entries):
            return [
                v.code
                for v in validate_assessment_entries(
                    yearly.UNIT_CRITERIA, entries, unit_facts()
                )
            ]

        self.assertEqual(codes({"management": {"points": "20"}}), [])
        self.assertEqual(
            codes({"management": {"points": "20.01"}}),
            ["assessment_points_out_of_range"],
        )
        self.assertEqual(codes({"nope": {"points": 1}}), ["assessment_entry_unknown"])
        self.assertEqual(codes({"management": 5}), ["assessment_entry_invalid"])
        self.assertEqual(codes([]), ["assessment_entries_not_an_object"])
        self.assertEqual(
            codes({"attention": {"points": "20"}}), ["assessment_override_needs_note"]
        )
        # the pre-filled number itself needs no note
        self.assertEqual(codes({"attention": {"points": "18.75"}}), [])


class TestRanking(unittest.TestCase):
    def test_competition_ranking_with_ties_and_unscored_last(self):
        items = [
            ("b", D("88.5"), "b"),
            ("a", D("92"), "a"),
            ("d", None, "d"),
            ("c", D("88.50"), "c"),
            ("e", D("70"), "e"),
        ]
        self.assertEqual(
            rank(items), [("a", 1), ("b", 2), ("c", 2), ("e", 4), ("d", None)]
        )

    def test_empty(self):
        self.assertEqual(rank([]), [])


if __name__ == "__main__":
    unittest.main()
