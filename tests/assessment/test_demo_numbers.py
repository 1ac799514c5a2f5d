"""The demo's numbers are the same over REST and in Excel (issue 14, "done
when"): the self-evaluation's and the key evaluation's cards line by line,
the year's ranking of units and districts, the subsidy table with its total
(functional, the demo loaded once)."""

import io
import unittest
from datetime import UTC
from datetime import datetime
from decimal import Decimal

import transaction
from openpyxl import load_workbook
from plone.app.testing import TEST_USER_ID
from plone.app.testing import applyProfile
from plone.app.testing import setRoles

from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
from changde.perfmgmt.testing import RestClient
from changde.perfmgmt.testing import frozen_clock

#: the demo's office account (core/demo/02_users.yaml)
OFFICE = ("office", "demo-password")
#: the demo's year, December: its numbers as the office sees them at year end
WHEN = datetime(2026, 12, 6, 4, 0, tzinfo=UTC)


def number(value):
    return None if value in (None, "") else Decimal(str(value))


class TestDemoNumbers(RestClient, unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
    rest_user = OFFICE
    rest_language = "zh-cn"

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.enterContext(frozen_clock(WHEN))
        applyProfile(self.portal, "changde.perfmgmt:demo")
        transaction.commit()
        self.base = self.portal.absolute_url()

    def sheet_rows(self, url, sheet=0):
        response = self.call("GET", url)
        self.assertEqual(response.status_code, 200, url)
        workbook = load_workbook(io.BytesIO(response.content))
        return list(workbook.worksheets[sheet].iter_rows(values_only=True))

    def card_numbers(self, report_url):
        card = self.call("GET", f"{report_url}/@scorecard").json()
        rest = [
            (line["title"], number(line["points"]), number(line["weight"]))
            for line in card["lines"]
        ]
        rows = self.sheet_rows(f"{report_url}/@@scorecard.xlsx")
        lines = rows[1 : 1 + len(rest)]
        excel = [(row[1].strip(), number(row[7]), number(row[2])) for row in lines]
        total = [row for row in rows if row and row[1] == "总分"][0][7]
        return card, rest, excel, number(total)

    def test_the_numbers_are_the_same(self):
        evaluation = f"{self.base}/evaluation"
        for report, expected in (
            ("demo-self-card-2026", Decimal("92.43")),
            ("demo-key-2026", Decimal("86.50")),
        ):
            card, rest, excel, total = self.card_numbers(f"{evaluation}/{report}")
            self.assertEqual(rest, excel, report)
            self.assertEqual(number(card["total"]), expected, report)
            self.assertEqual(total, expected, report)

        area = f"{self.base}/assessment"
        ranking = self.call("GET", f"{area}/@assessment?year=2026").json()
        for sheet, kind in enumerate(("unit", "district")):
            rest = [
                (item["rank"], item["target_title"], number(item["total"]))
                for item in ranking[kind]["items"]
            ]
            rows = self.sheet_rows(
                f"{area}/@@assessment-ranking?year=2026&format=xlsx", sheet
            )
            excel = [(row[0], row[1], number(row[-2])) for row in rows[1:] if row[0]]
            self.assertEqual(rest, excel, kind)
            self.assertEqual(len(rest), {"unit": 5, "district": 13}[kind])
            self.assertTrue(all(total is not None for _, _, total in rest), kind)

        subsidies = self.call("GET", f"{area}/@it-subsidies").json()
        rest = {row["title"]: number(row["amount"]) for row in subsidies["rows"]}
        rows = self.sheet_rows(f"{area}/@@it-subsidies?format=xlsx")
        excel = {row[0]: number(row[5]) for row in rows[1:] if row and row[1]}
        self.assertEqual(rest, excel)
        self.assertEqual(rest["武陵区"], Decimal("150000"))
        (total,) = [number(row[5]) for row in rows if row and row[0] == "合计"]
        self.assertEqual(total, number(subsidies["total"]))


if __name__ == "__main__":
    unittest.main()
