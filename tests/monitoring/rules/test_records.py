"""Tests of changde.perfmgmt.monitoring.rules.records (plain unittest, no Zope)."""

import unittest

from changde.perfmgmt.monitoring.rules.records import locked_record_violation


class LockedRecordTests(unittest.TestCase):
    def test_submitted_and_confirmed_are_locked(self):
        for state in ("draft", "returned", None):
            self.assertEqual(locked_record_violation(state), [], state)
        for state in ("submitted", "confirmed"):
            (violation,) = locked_record_violation(state, "project_code")
            self.assertEqual(violation.code, "monitoring_record_locked")
            self.assertEqual(violation.field, "project_code")
            self.assertEqual(violation.params, {"state": state})
