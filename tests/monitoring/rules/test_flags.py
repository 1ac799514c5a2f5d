"""Tests of changde.perfmgmt.monitoring.rules.flags (plain unittest, no Zope)."""

import unittest
from decimal import Decimal

from changde.perfmgmt.monitoring.rules.flags import FLAGS
from changde.perfmgmt.monitoring.rules.flags import SEVERITIES
from changde.perfmgmt.monitoring.rules.flags import RecordFlags
from changde.perfmgmt.monitoring.rules.flags import below_target
from changde.perfmgmt.monitoring.rules.flags import flag_names
from changde.perfmgmt.monitoring.rules.flags import record_flags
from changde.perfmgmt.monitoring.rules.flags import suspension_flag
from changde.perfmgmt.monitoring.rules.flags import validate_severity


class FlagTests(unittest.TestCase):
    def test_below_target(self):
        self.assertFalse(below_target(Decimal("60.00"), Decimal("60")))
        self.assertTrue(below_target(Decimal("59.99"), Decimal("60")))
        self.assertFalse(below_target(Decimal("85"), "85"))
        self.assertTrue(below_target("84.99", 85))
        self.assertFalse(below_target(None, Decimal("60")))

    def test_suspension_flag(self):
        self.assertTrue(suspension_flag("serious"))
        self.assertFalse(suspension_flag("minor"))
        self.assertFalse(suspension_flag("none"))
        self.assertFalse(suspension_flag(None))

    def test_validate_severity(self):
        for severity in SEVERITIES:
            self.assertEqual(validate_severity(severity), [])
        violations = validate_severity("grave")
        self.assertEqual(violations[0].code, "monitoring_severity_unknown")
        self.assertEqual(violations[0].field, "severity")

    def test_record_flags(self):
        self.assertEqual(
            record_flags(Decimal("59.99"), Decimal("60"), "serious"),
            RecordFlags(below_target=True, suspend_funding=True, over_budget=False),
        )
        flags = record_flags(Decimal("60.00"), Decimal("60"), "minor")
        self.assertFalse(flags.below_target)
        self.assertFalse(flags.suspend_funding)
        self.assertFalse(flags.flagged)
        self.assertTrue(record_flags(None, Decimal("60"), "serious").flagged)
        self.assertTrue(record_flags(Decimal("10"), Decimal("60"), "none").flagged)
        self.assertFalse(record_flags(None, Decimal("60"), "none").over_budget)


class HelpersTests(unittest.TestCase):
    def test_flag_names(self):
        self.assertEqual(
            flag_names(record_flags(Decimal("59.99"), 60, "serious")),
            ["below_target", "suspension"],
        )
        self.assertEqual(flag_names(record_flags(None, 60, "minor")), [])

    def test_over_budget_flag_at_the_edge(self):
        names = flag_names(record_flags(Decimal("100.01"), 60, "none"))
        self.assertEqual(names, ["over_budget"])
        self.assertEqual(flag_names(record_flags(Decimal("100.00"), 60, "none")), [])
        self.assertEqual(set(FLAGS), {"below_target", "suspension", "over_budget"})
