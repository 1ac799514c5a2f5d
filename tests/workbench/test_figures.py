"""Each role's workbench on the city whose every number is known (the
dashboard tests' city): the office's waiting items, special funds, rounds,
rectification and negative list; the reviewer's queue oldest first; a unit's
and a district's projects by state, returned ones with the reason, records,
self-evaluations and rectification items due; every number linked to the list
behind it; nobody sees another unit's items."""

import unittest
from decimal import Decimal
from urllib.parse import parse_qs
from urllib.parse import urlparse

from plone import api
from tests.dashboard.base import CITY_INTEGRATION_TESTING
from tests.dashboard.base import RETURN_REASON
from tests.dashboard.base import YEAR
from zope.globalrequest import getRequest

from changde.perfmgmt.testing import DISTRICT_UNIT_USER
from changde.perfmgmt.testing import DISTRICT_USER
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import REVIEWER_USER
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import UNIT_B_USER
from changde.perfmgmt.workbench.figures import workbench_figures
from changde.perfmgmt.workbench.people import people


def query(url):
    """The view and the parameters of a list's address."""
    parsed = urlparse(url)
    return parsed.path.rsplit("/", 1)[-1], parse_qs(parsed.query)


class WorkbenchTestCase(unittest.TestCase):
    layer = CITY_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.today = self.layer["today"]

    def figures(self, user, year=YEAR):
        with api.env.adopt_user(username=user):
            return workbench_figures(getRequest(), year=year, today=self.today)


class TestPeople(WorkbenchTestCase):
    def who(self, user):
        with api.env.adopt_user(username=user):
            return people()

    def test_roles(self):
        self.assertTrue(self.who(OFFICE_USER).office)
        self.assertFalse(self.who(OFFICE_USER).units)
        self.assertTrue(self.who(REVIEWER_USER).reviewer)
        self.assertFalse(self.who(REVIEWER_USER).office)
        self.assertEqual([u.id for u in self.who(UNIT_A_USER).units], ["unit-a"])
        district = self.who(DISTRICT_USER)
        self.assertEqual([j.id for j in district.jurisdictions], ["wuling"])
        self.assertEqual(district.units, [])
        self.assertTrue(self.who(UNIT_A_USER).anything)

    def test_anonymous_has_nothing(self):
        self.assertFalse(people().anything)


class TestOffice(WorkbenchTestCase):
    def test_waiting_by_kind(self):
        office = self.figures(OFFICE_USER)["office"]
        waiting = {(row["kind"], row["year"]): row for row in office["waiting"]}
        self.assertEqual(
            {key: row["count"] for key, row in waiting.items()},
            {
                ("projects_to_review", YEAR): 1,
                ("projects_to_approve", YEAR): 1,
                ("records_to_confirm", YEAR): 1,
                ("reports_in_review", YEAR): 1,
                ("entries_to_decide", YEAR): 1,
            },
        )
        row = waiting[("projects_to_review", YEAR)]
        # everything arrived today: no working day waited yet
        self.assertEqual((row["new"], row["aging"], row["long"]), (1, 0, 0))
        self.assertEqual(row["oldest_days"], 0)
        view, params = query(row["url"])
        self.assertEqual(view, "@@list-projects")
        self.assertEqual(params, {"year": [str(YEAR)], "review_state": ["submitted"]})

    def test_special_funds_rounds_and_results(self):
        office = self.figures(OFFICE_USER)["office"]
        funds = office["special_funds"]
        self.assertEqual(
            (funds["approved"], funds["cap"], funds["remaining"]), (1, 90, 89)
        )
        first = office["rounds"][0]
        self.assertEqual(first["round_number"], 1)
        self.assertEqual(
            (
                first["records"],
                first["submitted"],
                first["below_target"],
                first["suspension"],
            ),
            (4, 1, 2, 1),
        )
        view, params = query(first["below_target_url"])
        self.assertEqual(view, "@@list-monitoring-records")
        self.assertEqual(params["flag"], ["below_target"])
        self.assertEqual(params["round"], [first["UID"]])
        self.assertEqual(office["reports_in_review"]["count"], 1)
        rectification = office["rectification"]
        self.assertEqual(
            (
                rectification["total"],
                rectification["accepted"],
                rectification["overdue"],
            ),
            (3, 1, 1),
        )
        self.assertEqual(rectification["rate"], Decimal("33.33"))
        self.assertEqual(query(rectification["overdue_url"])[1], {"overdue": ["1"]})
        self.assertEqual(
            (office["negative_list"]["listed"], office["negative_list"]["proposed"]),
            (1, 1),
        )
        self.assertIsNone(office["recommendations"])

    def test_office_has_no_unit_sections(self):
        figures = self.figures(OFFICE_USER)
        self.assertEqual((figures["units"], figures["jurisdictions"]), ([], []))
        self.assertIsNone(figures["reviewer"])


class TestReviewer(WorkbenchTestCase):
    def test_queue_oldest_first(self):
        figures = self.figures(REVIEWER_USER)
        self.assertIsNone(figures["office"])
        queue = figures["reviewer"]
        self.assertEqual(queue["count"], 2)
        # a3 was submitted before w2 was reviewed
        self.assertEqual(
            [item["@id"].rsplit("/", 1)[-1] for item in queue["queue"]], ["a3", "w2"]
        )
        self.assertEqual(queue["queue"][0]["unit_title"], "市教育局")
        self.assertTrue(queue["url"].endswith("/@@review-queue"))


class TestUnits(WorkbenchTestCase):
    def section(self, user):
        figures = self.figures(user)
        (section,) = figures["units"] + figures["jurisdictions"]
        return section

    def test_unit_projects_by_state(self):
        section = self.section(UNIT_A_USER)
        self.assertEqual(
            {row["state"]: row["count"] for row in section["projects"]},
            {"draft": 1, "returned": 0, "submitted": 1, "reviewed": 0, "approved": 2},
        )
        view, params = query(section["projects"][0]["url"])
        self.assertEqual(view, "@@list-projects")
        self.assertEqual(params["unit"], [section["UID"]])
        self.assertEqual(params["review_state"], ["draft"])
        # drafts of the unit's records, per round, due with the round's report
        rows = {row["title"]: row["count"] for row in section["records_due"]}
        self.assertEqual(rows, {"2026年第1轮运行监控": 1, "2026年第2轮运行监控": 2})
        self.assertEqual(section["self_evaluations_due"], [])
        self.assertEqual(section["rectification_due_count"], 0)

    def test_returned_with_the_reason_and_items_due(self):
        section = self.section(UNIT_B_USER)
        self.assertEqual(section["returned_count"], 1)
        (returned,) = section["returned"]
        self.assertEqual(returned["reason"], RETURN_REASON)
        self.assertEqual(returned["since"], self.today)
        self.assertEqual(section["rectification_due_count"], 2)
        self.assertEqual(section["rectification_overdue"], 1)
        # the nearest deadline first; the item without one last
        self.assertEqual(
            [row["title"] for row in section["rectification_due"]],
            ["资金拨付不及时", "档案不全"],
        )
        self.assertTrue(section["rectification_due"][0]["overdue"])

    def test_self_evaluations_due_with_their_deadline(self):
        section = self.section(DISTRICT_UNIT_USER)
        (row,) = section["self_evaluations_due"]
        self.assertEqual(row["deadline"].isoformat(), f"{YEAR + 1}-04-30")

    def test_district_sees_its_units(self):
        section = self.section(DISTRICT_USER)
        self.assertEqual(section["kind"], "jurisdiction")
        self.assertEqual(
            {row["state"]: row["count"] for row in section["projects"]},
            {"draft": 0, "returned": 0, "submitted": 0, "reviewed": 1, "approved": 1},
        )
        self.assertEqual(sum(row["count"] for row in section["records_due"]), 2)
        self.assertEqual(len(section["self_evaluations_due"]), 1)
        view, params = query(section["projects"][0]["url"])
        self.assertEqual(params["jurisdiction"], ["wuling"])
        self.assertNotIn("unit", params)

    def test_another_year(self):
        section = self.figures(UNIT_A_USER, year=YEAR + 1)["units"][0]
        self.assertEqual(sum(row["count"] for row in section["projects"]), 0)
