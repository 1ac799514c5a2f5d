"""Tests of changde.perfmgmt.monitoring.rules.progress (plain unittest, no Zope)."""

import unittest

from changde.perfmgmt.monitoring.rules.progress import merge_progress
from changde.perfmgmt.monitoring.rules.progress import parse_yes_no
from changde.perfmgmt.monitoring.rules.progress import validate_progress


class HelpersTests(unittest.TestCase):
    def test_merge_progress(self):
        merged = merge_progress(
            [{"indicator": "a", "actual_value": "1", "deviation_cause": "late"}],
            [
                {"indicator": "a", "actual_value": "2", "deviation_cause": None},
                {"indicator": "b", "actual_value": "3"},
            ],
        )
        self.assertEqual(
            merged,
            [
                {"indicator": "a", "actual_value": "2", "deviation_cause": "late"},
                {"indicator": "b", "actual_value": "3"},
            ],
        )

    def test_parse_yes_no(self):
        self.assertTrue(parse_yes_no("是"))
        self.assertFalse(parse_yes_no("否"))
        self.assertFalse(parse_yes_no(0))
        self.assertIsNone(parse_yes_no(" "))
        self.assertEqual(parse_yes_no("maybe"), "maybe")


class ProgressTests(unittest.TestCase):
    def test_valid(self):
        rows = [
            {"indicator": "u1", "on_track": True},
            {"indicator": "u2", "on_track": False, "deviation_cause": "延期"},
        ]
        self.assertEqual(validate_progress(rows, {"u1", "u2"}), [])
        self.assertEqual(validate_progress([], set()), [])

    def test_unknown_twice_and_row_rules(self):
        rows = [
            {"indicator": "u1", "on_track": False},
            {"indicator": "u1"},
            {"indicator": "zz"},
            {"on_track": "maybe"},
        ]
        found = [(v.field, v.code) for v in validate_progress(rows, {"u1"})]
        self.assertEqual(
            found,
            [
                (
                    "indicator_progress[0].deviation_cause",
                    "monitoring_progress_cause_required",
                ),
                (
                    "indicator_progress[1].indicator",
                    "monitoring_progress_indicator_twice",
                ),
                ("indicator_progress[2].indicator", "monitoring_indicator_unknown"),
                (
                    "indicator_progress[3].indicator",
                    "monitoring_progress_indicator_required",
                ),
                (
                    "indicator_progress[3].on_track",
                    "monitoring_progress_on_track_invalid",
                ),
            ],
        )

    def test_not_a_list(self):
        (violation,) = validate_progress({"indicator": "u1"}, {"u1"})
        self.assertEqual(violation.code, "monitoring_progress_not_a_list")
