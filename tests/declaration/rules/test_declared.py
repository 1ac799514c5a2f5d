"""The declared projects' totals at their edges (R-M4)."""

import unittest
from decimal import Decimal

from changde.perfmgmt.declaration.rules.declared import DeclaredTotals
from changde.perfmgmt.declaration.rules.declared import declared_totals


class TestDeclaredTotals(unittest.TestCase):
    def test_projects_and_special_funds(self):
        totals = declared_totals(
            [
                (Decimal("1000000"), False),
                ("250000.50", True),
                (300, True),
            ]
        )
        self.assertEqual(
            totals,
            DeclaredTotals(3, Decimal("1250300.50"), 2, Decimal("250300.50")),
        )

    def test_an_amount_that_is_no_number_counts_the_project_only(self):
        totals = declared_totals([(None, True), ("abc", False), (float("nan"), False)])
        self.assertEqual(totals, DeclaredTotals(3, Decimal(0), 1, Decimal(0)))

    def test_nothing_declared(self):
        self.assertEqual(declared_totals([]), DeclaredTotals())
