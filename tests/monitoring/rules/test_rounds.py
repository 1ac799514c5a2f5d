"""Tests of changde.perfmgmt.monitoring.rules.rounds (plain unittest, no Zope)."""

import unittest
from datetime import date
from decimal import Decimal

from changde.perfmgmt.monitoring.rules.rounds import DEFAULT_ROUNDS
from changde.perfmgmt.monitoring.rules.rounds import MonitoringSettings
from changde.perfmgmt.monitoring.rules.rounds import RoundDefault
from changde.perfmgmt.monitoring.rules.rounds import default_rounds_for_year
from changde.perfmgmt.monitoring.rules.rounds import format_round_default
from changde.perfmgmt.monitoring.rules.rounds import parse_round_defaults
from changde.perfmgmt.monitoring.rules.rounds import validate_round_unique
from changde.perfmgmt.monitoring.rules.rounds import validate_settings


class PlanDefaultsTests(unittest.TestCase):
    def test_default_settings(self):
        settings = MonitoringSettings()
        self.assertEqual(settings.report_working_days, 10)
        first, second = settings.default_rounds
        self.assertEqual(
            first,
            RoundDefault(1, 10, 31, Decimal("60"), ("soundness", "fund_safety")),
        )
        self.assertEqual(
            second,
            RoundDefault(
                2,
                12,
                31,
                Decimal("85"),
                ("compliance", "timeliness", "effectiveness", "completeness"),
            ),
        )
        self.assertEqual(validate_settings(settings), [])


class DefaultRoundsTests(unittest.TestCase):
    def test_2026(self):
        first, second = default_rounds_for_year(2026)
        self.assertEqual(first.year, 2026)
        self.assertEqual(first.round_number, 1)
        self.assertEqual(first.cutoff_date, date(2026, 10, 31))
        self.assertEqual(first.target_rate, Decimal("60"))
        self.assertEqual(first.focus, ("soundness", "fund_safety"))
        self.assertEqual(second.round_number, 2)
        self.assertEqual(second.cutoff_date, date(2026, 12, 31))
        self.assertEqual(second.target_rate, Decimal("85"))
        self.assertEqual(
            second.as_dict(),
            {
                "year": 2026,
                "round_number": 2,
                "cutoff_date": date(2026, 12, 31),
                "target_rate": Decimal("85"),
                "focus": ("compliance", "timeliness", "effectiveness", "completeness"),
            },
        )

    def test_cutoff_day_past_month_end_is_last_day(self):
        settings = MonitoringSettings(
            default_rounds=(
                RoundDefault(2, 12, 31, Decimal("85"), ("compliance",)),
                RoundDefault(1, 2, 31, Decimal("30"), ("soundness",)),
            )
        )
        rounds = default_rounds_for_year(2028, settings)
        self.assertEqual([r.round_number for r in rounds], [1, 2])
        self.assertEqual(rounds[0].cutoff_date, date(2028, 2, 29))

    def test_validate_settings(self):
        settings = MonitoringSettings(
            report_working_days=0,
            default_rounds=(RoundDefault(1, 13, 31, Decimal("101"), ("speed",)),),
        )
        codes = {violation.code for violation in validate_settings(settings)}
        self.assertEqual(
            codes,
            {
                "monitoring_report_days_invalid",
                "monitoring_too_few_rounds",
                "monitoring_cutoff_invalid",
                "monitoring_target_invalid",
                "monitoring_focus_unknown",
            },
        )
        duplicate = MonitoringSettings(
            default_rounds=(
                RoundDefault(1, 10, 31, Decimal("60"), ()),
                RoundDefault(1, 12, 31, Decimal("85"), ()),
            )
        )
        self.assertEqual(
            [v.code for v in validate_settings(duplicate)],
            ["monitoring_round_number_duplicate"],
        )


class RoundLinesTests(unittest.TestCase):
    def test_round_trip_of_the_defaults(self):
        lines = [format_round_default(d) for d in DEFAULT_ROUNDS]
        self.assertEqual(lines[0], "1|10-31|60|soundness,fund_safety")
        defaults, violations = parse_round_defaults(lines)
        self.assertEqual(violations, [])
        self.assertEqual(defaults, DEFAULT_ROUNDS)

    def test_bad_lines_are_named(self):
        defaults, violations = parse_round_defaults(
            ["1|10-31|60|soundness", "", "oops", "3|12-x|85|completeness"]
        )
        self.assertEqual([d.round_number for d in defaults], [1])
        self.assertEqual([v.params["line"] for v in violations], [3, 4])
        self.assertEqual(violations[0].code, "monitoring_round_line_invalid")


class RoundUniqueTests(unittest.TestCase):
    def test_one_round_of_each_number_a_year(self):
        taken = {(2026, 1), (2026, 2)}
        self.assertEqual(validate_round_unique(2026, 3, taken), [])
        self.assertEqual(validate_round_unique(2027, 1, taken), [])
        (violation,) = validate_round_unique(2026, 2, taken)
        self.assertEqual(violation.code, "monitoring_round_duplicate")
        self.assertEqual(violation.field, "round_number")
        self.assertEqual(violation.text, "2026 already has a round 2.")
