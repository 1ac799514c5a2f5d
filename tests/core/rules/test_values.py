"""Tests of changde.perfmgmt.core.rules.values (plain unittest, no Zope)."""

import unittest
from decimal import Decimal

from changde.perfmgmt.core.rules.values import is_blank
from changde.perfmgmt.core.rules.values import is_count

D = Decimal


class IsBlankTests(unittest.TestCase):
    def test_blank(self):
        for value in (None, "", "   ", "\t\n"):
            with self.subTest(value=value):
                self.assertTrue(is_blank(value))

    def test_not_blank(self):
        for value in (0, D(0), False, " x ", [], "0"):
            with self.subTest(value=value):
                self.assertFalse(is_blank(value))


class IsCountTests(unittest.TestCase):
    def test_counts(self):
        self.assertTrue(is_count(0))
        self.assertTrue(is_count(5, 5))
        self.assertTrue(is_count(10**20, 1))

    def test_not_counts(self):
        for value, minimum in ((-1, 0), (0, 1), (True, 0), (False, 0), (1.0, 0)):
            with self.subTest(value=value, minimum=minimum):
                self.assertFalse(is_count(value, minimum))
        self.assertFalse(is_count("3"))
        self.assertFalse(is_count(None))
