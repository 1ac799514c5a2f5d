"""The annual report shows the same numbers as the dashboard (R-M11): on the
demo year, every figure of the report that the dashboard shows too (city
wide) equals the dashboard's, as ``dashboard_figures`` gives it to the
office and as the ``@dashboard`` REST service answers it."""

import unittest
from decimal import Decimal

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from zope.component import getMultiAdapter
from zope.event import notify
from zope.globalrequest import getRequest
from zope.lifecycleevent import ObjectModifiedEvent

from changde.perfmgmt.core import demo
from changde.perfmgmt.core.jsonable import jsonable
from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.dashboard.figures import dashboard_figures
from changde.perfmgmt.dashboard.figures import scope_for
from changde.perfmgmt.evaluation.rules.grades import GRADES
from changde.perfmgmt.reporting import annual
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING

YEAR = 2026

#: the demo's performance office (绩效科), who drafts the report
OFFICE = "office"


def shared_numbers(dashboard):
    """``{annual report figure key: the dashboard's number}`` of every number
    the two show both, from the dashboard's answer (plain or as JSON)."""
    coverage = dashboard["coverage"]
    municipal = [row for row in coverage["rows"] if row["kind"] == "municipal"]
    answer = {
        "coverage_jurisdictions": coverage["total"],
        "coverage_met": coverage["met"],
        "coverage_unmet": coverage["total"] - coverage["met"],
        "coverage_municipal_count": municipal[0]["covered_count"],
        "coverage_debt": municipal[0]["debt_covered"],
        "goals_municipal_special": dashboard["special_funds"]["approved"],
        "goals_special_cap": dashboard["special_funds"]["cap"],
        "goals_indicators": dashboard["quantified"]["indicators"],
        "goals_quantifiable": dashboard["quantified"]["quantified"],
        "goals_quantifiable_share": dashboard["quantified"]["share"],
    }
    rounds = dashboard["execution"]["rounds"]
    answer["monitoring_rounds"] = len(rounds)
    answer["monitoring_records"] = sum(each["records"] for each in rounds)
    for each in rounds:
        key = f"round_{each['round_number']}"
        answer[key + "_target"] = each["target_rate"]
        answer[key + "_records"] = each["records"]
        answer[key + "_rate"] = each["rate"]
        answer[key + "_below"] = each["below_target"]
        answer[key + "_suspension"] = each["suspension"]
    # the report names the four grades (the dashboard also counts results
    # without a grade)
    for grade in GRADES:
        answer[f"evaluation_grade_{grade}"] = dashboard["grades"]["total"][grade]
    rectification = dashboard["rectification"]
    answer.update(
        {
            "rectification_total": rectification["total"],
            "rectification_accepted": rectification["accepted"],
            "rectification_rate": rectification["rate"],
            "rectification_target": rectification["target_rate"],
            "rectification_overdue": rectification["overdue"],
            "negative_listed": dashboard["negative_list"]["listed"],
            "negative_proposed": dashboard["negative_list"]["proposed"],
        }
    )
    return answer


class TestAnnualReportMatchesDashboard(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.request = self.layer["request"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        demo.load_demo(self.portal)
        self.today = today_in_china()

    def report_numbers(self):
        figures, facts = annual.gather(YEAR, today=self.today)
        return {key: figure.value for key, figure in figures.items()}

    def dashboard(self):
        with api.env.adopt_user(username=OFFICE):
            return dashboard_figures(scope_for(YEAR), getRequest(), today=self.today)

    def service(self):
        # the service as plone.restapi finds it for GET @dashboard
        self.request.form = {"year": str(YEAR)}
        service = getMultiAdapter(
            (self.portal, self.request), name="GET_application_json_@dashboard"
        )
        with api.env.adopt_user(username=OFFICE):
            return service.reply()

    def assertSame(self, report, shared, how):
        differ = {
            key: (report.get(key, "(missing)"), value)
            for key, value in shared.items()
            if key not in report or report[key] != value
        }
        self.assertEqual(differ, {}, f"(report, {how}) where they differ")

    def test_the_demo_year_has_every_section(self):
        # the comparison means something: the demo year has numbers in every
        # section the two share
        shared = shared_numbers(self.dashboard())
        self.assertGreater(shared["coverage_jurisdictions"], 0)
        self.assertGreater(shared["goals_indicators"], 0)
        self.assertGreater(shared["monitoring_rounds"], 0)
        self.assertGreater(shared["monitoring_records"], 0)
        self.assertGreater(shared["evaluation_grade_good"], 0)
        self.assertGreater(shared["rectification_total"], 0)
        self.assertGreater(shared["negative_listed"], 0)

    def test_every_shared_number_equals_dashboard_figures(self):
        self.assertSame(
            self.report_numbers(), shared_numbers(self.dashboard()), "dashboard"
        )

    def test_every_shared_number_equals_the_rest_service(self):
        report = {
            key: str(value) if isinstance(value, Decimal) else value
            for key, value in self.report_numbers().items()
        }
        shared = shared_numbers(self.service())
        self.assertEqual(
            shared, jsonable(shared_numbers(self.dashboard())), "service ≠ dashboard"
        )
        self.assertSame(report, shared, "@dashboard service")

    def test_a_quantifiable_indicator_without_a_number_is_not_quantified(self):
        # an indicator ticked quantifiable whose target is no number (stored
        # before the form checked it, or imported): it is not quantified
        # (docs/declaration.md), for the dashboard and the report alike
        catalog = api.portal.get_tool("portal_catalog")
        indicator = next(
            brain._unrestrictedGetObject()
            for project in catalog.unrestrictedSearchResults(
                portal_type="BudgetProject", year=YEAR, review_state="approved"
            )
            for brain in catalog.unrestrictedSearchResults(
                portal_type="Indicator",
                quantifiable=True,
                path={"query": project.getPath(), "depth": 1},
            )
        )
        before = shared_numbers(self.dashboard())["goals_quantifiable"]
        indicator.target_value = "较上年提高"
        notify(ObjectModifiedEvent(indicator))
        shared = shared_numbers(self.dashboard())
        self.assertEqual(shared["goals_quantifiable"], before - 1)
        self.assertSame(self.report_numbers(), shared, "dashboard")
