"""The evaluation numbers of the dashboards at their edges: grades by count,
the rectification rate and its overdue items, the negative list by reason."""

import datetime
import unittest
from decimal import Decimal

from changde.perfmgmt.evaluation.rules.grades import UNGRADED
from changde.perfmgmt.evaluation.rules.grades import grade_counts
from changde.perfmgmt.evaluation.rules.negative_list import negative_list_counts
from changde.perfmgmt.evaluation.rules.negative_list import negative_list_totals
from changde.perfmgmt.evaluation.rules.rectification import RectificationSettings
from changde.perfmgmt.evaluation.rules.rectification import rectification_counts

TODAY = datetime.date(2026, 12, 6)


class TestGradeCounts(unittest.TestCase):
    def test_every_grade_in_order(self):
        counts = grade_counts(["good", "excellent", "good", None, "bogus"])
        self.assertEqual(
            list(counts), ["excellent", "good", "average", "poor", UNGRADED]
        )
        self.assertEqual(
            counts, {"excellent": 1, "good": 2, "average": 0, "poor": 0, UNGRADED: 2}
        )

    def test_nothing(self):
        self.assertEqual(sum(grade_counts([]).values()), 0)


class TestRectificationCounts(unittest.TestCase):
    def test_rate_and_overdue(self):
        counts = rectification_counts(
            [
                ("accepted", TODAY - datetime.timedelta(days=10)),  # accepted: on time
                ("open", TODAY),  # the deadline day itself is not overdue
                ("reopened", TODAY - datetime.timedelta(days=1)),  # overdue
                ("submitted", None),  # no deadline: never overdue
            ],
            TODAY,
        )
        self.assertEqual((counts.total, counts.accepted, counts.overdue), (4, 1, 1))
        self.assertEqual(counts.rate, Decimal("25.00"))
        self.assertFalse(counts.met)

    def test_rounded_down_so_100_means_all(self):
        counts = rectification_counts(
            [("accepted", None)] * 2 + [("open", None)], TODAY
        )
        self.assertEqual(counts.rate, Decimal("66.66"))

    def test_no_items_is_met_without_a_rate(self):
        counts = rectification_counts([], TODAY)
        self.assertIsNone(counts.rate)
        self.assertTrue(counts.met)

    def test_a_lower_target(self):
        items = [("accepted", None)] * 9 + [("open", None)]
        self.assertTrue(
            rectification_counts(items, TODAY, RectificationSettings(Decimal(90))).met
        )
        self.assertFalse(rectification_counts(items, TODAY).met)

    def test_an_unknown_status_is_refused(self):
        with self.assertRaises(ValueError):
            rectification_counts([("draft", None)], TODAY)


class TestNegativeListCounts(unittest.TestCase):
    def test_by_reason_and_state(self):
        counts = negative_list_counts(
            [
                ("execution_below_standard", "listed"),
                ("execution_below_standard", "listed"),
                ("unclear_goals", "proposed"),
                ("something new", "listed"),
            ]
        )
        self.assertEqual(counts["execution_below_standard"], {"listed": 2})
        self.assertEqual(counts["unclear_goals"], {"proposed": 1})
        self.assertEqual(counts["other"], {"listed": 1})
        self.assertEqual(counts["incomplete_systems"], {})
        self.assertEqual(list(counts)[0], "unclear_goals")

    def test_totals_by_state_and_listed_by_reason(self):
        by_state, listed = negative_list_totals(
            negative_list_counts(
                [
                    ("execution_below_standard", "listed"),
                    ("execution_below_standard", "released"),
                    ("unclear_goals", "proposed"),
                    ("something new", "listed"),
                ]
            )
        )
        self.assertEqual(
            by_state, {"proposed": 1, "listed": 2, "released": 1, "rejected": 0}
        )
        self.assertEqual(listed["execution_below_standard"], 1)
        self.assertEqual(listed["other"], 1)
        self.assertEqual(listed["incomplete_systems"], 0)
        self.assertEqual(negative_list_totals(negative_list_counts([]))[0]["listed"], 0)
