"""Tests of changde.perfmgmt.evaluation.rules.rectification
(plain unittest, no Zope)."""

import unittest
from datetime import date
from decimal import Decimal

from changde.perfmgmt.evaluation.rules.rectification import RectificationSettings
from changde.perfmgmt.evaluation.rules.rectification import is_item_overdue
from changde.perfmgmt.evaluation.rules.rectification import rectification_met
from changde.perfmgmt.evaluation.rules.rectification import rectification_rate

D = Decimal


class RectificationTests(unittest.TestCase):
    def test_rate(self):
        self.assertEqual(rectification_rate(4, 3), D("75.00"))
        self.assertEqual(rectification_rate(3, 3), D("100.00"))
        self.assertEqual(rectification_rate(3, 0), D("0.00"))
        self.assertEqual(rectification_rate(3, 1), D("33.33"))
        self.assertEqual(rectification_rate(3, 2), D("66.66"))

    def test_zero_items(self):
        self.assertIsNone(rectification_rate(0, 0))
        self.assertTrue(rectification_met(None))

    def test_rate_never_rounds_up_to_100(self):
        rate = rectification_rate(30000, 29999)
        self.assertEqual(rate, D("99.99"))
        self.assertFalse(rectification_met(rate))

    def test_rate_bad_input(self):
        for total, accepted in ((3, 4), (-1, 0), (3, -1), (D("3"), 1), (True, 0)):
            with (
                self.subTest(total=total, accepted=accepted),
                self.assertRaises(ValueError),
            ):
                rectification_rate(total, accepted)

    def test_met(self):
        settings = RectificationSettings()
        self.assertEqual(settings.target_rate, D("100"))
        self.assertTrue(rectification_met(D("100.00"), settings))
        self.assertFalse(rectification_met(D("99.99"), settings))
        lenient = RectificationSettings(target_rate=D("90"))
        self.assertTrue(rectification_met(D("90"), lenient))
        self.assertFalse(rectification_met(D("89.99"), lenient))

    def test_overdue(self):
        deadline = date(2020, 6, 30)
        for status in ("open", "submitted", "reopened"):
            with self.subTest(status=status):
                self.assertTrue(is_item_overdue(deadline, status, date(2020, 7, 1)))
                self.assertFalse(is_item_overdue(deadline, status, deadline))
                self.assertFalse(is_item_overdue(deadline, status, date(2020, 6, 1)))
        self.assertFalse(is_item_overdue(deadline, "accepted", date(2021, 1, 1)))

    def test_overdue_without_deadline(self):
        self.assertFalse(is_item_overdue(None, "open", date(2030, 1, 1)))

    def test_overdue_unknown_status(self):
        with self.assertRaises(ValueError):
            is_item_overdue(date(2020, 1, 1), "done", date(2020, 2, 1))
