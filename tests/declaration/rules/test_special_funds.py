"""Special funds against the cap at its edges (R-M4): the light and what may
still be approved."""

import unittest

from changde.perfmgmt.declaration.rules.special_funds import special_fund_usage


class TestSpecialFundUsage(unittest.TestCase):
    def test_lights_around_the_cap(self):
        for approved, light, remaining in (
            (0, "green", 90),
            (84, "green", 6),
            (85, "yellow", 5),
            (87, "yellow", 3),
            (89, "yellow", 1),
            (90, "red", 0),
            (91, "red", 0),
        ):
            usage = special_fund_usage(approved, 90, 5)
            self.assertEqual(
                (usage.light, usage.remaining), (light, remaining), approved
            )

    def test_no_margin_no_yellow(self):
        self.assertEqual(special_fund_usage(89, 90).light, "green")
        self.assertEqual(special_fund_usage(90, 90).light, "red")

    def test_a_cap_of_nothing(self):
        self.assertEqual(special_fund_usage(0, 0, 5).light, "red")

    def test_counts_that_cannot_be(self):
        for args in (
            (-1, 90, 5),
            (1, -90, 5),
            (1, 90, -1),
            (1.5, 90, 5),
            (True, 90, 5),
        ):
            with self.assertRaises(ValueError):
                special_fund_usage(*args)
