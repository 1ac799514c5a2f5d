"""Tests of changde.perfmgmt.libraries.rules.supervision (plain unittest, no Zope)."""

import unittest

from changde.perfmgmt.libraries.rules.supervision import SUPERVISION_CATEGORIES
from changde.perfmgmt.libraries.rules.supervision import SUPERVISION_CATEGORY_LABELS
from changde.perfmgmt.libraries.rules.supervision import supervision_coverage


class SupervisionCoverageTests(unittest.TestCase):
    def test_categories(self):
        self.assertEqual(
            SUPERVISION_CATEGORIES,
            (
                "finance_expert",
                "npc_deputy",
                "cppcc_member",
                "discipline_inspection",
                "audit",
            ),
        )
        self.assertEqual(set(SUPERVISION_CATEGORY_LABELS), set(SUPERVISION_CATEGORIES))

    def test_complete(self):
        coverage = supervision_coverage(list(SUPERVISION_CATEGORIES) * 2)
        self.assertTrue(coverage.complete)
        self.assertEqual(coverage.missing, ())
        self.assertTrue(all(coverage.per_category.values()))

    def test_missing_in_fixed_order(self):
        coverage = supervision_coverage(["audit", "finance_expert", "audit"])
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
        coverage = supervision_coverage([])
        self.assertEqual(coverage.missing, SUPERVISION_CATEGORIES)

    def test_unknown_category(self):
        with self.assertRaises(ValueError):
            supervision_coverage(["audit", "journalist"])
