"""Tests of changde.perfmgmt.core.rules.years (plain unittest, no Zope)."""

import unittest
from decimal import Decimal


class TestYearOrNone(unittest.TestCase):
    def test_years_at_and_around_the_bounds(self):
        from changde.perfmgmt.core.rules.years import year_or_none

        self.assertEqual(year_or_none("2026"), 2026)
        self.assertEqual(year_or_none(2000), 2000)
        self.assertEqual(year_or_none(2100), 2100)
        for value in (1999, 2101, "x", None, True, "20.5"):
            self.assertIsNone(year_or_none(value), value)

    def test_year_or_none_refuses_fractions(self):

        from changde.perfmgmt.core.rules.years import year_or_none

        self.assertEqual(year_or_none(2031.0), 2031)
        self.assertEqual(year_or_none(Decimal("2031")), 2031)
        for value in (2031.9, 2031.1, Decimal("2031.5"), float("nan"), float("inf")):
            self.assertIsNone(year_or_none(value), value)
