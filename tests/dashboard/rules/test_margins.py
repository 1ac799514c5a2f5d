"""The margins of the dashboard's traffic lights: what the settings accept."""

import unittest
from decimal import Decimal

from changde.perfmgmt.dashboard.rules.margins import DEFAULT_MARGINS
from changde.perfmgmt.dashboard.rules.margins import Margins
from changde.perfmgmt.dashboard.rules.margins import validate_margins


class TestMargins(unittest.TestCase):
    def test_defaults_and_edges_accepted(self):
        self.assertEqual(validate_margins(DEFAULT_MARGINS), [])
        self.assertEqual(validate_margins(Margins(Decimal(0), 0)), [])
        self.assertEqual(validate_margins(Margins(Decimal(100), 90)), [])

    def test_refused(self):
        for margins, field in (
            (Margins(Decimal("-0.01"), 5), "execution_margin"),
            (Margins(Decimal("100.01"), 5), "execution_margin"),
            (Margins("abc", 5), "execution_margin"),
            (Margins(Decimal(5), -1), "special_fund_margin"),
            (Margins(Decimal(5), 1.5), "special_fund_margin"),
        ):
            (violation,) = validate_margins(margins)
            self.assertEqual(violation.field, field, margins)
