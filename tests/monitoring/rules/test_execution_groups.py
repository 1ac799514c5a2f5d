"""Execution of groups of records and the traffic light of a rate, at their
edges (R-M9)."""

import unittest
from decimal import Decimal

from changde.perfmgmt.monitoring.rules.execution import Execution
from changde.perfmgmt.monitoring.rules.execution import RecordValues
from changde.perfmgmt.monitoring.rules.execution import execution_by
from changde.perfmgmt.monitoring.rules.execution import traffic_light


class TestTrafficLight(unittest.TestCase):
    def test_around_the_target_and_the_margin(self):
        for rate, light in (
            ("59.99", "red"),
            ("60.00", "yellow"),
            ("64.99", "yellow"),
            ("65.00", "green"),
            ("120", "green"),
            ("0", "red"),
        ):
            self.assertEqual(traffic_light(rate, 60, 5), light, rate)

    def test_no_margin_no_yellow(self):
        self.assertEqual(traffic_light(Decimal("60"), Decimal("60"), 0), "green")
        self.assertEqual(traffic_light(Decimal("59.99"), Decimal("60"), 0), "red")

    def test_no_rate_no_light(self):
        self.assertIsNone(traffic_light(None, 60, 5))

    def test_refused(self):
        for args in (("abc", 60, 5), ("60", None, 5), ("60", 60, -1)):
            with self.assertRaises(ValueError):
                traffic_light(*args)


def record(round_number, jurisdiction, budget, executed, flags=()):
    return RecordValues(round_number, jurisdiction, budget, executed, tuple(flags))


class TestExecutionBy(unittest.TestCase):
    def test_sums_rate_and_flags(self):
        groups = execution_by(
            [
                record(1, "wuling", "200", "100", ["below_target", "suspension"]),
                record(1, "shibenji", "100", "70"),
                record(1, "wuling", Decimal("100"), Decimal("20"), ["below_target"]),
                record(2, "wuling", "100", None),
            ],
            key=lambda r: (r.round_number, r.jurisdiction),
        )
        self.assertEqual(list(groups), [(1, "wuling"), (1, "shibenji"), (2, "wuling")])
        wuling = groups[(1, "wuling")]
        self.assertEqual((wuling.records, wuling.with_amounts), (2, 2))
        self.assertEqual((wuling.budget, wuling.executed), (Decimal(300), Decimal(120)))
        self.assertEqual(wuling.rate, Decimal("40.00"))
        self.assertEqual(
            (wuling.flagged("below_target"), wuling.flagged("suspension")), (2, 1)
        )
        self.assertEqual(wuling.flagged("over_budget"), 0)

    def test_a_record_without_an_amount_counts_but_has_no_rate(self):
        group = execution_by([record(2, "wuling", "100", None)], key=lambda r: 1)[1]
        self.assertEqual((group.records, group.with_amounts), (1, 0))
        self.assertIsNone(group.rate)

    def test_a_budget_of_nothing_has_no_rate(self):
        group = execution_by([record(1, "x", "0", "0")], key=lambda r: 1)[1]
        self.assertIsNone(group.rate)

    def test_rounds_half_up_like_a_record(self):
        group = execution_by([record(1, "x", "300", "182")], key=lambda r: 1)[1]
        self.assertEqual(group.rate, Decimal("60.67"))

    def test_an_empty_group(self):
        self.assertEqual(Execution().records, 0)
        self.assertIsNone(Execution().rate)

    def test_a_wrong_amount_is_refused(self):
        with self.assertRaises(ValueError):
            execution_by([record(1, "x", "abc", "1")], key=lambda r: 1)

    def test_records_meeting_the_target(self):
        # the round page's counts (share_meeting_target over the records'
        # rates) from the records' flags: a record without a rate (an amount
        # missing, a budget of 0) neither meets nor misses the target
        group = execution_by(
            [
                record(1, "x", "100", "60"),
                record(1, "x", "100", "59.99", ["below_target"]),
                record(1, "x", "100", "130", ["over_budget"]),
                record(1, "x", "100", None),
                record(1, "x", "0", "0"),
            ],
            key=lambda r: 1,
        )[1]
        self.assertEqual((group.with_amounts, group.with_rate), (4, 3))
        self.assertEqual(group.meeting_target, 2)
        self.assertEqual(group.share_meeting_target, Decimal("66.67"))
        self.assertEqual((group + group).meeting_target, 4)

    def test_no_rate_no_share(self):
        group = execution_by([record(1, "x", "0", "0")], key=lambda r: 1)[1]
        self.assertEqual(group.meeting_target, 0)
        self.assertIsNone(group.share_meeting_target)
