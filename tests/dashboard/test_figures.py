"""The dashboard's numbers on a city where every count is known: each section
as the office sees it, with a jurisdiction filter, and as the other readers
see it (a unit, a district, a reviewer: only what they may see)."""

import unittest
from decimal import Decimal

from plone import api
from tests.dashboard.base import CITY_INTEGRATION_TESTING
from tests.dashboard.base import YEAR
from zope.globalrequest import getRequest

from changde.perfmgmt.dashboard.figures import dashboard_figures
from changde.perfmgmt.dashboard.figures import scope_for
from changde.perfmgmt.testing import DISTRICT_USER
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import REVIEWER_USER
from changde.perfmgmt.testing import UNIT_A_USER


class FiguresTestCase(unittest.TestCase):
    layer = CITY_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.today = self.layer["today"]

    def figures(self, user=OFFICE_USER, jurisdiction=None, year=YEAR):
        with api.env.adopt_user(username=user):
            scope = scope_for(year, jurisdiction)
            return dashboard_figures(scope, getRequest(), today=self.today)


class TestOfficeFigures(FiguresTestCase):
    def test_coverage_gaps(self):
        coverage = self.figures()["coverage"]
        rows = {row["jurisdiction"]: row for row in coverage["rows"]}
        self.assertEqual(list(rows), ["shibenji", "wuling"])
        # the municipal level covers the four budgets but not debt (required)
        self.assertEqual(rows["shibenji"]["covered_count"], 4)
        self.assertEqual(rows["shibenji"]["gaps"], ["government_debt"])
        self.assertFalse(rows["shibenji"]["met"])
        # the district: general public (approved) and government fund
        # (reviewed) only; a draft or a returned project covers nothing
        self.assertEqual(rows["wuling"]["covered_count"], 2)
        self.assertEqual(rows["wuling"]["gaps"], ["state_capital", "social_insurance"])
        self.assertEqual((coverage["met"], coverage["total"]), (0, 2))

    def test_special_funds_against_the_cap(self):
        funds = self.figures()["special_funds"]
        self.assertEqual(
            (funds["approved"], funds["cap"], funds["remaining"], funds["light"]),
            (1, 90, 89, "green"),
        )
        self.assertIn("special_fund=1", funds["url"])
        self.assertIn("jurisdiction=shibenji", funds["url"])

    def test_execution_by_round_and_jurisdiction(self):
        first, second = self.figures()["execution"]["rounds"]
        self.assertEqual(first["target_rate"], Decimal("60"))
        # 282 of 500 executed: red
        self.assertEqual(first["rate"], Decimal("56.40"))
        self.assertEqual(first["light"], "red")
        self.assertEqual((first["below_target"], first["suspension"]), (2, 1))
        rows = {row["jurisdiction"]: row for row in first["by_jurisdiction"]}
        # 182 of 300: 60.67, within 5 points above the target: yellow
        self.assertEqual(rows["shibenji"]["rate"], Decimal("60.67"))
        self.assertEqual(rows["shibenji"]["light"], "yellow")
        self.assertEqual(rows["wuling"]["rate"], Decimal("50.00"))
        self.assertEqual(rows["wuling"]["light"], "red")
        # round 2: 271 of 300 (the district's record has no executed amount)
        rows = {row["jurisdiction"]: row for row in second["by_jurisdiction"]}
        self.assertEqual(rows["shibenji"]["rate"], Decimal("90.33"))
        self.assertEqual(rows["shibenji"]["light"], "green")
        self.assertIsNone(rows["wuling"]["rate"])
        self.assertIsNone(rows["wuling"]["light"])
        self.assertEqual(second["records"], 4)
        self.assertEqual(second["with_amounts"], 3)

    def test_grades_count_approved_results_only(self):
        grades = self.figures()["grades"]
        # key-a1 (92, approved) and key-b1 (75, fed back); key-w1 is in
        # internal review and self-w1 a draft: neither counts
        self.assertEqual([kind["kind"] for kind in grades["by_kind"]], ["key"])
        self.assertEqual(grades["total"]["excellent"], 1)
        self.assertEqual(grades["total"]["average"], 1)
        self.assertEqual(grades["count"], 2)

    def test_rectification(self):
        rectification = self.figures()["rectification"]
        self.assertEqual(
            (
                rectification["total"],
                rectification["accepted"],
                rectification["overdue"],
            ),
            (3, 1, 1),
        )
        self.assertEqual(rectification["rate"], Decimal("33.33"))
        self.assertFalse(rectification["met"])
        self.assertEqual(
            [row["jurisdiction"] for row in rectification["by_jurisdiction"]],
            ["shibenji"],
        )

    def test_negative_list_by_reason(self):
        negative = self.figures()["negative_list"]
        rows = {row["reason"]: row for row in negative["reasons"]}
        self.assertEqual(rows["execution_below_standard"]["listed"], 1)
        self.assertEqual(rows["unclear_goals"]["proposed"], 1)
        self.assertEqual((negative["listed"], negative["proposed"]), (1, 1))

    def test_quantified_share(self):
        quantified = self.figures()["quantified"]
        # declared projects only: a1 10/10, a2 2/3, a3 2/2, b1 2/2, w1 1/4, w2 2/2
        self.assertEqual((quantified["indicators"], quantified["quantified"]), (23, 19))
        self.assertEqual(quantified["share"], Decimal("82.61"))
        jurisdictions = {
            row["jurisdiction"]: row for row in quantified["by_jurisdiction"]
        }
        self.assertEqual(jurisdictions["shibenji"]["share"], Decimal("94.12"))
        self.assertEqual(jurisdictions["wuling"]["share"], Decimal("50.00"))
        units = {row["title"]: row for row in quantified["by_unit"]}
        self.assertEqual(
            (units["市教育局"]["indicators"], units["市教育局"]["quantified"]), (15, 14)
        )

    def test_a_jurisdiction_filter(self):
        figures = self.figures(jurisdiction="wuling")
        self.assertEqual(figures["jurisdiction"]["id"], "wuling")
        self.assertEqual(
            [row["jurisdiction"] for row in figures["coverage"]["rows"]], ["wuling"]
        )
        first = figures["execution"]["rounds"][0]
        self.assertEqual(first["rate"], Decimal("50.00"))
        self.assertEqual(figures["rectification"]["total"], 0)
        self.assertEqual(figures["quantified"]["indicators"], 6)
        self.assertIn("jurisdiction=wuling", first["url"])

    def test_unknown_jurisdiction_refused(self):
        with (
            api.env.adopt_user(username=OFFICE_USER),
            self.assertRaises(ValueError),
        ):
            scope_for(YEAR, "nowhere")

    def test_a_year_without_data(self):
        figures = self.figures(year=2019)
        self.assertEqual(figures["execution"]["rounds"], [])
        self.assertEqual(figures["grades"]["count"], 0)
        self.assertIsNone(figures["rectification"]["rate"])
        self.assertIsNone(figures["quantified"]["share"])


class TestReadersSeeTheirOwn(FiguresTestCase):
    def test_unit_staff(self):
        figures = self.figures(UNIT_A_USER)
        self.assertEqual(figures["jurisdictions"], [])
        self.assertEqual(figures["coverage"]["rows"], [])
        self.assertIsNone(figures["special_funds"])
        first = figures["execution"]["rounds"][0]
        # the unit's own records: a1 70 and a2 50 of 200
        self.assertEqual(first["records"], 2)
        self.assertEqual(first["rate"], Decimal("60.00"))
        self.assertEqual(
            [row["title"] for row in figures["quantified"]["by_unit"]], ["市教育局"]
        )
        self.assertEqual(figures["quantified"]["indicators"], 15)
        # the approved key evaluation of its project is not fed back yet
        self.assertEqual(figures["grades"]["count"], 0)
        self.assertEqual(figures["rectification"]["total"], 0)
        # the proposed entry about its project is the office's business
        self.assertEqual(figures["negative_list"]["proposed"], 0)

    def test_unit_staff_cannot_choose_another_jurisdiction(self):
        with (
            api.env.adopt_user(username=UNIT_A_USER),
            self.assertRaises(ValueError),
        ):
            scope_for(YEAR, "wuling")

    def test_district_staff(self):
        figures = self.figures(DISTRICT_USER)
        self.assertEqual([j["id"] for j in figures["jurisdictions"]], ["wuling"])
        self.assertEqual(
            [row["jurisdiction"] for row in figures["coverage"]["rows"]], ["wuling"]
        )
        self.assertIsNone(figures["special_funds"])
        first = figures["execution"]["rounds"][0]
        self.assertEqual(
            [row["jurisdiction"] for row in first["by_jurisdiction"]], ["wuling"]
        )
        self.assertEqual(figures["quantified"]["indicators"], 6)
        self.assertEqual(figures["negative_list"]["listed"], 1)
        with (
            api.env.adopt_user(username=DISTRICT_USER),
            self.assertRaises(ValueError),
        ):
            scope_for(YEAR, "shibenji")

    def test_reviewer(self):
        figures = self.figures(REVIEWER_USER)
        self.assertEqual(len(figures["coverage"]["rows"]), 2)
        self.assertEqual(figures["special_funds"]["approved"], 1)
        # reviewers see submitted and confirmed records, not drafts
        first = figures["execution"]["rounds"][0]
        self.assertEqual(first["records"], 2)
        self.assertEqual(figures["quantified"]["indicators"], 23)
