"""Tests of changde.perfmgmt.libraries.rules.elimination (plain unittest, no Zope)."""

import unittest
from decimal import Decimal

from changde.perfmgmt.libraries.rules.elimination import EliminationSettings
from changde.perfmgmt.libraries.rules.elimination import elimination_count
from changde.perfmgmt.libraries.rules.elimination import elimination_proposals
from changde.perfmgmt.libraries.rules.elimination import validate_elimination_decisions
from changde.perfmgmt.libraries.rules.elimination import validate_elimination_settings

D = Decimal


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
                self.assertEqual(elimination_count(eligible), count)

    def test_minimum_count_capped_by_eligible(self):
        settings = EliminationSettings(minimum_count=5)
        self.assertEqual(elimination_count(3, settings), 3)

    def test_invalid_settings(self):
        settings = EliminationSettings(min_ratings=0, share=D("1.5"), minimum_count=-1)
        violations = validate_elimination_settings(settings)
        self.assertEqual(
            sorted(v.field for v in violations),
            ["min_ratings", "minimum_count", "share"],
        )
        with self.assertRaises(ValueError):
            elimination_proposals([], settings)


class EliminationProposalsTests(unittest.TestCase):
    def numbered(self, count):
        # distinct averages: m01 lowest
        return [
            member(f"m{index:02d}", f"成员{index:02d}", index, index, index)
            for index in range(1, count + 1)
        ]

    def test_ten_members_one_proposed(self):
        result = elimination_proposals(self.numbered(10))
        self.assertEqual(len(result.eligible), 10)
        ((member_id, average, rank, _reasons),) = result.proposed
        explanation = result.proposed[0].explanation
        self.assertEqual((member_id, average, rank), ("m01", D("1.00"), 1))
        self.assertIn("rank 1", explanation)
        self.assertNotIn("tie", explanation)
        self.assertEqual(result.note, "")

    def test_twenty_five_members_two_proposed(self):
        result = elimination_proposals(self.numbered(25))
        self.assertEqual([p.member_id for p in result.proposed], ["m01", "m02"])
        self.assertEqual([p.rank for p in result.proposed], [1, 2])

    def test_three_members_one_proposed(self):
        result = elimination_proposals(self.numbered(3))
        self.assertEqual([p.member_id for p in result.proposed], ["m01"])

    def test_too_few_ratings(self):
        members = [
            member("a", "张伟", 10, 10),
            member("b", "李娜", 50, 60, 70),
            member("c", "王芳", 80, 90, 100),
            member("d", "艾米"),
        ]
        result = elimination_proposals(members)
        self.assertEqual(result.too_few_ratings, ("d", "a"))
        self.assertEqual([m.member_id for m in result.eligible], ["b", "c"])
        self.assertEqual([p.member_id for p in result.proposed], ["b"])
        self.assertEqual(result.proposed[0].average, D("60.00"))

    def test_nobody_eligible(self):
        result = elimination_proposals([member("a", "张伟", 1)])
        self.assertEqual(result.proposed, ())
        self.assertEqual(result.too_few_ratings, ("a",))
        self.assertIn("3 ratings", result.note)

    def test_everyone_equal(self):
        members = [
            member("a", "张伟", 80, 80, 80),
            member("b", "李娜", 70, 90, 80),
            member("c", "王芳", 80, 80, 80, 80),
        ]
        result = elimination_proposals(members)
        self.assertEqual(result.proposed, ())
        self.assertEqual(len(result.eligible), 3)
        self.assertIn("same average", result.note)
        self.assertIn("nobody is proposed", result.note)

    def test_single_eligible_member(self):
        result = elimination_proposals([member("a", "张伟", 10, 10, 10)])
        self.assertEqual(result.proposed, ())
        self.assertIn("no meaningful ranking", result.note)

    def test_tie_at_cut_broken_by_pinyin(self):
        members = [
            member("z", "张伟", 50, 50, 50),
            member("w", "王芳", 50, 50, 50),
            member("l", "李娜", 50, 50, 50),
            member("x", "艾米", 90, 90, 90),
        ]
        result = elimination_proposals(members)
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
        forward = elimination_proposals(members)
        backward = elimination_proposals(reversed(members))
        self.assertEqual(forward, backward)

    def test_same_name_tie_broken_by_member_id(self):
        members = [
            member("b", "李娜", 50, 50, 50),
            member("a", "李娜", 50, 50, 50),
            member("c", "王芳", 90, 90, 90),
        ]
        result = elimination_proposals(members)
        self.assertEqual(result.proposed[0].member_id, "a")

    def test_tie_inside_the_proposal_is_not_a_cut_tie(self):
        members = [
            *self.numbered(18),
            member("x1", "艾米", 0, 0, 0),
            member("x2", "李娜", 0, 0, 0),
        ]
        result = elimination_proposals(members)  # 20 eligible → 2
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
        result = elimination_proposals(members)
        ((member_id, average, _rank, _reasons),) = result.proposed
        explanation = result.proposed[0].explanation
        self.assertEqual((member_id, average), ("b", D("0.33")))
        self.assertNotIn("pinyin", explanation)

    def test_bad_input(self):
        with self.assertRaises(ValueError):
            elimination_proposals(
                [member("a", "x", 1, 2, 3), member("a", "y", 1, 2, 3)]
            )
        with self.assertRaises(ValueError):
            elimination_proposals([("a", "x", [1, "bad", 3])])


class TestEliminationDecisions(unittest.TestCase):
    members = ("a", "b", "c")

    def check(self, decisions, proposed=("a",)):
        return [
            (v.field, v.code)
            for v in validate_elimination_decisions(proposed, self.members, decisions)
        ]

    def test_confirming_the_proposal(self):
        self.assertEqual(self.check({"a": ("remove", "")}), [])

    def test_every_proposed_member_needs_a_decision(self):
        self.assertEqual(self.check({}), [("a", "elimination_decision_missing")])

    def test_overrides_need_a_reason(self):
        self.assertEqual(
            self.check({"a": ("keep", " "), "b": ("remove", "")}),
            [
                ("a", "elimination_override_reason_required"),
                ("b", "elimination_override_reason_required"),
            ],
        )
        self.assertEqual(
            self.check({"a": ("keep", "新引进"), "b": ("remove", "违规")}), []
        )

    def test_unknown_member_and_decision(self):
        self.assertEqual(
            self.check({"a": ("drop", ""), "z": ("remove", "")}),
            [
                ("a", "elimination_decision_invalid"),
                ("z", "elimination_member_unknown"),
            ],
        )


class TestEliminationOfPeople(unittest.TestCase):
    """Experts are people: a tie is broken by the pinyin of the surname."""

    members = [
        ("z", "曾伟", [50, 50, 50]),
        ("c", "陈明", [50, 50, 50]),
        ("x", "艾米", [90, 90, 90]),
    ]

    def test_surname_reading_for_people(self):
        # 曾 as a surname is zeng (after chen), otherwise ceng (before chen)
        people = elimination_proposals(self.members, person=True)
        self.assertEqual(people.proposed[0].member_id, "c")
        names = elimination_proposals(self.members)
        self.assertEqual(names.proposed[0].member_id, "z")
