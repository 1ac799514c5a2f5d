"""Tests of changde.perfmgmt.libraries.rules: plain Python, no Zope."""

import unittest
from decimal import Decimal

from changde.perfmgmt.libraries import rules
from changde.perfmgmt.libraries.rules import EliminationSettings
from changde.perfmgmt.libraries.rules import ReviewSettings
from changde.perfmgmt.libraries.rules import ReviewWeights

D = Decimal


class SupervisionCoverageTests(unittest.TestCase):
    def test_categories(self):
        self.assertEqual(
            rules.SUPERVISION_CATEGORIES,
            (
                "finance_expert",
                "npc_deputy",
                "cppcc_member",
                "discipline_inspection",
                "audit",
            ),
        )
        self.assertEqual(
            set(rules.SUPERVISION_CATEGORY_LABELS), set(rules.SUPERVISION_CATEGORIES)
        )

    def test_complete(self):
        coverage = rules.supervision_coverage(list(rules.SUPERVISION_CATEGORIES) * 2)
        self.assertTrue(coverage.complete)
        self.assertEqual(coverage.missing, ())
        self.assertTrue(all(coverage.per_category.values()))

    def test_missing_in_fixed_order(self):
        coverage = rules.supervision_coverage(["audit", "finance_expert", "audit"])
        self.assertFalse(coverage.complete)
        self.assertEqual(
            coverage.missing, ("npc_deputy", "cppcc_member", "discipline_inspection")
        )
        self.assertEqual(
            coverage.per_category,
            {
                "finance_expert": True,
                "npc_deputy": False,
                "cppcc_member": False,
                "discipline_inspection": False,
                "audit": True,
            },
        )

    def test_empty(self):
        coverage = rules.supervision_coverage([])
        self.assertEqual(coverage.missing, rules.SUPERVISION_CATEGORIES)

    def test_unknown_category(self):
        with self.assertRaises(ValueError):
            rules.supervision_coverage(["audit", "journalist"])


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
            [getattr(weights, name) for name in rules.REVIEW_CRITERIA], [D("25")] * 4
        )
        self.assertEqual(rules.validate_review_weights(weights), [])

    def test_not_summing_to_100(self):
        weights = ReviewWeights(goal_completion=D("30"))
        (violation,) = rules.validate_review_weights(weights)
        self.assertEqual(violation.code, "review_weights_sum")
        self.assertIn("105", violation.text)
        self.assertIn("100", violation.text)
        with self.assertRaises(ValueError):
            rules.review_total(FULL, weights)

    def test_under_100(self):
        weights = ReviewWeights(text_quality=D("24.99"))
        (violation,) = rules.validate_review_weights(weights)
        self.assertEqual(violation.code, "review_weights_sum")

    def test_negative_or_not_a_number(self):
        weights = ReviewWeights(goal_completion=D("-25"), problem_depth="x")
        violations = rules.validate_review_weights(weights)
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
        self.assertEqual(rules.validate_review_weights(weights), [])
        # 36 + 24 + 14 + 6
        self.assertEqual(rules.review_total(FULL, weights), D("80.00"))


class ReviewScoresTests(unittest.TestCase):
    def test_total_equal_weights(self):
        self.assertEqual(rules.review_total(FULL), D("75.00"))

    def test_total_two_places_half_up(self):
        scores = dict(FULL, text_quality=D("60.02"))
        # 300.02 / 4 = 75.005
        self.assertEqual(rules.review_total(scores), D("75.01"))

    def test_total_mixed_inputs(self):
        scores = {
            "goal_completion": 100,
            "problem_depth": "100",
            "suggestion_feasibility": 100.0,
            "text_quality": D("100"),
        }
        self.assertEqual(rules.review_total(scores), D("100.00"))

    def test_valid(self):
        self.assertEqual(rules.validate_review_scores(FULL), [])

    def test_field_level_violations(self):
        scores = {
            "goal_completion": D("101"),
            "problem_depth": "good",
            "text_quality": D("-1"),
            "originality": D("50"),
        }
        violations = rules.validate_review_scores(scores)
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
            rules.review_total(scores)


class ReviewSettingsTests(unittest.TestCase):
    def test_defaults(self):
        settings = ReviewSettings()
        self.assertEqual(
            (settings.rounds_per_year, settings.excellent_min, settings.excellent_max),
            (5, 3, 5),
        )
        self.assertEqual(rules.validate_review_settings(settings), [])

    def test_sixth_excellent_refused(self):
        for count in range(5):
            with self.subTest(already=count):
                self.assertIsNone(rules.excellent_mark_violation(count))
        violation = rules.excellent_mark_violation(5)
        self.assertEqual(violation.code, "excellent_reports_cap_reached")
        self.assertEqual(violation.field, "excellent")
        self.assertIn("5", violation.text)

    def test_excellent_gap(self):
        self.assertEqual(rules.excellent_gap(0), 3)
        self.assertEqual(rules.excellent_gap(2), 1)
        self.assertEqual(rules.excellent_gap(3), 0)
        self.assertEqual(rules.excellent_gap(5), 0)

    def test_rounds_status(self):
        status = rules.rounds_status(2)
        self.assertEqual(
            (status.held, status.planned, status.remaining, status.complete),
            (2, 5, 3, False),
        )
        self.assertTrue(rules.rounds_status(5).complete)
        self.assertEqual(rules.rounds_status(6).remaining, 0)
        with self.assertRaises(ValueError):
            rules.rounds_status(-1)

    def test_configured(self):
        settings = ReviewSettings(rounds_per_year=4, excellent_min=2, excellent_max=3)
        self.assertIsNotNone(rules.excellent_mark_violation(3, settings))
        self.assertEqual(rules.excellent_gap(1, settings), 1)
        self.assertTrue(rules.rounds_status(4, settings).complete)

    def test_invalid_settings(self):
        inverted = ReviewSettings(excellent_min=6, excellent_max=5)
        (violation,) = rules.validate_review_settings(inverted)
        self.assertEqual(violation.code, "excellent_range_inverted")
        with self.assertRaises(ValueError):
            rules.excellent_gap(0, inverted)
        (violation,) = rules.validate_review_settings(ReviewSettings(rounds_per_year=0))
        self.assertEqual(violation.field, "rounds_per_year")


def member(member_id, name, *ratings):
    return (member_id, name, [D(str(rating)) for rating in ratings])


class EliminationCountTests(unittest.TestCase):
    def test_defaults(self):
        settings = EliminationSettings()
        self.assertEqual(
            (settings.min_ratings, settings.share, settings.minimum_count),
            (3, D("0.10"), 1),
        )

    def test_counts(self):
        cases = {0: 0, 1: 1, 3: 1, 10: 1, 19: 1, 20: 2, 25: 2, 30: 3}
        for eligible, count in cases.items():
            with self.subTest(eligible=eligible):
                self.assertEqual(rules.elimination_count(eligible), count)

    def test_minimum_count_capped_by_eligible(self):
        settings = EliminationSettings(minimum_count=5)
        self.assertEqual(rules.elimination_count(3, settings), 3)

    def test_invalid_settings(self):
        settings = EliminationSettings(min_ratings=0, share=D("1.5"), minimum_count=-1)
        violations = rules.validate_elimination_settings(settings)
        self.assertEqual(
            sorted(v.field for v in violations),
            ["min_ratings", "minimum_count", "share"],
        )
        with self.assertRaises(ValueError):
            rules.elimination_proposals([], settings)


class EliminationProposalsTests(unittest.TestCase):
    def numbered(self, count):
        # distinct averages: m01 lowest
        return [
            member(f"m{index:02d}", f"成员{index:02d}", index, index, index)
            for index in range(1, count + 1)
        ]

    def test_ten_members_one_proposed(self):
        result = rules.elimination_proposals(self.numbered(10))
        self.assertEqual(len(result.eligible), 10)
        ((member_id, average, rank, _reasons),) = result.proposed
        explanation = result.proposed[0].explanation
        self.assertEqual((member_id, average, rank), ("m01", D("1.00"), 1))
        self.assertIn("rank 1", explanation)
        self.assertNotIn("tie", explanation)
        self.assertEqual(result.note, "")

    def test_twenty_five_members_two_proposed(self):
        result = rules.elimination_proposals(self.numbered(25))
        self.assertEqual([p.member_id for p in result.proposed], ["m01", "m02"])
        self.assertEqual([p.rank for p in result.proposed], [1, 2])

    def test_three_members_one_proposed(self):
        result = rules.elimination_proposals(self.numbered(3))
        self.assertEqual([p.member_id for p in result.proposed], ["m01"])

    def test_too_few_ratings(self):
        members = [
            member("a", "张伟", 10, 10),
            member("b", "李娜", 50, 60, 70),
            member("c", "王芳", 80, 90, 100),
            member("d", "艾米"),
        ]
        result = rules.elimination_proposals(members)
        self.assertEqual(result.too_few_ratings, ("d", "a"))
        self.assertEqual([m.member_id for m in result.eligible], ["b", "c"])
        self.assertEqual([p.member_id for p in result.proposed], ["b"])
        self.assertEqual(result.proposed[0].average, D("60.00"))

    def test_nobody_eligible(self):
        result = rules.elimination_proposals([member("a", "张伟", 1)])
        self.assertEqual(result.proposed, ())
        self.assertEqual(result.too_few_ratings, ("a",))
        self.assertIn("3 ratings", result.note)

    def test_everyone_equal(self):
        members = [
            member("a", "张伟", 80, 80, 80),
            member("b", "李娜", 70, 90, 80),
            member("c", "王芳", 80, 80, 80, 80),
        ]
        result = rules.elimination_proposals(members)
        self.assertEqual(result.proposed, ())
        self.assertEqual(len(result.eligible), 3)
        self.assertIn("same average", result.note)
        self.assertIn("nobody is proposed", result.note)

    def test_single_eligible_member(self):
        result = rules.elimination_proposals([member("a", "张伟", 10, 10, 10)])
        self.assertEqual(result.proposed, ())
        self.assertIn("no meaningful ranking", result.note)

    def test_tie_at_cut_broken_by_pinyin(self):
        members = [
            member("z", "张伟", 50, 50, 50),
            member("w", "王芳", 50, 50, 50),
            member("l", "李娜", 50, 50, 50),
            member("x", "艾米", 90, 90, 90),
        ]
        result = rules.elimination_proposals(members)
        self.assertEqual([m.member_id for m in result.eligible], ["l", "w", "z", "x"])
        ((member_id, average, rank, reasons),) = result.proposed
        explanation = result.proposed[0].explanation
        self.assertEqual(
            [reason.code for reason in reasons],
            ["elimination_reason_rank", "elimination_reason_tie_at_cut"],
        )
        self.assertEqual((member_id, average, rank), ("l", D("50.00"), 1))
        self.assertIn("pinyin", explanation)
        self.assertIn("2 member(s) not proposed", explanation)

    def test_order_does_not_depend_on_input(self):
        members = [
            member("z", "张伟", 50, 50, 50),
            member("l", "李娜", 50, 50, 50),
            member("x", "艾米", 90, 90, 90),
        ]
        forward = rules.elimination_proposals(members)
        backward = rules.elimination_proposals(reversed(members))
        self.assertEqual(forward, backward)

    def test_same_name_tie_broken_by_member_id(self):
        members = [
            member("b", "李娜", 50, 50, 50),
            member("a", "李娜", 50, 50, 50),
            member("c", "王芳", 90, 90, 90),
        ]
        result = rules.elimination_proposals(members)
        self.assertEqual(result.proposed[0].member_id, "a")

    def test_tie_inside_the_proposal_is_not_a_cut_tie(self):
        members = [
            *self.numbered(18),
            member("x1", "艾米", 0, 0, 0),
            member("x2", "李娜", 0, 0, 0),
        ]
        result = rules.elimination_proposals(members)  # 20 eligible → 2
        self.assertEqual([p.member_id for p in result.proposed], ["x1", "x2"])
        for proposal in result.proposed:
            self.assertNotIn("pinyin", proposal.explanation)

    def test_exact_averages_decide(self):
        # 1/3 and 0.33 differ although both show as 0.33
        members = [
            member("a", "艾米", 0, 0, 1),
            member("b", "李娜", "0.33", "0.33", "0.33"),
            member("c", "王芳", 5, 5, 5),
        ]
        result = rules.elimination_proposals(members)
        ((member_id, average, _rank, _reasons),) = result.proposed
        explanation = result.proposed[0].explanation
        self.assertEqual((member_id, average), ("b", D("0.33")))
        self.assertNotIn("pinyin", explanation)

    def test_bad_input(self):
        with self.assertRaises(ValueError):
            rules.elimination_proposals(
                [member("a", "x", 1, 2, 3), member("a", "y", 1, 2, 3)]
            )
        with self.assertRaises(ValueError):
            rules.elimination_proposals([("a", "x", [1, "bad", 3])])


class PublishProfileTests(unittest.TestCase):
    def test_only_a_removed_member_may_not_be_published(self):
        for status in (None, "active", "proposed_for_removal"):
            self.assertEqual(rules.publish_profile_violations(status), [], status)
        (violation,) = rules.publish_profile_violations("removed")
        self.assertEqual(violation.code, "library_publish_removed")


if __name__ == "__main__":
    unittest.main()
