"""Tests of changde.perfmgmt.core.rules.clock (plain unittest, no Zope)."""

import unittest
from datetime import date
from datetime import datetime

from changde.perfmgmt.core.rules.clock import today_in_china


class TodayInChinaTests(unittest.TestCase):
    def test_utc_evening_is_the_next_day_in_china(self):
        from zoneinfo import ZoneInfo

        utc = ZoneInfo("UTC")
        # 2026-11-13 16:00 UTC is 2026-11-14 00:00 in Beijing
        self.assertEqual(
            today_in_china(datetime(2026, 11, 13, 16, 0, tzinfo=utc)),
            date(2026, 11, 14),
        )
        self.assertEqual(
            today_in_china(datetime(2026, 11, 13, 15, 59, tzinfo=utc)),
            date(2026, 11, 13),
        )

    def test_naive_datetimes_are_utc(self):
        self.assertEqual(
            today_in_china(datetime(2026, 12, 31, 16, 0)), date(2027, 1, 1)
        )

    def test_now(self):
        self.assertIsInstance(today_in_china(), date)
