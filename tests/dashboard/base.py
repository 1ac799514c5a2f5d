"""A city whose every number on the dashboard and the workbench is known.

The test city (two jurisdictions: 市本级 with units A and B, 武陵区 with unit
W) with projects of 2026 in every state, indicators, both monitoring rounds
with amounts, evaluations with grades, rectification items and negative-list
entries. :data:`EXPECTED` says what the office sees; the tests of other
readers derive theirs from the same facts.
"""

import datetime
from decimal import Decimal

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PloneSandboxLayer
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.testing import setRoles
from plone.testing import zope as zope_testing

from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.evaluation.folders import evaluation_folder
from changde.perfmgmt.evaluation.negative_list import negative_list_folder
from changde.perfmgmt.monitoring.rounds import create_year_rounds
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FIXTURE
from changde.perfmgmt.testing import create_city
from changde.perfmgmt.testing import create_project

YEAR = 2026
RETURN_REASON = "请补充可量化的绩效指标"


def do(obj, *transitions, **kwargs):
    workflow = api.portal.get_tool("portal_workflow")
    for transition in transitions:
        workflow.doActionFor(obj, transition, **kwargs)
    return obj


def record(monitoring_round, project, budget, executed, severity="none"):
    return api.content.create(
        container=monitoring_round,
        type="MonitoringRecord",
        id=project.UID(),
        project=project.UID(),
        budget_amount=None if budget is None else Decimal(budget),
        executed_amount=None if executed is None else Decimal(executed),
        severity=severity,
    )


def build_city(portal, today=None):
    """Build the city (as a Manager); answer a dict of what was built."""
    today = today or today_in_china()
    setRoles(portal, TEST_USER_ID, ["Manager"])
    city = create_city(portal)
    unit_a, unit_b, unit_w = city["unit_a"], city["unit_b"], city["unit_w"]
    projects = {
        # unit A: an approved special fund (10 quantified indicators), an
        # approved government-fund project (2 of 3 quantified), a submitted
        # state-capital one, a draft (never counted)
        "a1": create_project(
            unit_a,
            id="a1",
            indicators=10,
            project_code="A-001",
            is_special_fund=True,
            budget_kind="general_public",
        ),
        "a2": create_project(
            unit_a,
            id="a2",
            indicators=3,
            quantifiable=2,
            project_code="A-002",
            budget_kind="government_fund",
        ),
        "a3": create_project(
            unit_a,
            id="a3",
            title="市直学校信息化建设",
            indicators=2,
            project_code="A-003",
            budget_kind="state_capital",
        ),
        "a-draft": create_project(
            unit_a,
            id="a-draft",
            indicators=2,
            project_code="A-999",
            budget_kind="social_insurance",
        ),
        # unit B: an approved social-insurance project, a returned one
        "b1": create_project(
            unit_b,
            id="b1",
            indicators=2,
            project_code="B-001",
            budget_kind="social_insurance",
        ),
        "b2": create_project(
            unit_b,
            id="b2",
            indicators=1,
            project_code="B-002",
            budget_kind="general_public",
        ),
        # unit W (武陵区): approved general-public (1 of 4 quantified), a
        # reviewed government-fund project
        "w1": create_project(
            unit_w,
            id="w1",
            indicators=4,
            quantifiable=1,
            project_code="W-001",
            budget_kind="general_public",
        ),
        "w2": create_project(
            unit_w,
            id="w2",
            title="武陵区学前教育补助",
            indicators=2,
            project_code="W-002",
            budget_kind="government_fund",
        ),
    }
    for key in ("a1", "a2", "b1", "w1"):
        do(projects[key], "submit", "review", "approve")
    do(projects["a3"], "submit")
    do(projects["w2"], "submit", "review")
    do(projects["b2"], "submit")
    do(projects["b2"], "return", comment=RETURN_REASON)

    created, existing = create_year_rounds(YEAR)
    first, second = sorted(created + existing, key=lambda each: each.round_number)
    records = {
        "1-a1": record(first, projects["a1"], "100", "70"),
        "1-a2": record(first, projects["a2"], "100", "50"),
        "1-b1": record(first, projects["b1"], "100", "62"),
        "1-w1": record(first, projects["w1"], "200", "100", severity="serious"),
        "2-a1": record(second, projects["a1"], "100", "90"),
        "2-a2": record(second, projects["a2"], "100", "86"),
        "2-b1": record(second, projects["b1"], "100", "95"),
        "2-w1": record(second, projects["w1"], "200", None),
    }
    do(records["1-a1"], "submit")
    do(records["1-b1"], "submit", "confirm")

    folder = evaluation_folder()

    def report(project, id, kind, score, **fields):
        return api.content.create(
            container=folder,
            type="EvaluationReport",
            id=id,
            title=f"{project.Title()} {id}",
            evaluation_kind=kind,
            year=YEAR,
            score=Decimal(score),
            project=project.UID(),
            **fields,
        )

    reports = {
        "key-a1": do(
            report(projects["a1"], "key-a1", "key", "92"), "submit", "approve"
        ),
        "key-b1": report(projects["b1"], "key-b1", "key", "75"),
        "key-w1": do(report(projects["w1"], "key-w1", "key", "55"), "submit"),
        "self-w1": report(projects["w1"], "self-w1", "self", "65"),
    }
    items = {
        "done": api.content.create(
            container=reports["key-b1"],
            type="RectificationItem",
            id="done",
            problem="绩效目标不够细化",
            deadline=today + datetime.timedelta(days=30),
        ),
        "late": api.content.create(
            container=reports["key-b1"],
            type="RectificationItem",
            id="late",
            problem="资金拨付不及时",
            deadline=today - datetime.timedelta(days=5),
        ),
        "open": api.content.create(
            container=reports["key-b1"],
            type="RectificationItem",
            id="open",
            problem="档案不全",
        ),
    }
    do(reports["key-b1"], "submit", "approve", "feed_back")
    items["done"].measures = "已细化绩效目标"
    do(items["done"], "submit", "accept")

    negative = negative_list_folder()
    entries = {
        "w1": do(
            api.content.create(
                container=negative,
                type="NegativeListEntry",
                id="w1",
                target=projects["w1"].UID(),
                reason="execution_below_standard",
                year=YEAR,
            ),
            "confirm",
        ),
        "a2": api.content.create(
            container=negative,
            type="NegativeListEntry",
            id="a2",
            target=projects["a2"].UID(),
            reason="unclear_goals",
            year=YEAR,
        ),
    }
    return {
        "city": city,
        "projects": projects,
        "rounds": (first, second),
        "records": records,
        "reports": reports,
        "items": items,
        "entries": entries,
        "today": today,
    }


class CityLayer(PloneSandboxLayer):
    """The site with the city built once for all the tests of the layer."""

    defaultBases = (CHANGDE_PERFMGMT_FIXTURE,)

    def setUpPloneSite(self, portal):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        login(portal, TEST_USER_NAME)
        built = build_city(portal)
        self["today"] = built["today"]
        self["round_uids"] = [each.UID() for each in built["rounds"]]
        setRoles(portal, TEST_USER_ID, ["Member"])
        logout()


CITY_FIXTURE = CityLayer()
CITY_INTEGRATION_TESTING = IntegrationTesting(
    bases=(CITY_FIXTURE,), name="DashboardCityLayer:IntegrationTesting"
)
CITY_FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(CITY_FIXTURE, zope_testing.WSGI_SERVER_FIXTURE),
    name="DashboardCityLayer:FunctionalTesting",
)


def _browser_layer():
    from changde.perfmgmt.testing import ChromiumLayer

    return ChromiumLayer(
        bases=(CITY_FUNCTIONAL_TESTING,), name="DashboardCityLayer:BrowserTesting"
    )


#: Chromium against the city (browser tests of the dashboard and workbench).
CITY_BROWSER_TESTING = _browser_layer()
