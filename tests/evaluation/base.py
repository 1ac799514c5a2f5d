"""Shared set-up of the evaluation tests: a city with approved projects,
library members, and helpers to write reports and items."""

from decimal import Decimal

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

from changde.perfmgmt.core.relations import relation_to
from changde.perfmgmt.core.relations import relations_to
from changde.perfmgmt.testing import create_city
from changde.perfmgmt.testing import create_project


def approve(project):
    workflow = api.portal.get_tool("portal_workflow")
    for transition in ("submit", "review", "approve"):
        workflow.doActionFor(project, transition)
    return project


def do(obj, *transitions, **kwargs):
    workflow = api.portal.get_tool("portal_workflow")
    for transition in transitions:
        workflow.doActionFor(obj, transition, **kwargs)
    return obj


def set_up_city(portal, year=2026):
    """The test city with approved projects a1, a2 (unit A), b1 (unit B), w1
    (district unit W), an expert and an agency (and a removed expert).
    Call as a Manager."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    city = create_city(portal)
    projects = {}
    for unit, key, code in (
        ("unit_a", "a1", "A-001"),
        ("unit_a", "a2", "A-002"),
        ("unit_b", "b1", "B-001"),
        ("unit_w", "w1", "W-001"),
    ):
        projects[key] = approve(
            create_project(
                city[unit], id=key, indicators=2, project_code=code, year=year
            )
        )
    members = {
        "expert": api.content.create(
            container=portal["expert-library"],
            type="Expert",
            id="zhang",
            title="张专家",
            level="municipal",
        ),
        "removed": api.content.create(
            container=portal["expert-library"],
            type="Expert",
            id="li",
            title="李专家",
            level="municipal",
            status="removed",
        ),
        "agency": api.content.create(
            container=portal["agency-library"],
            type="Agency",
            id="firm",
            title="湖南某会计师事务所",
            level="municipal",
        ),
    }
    return city, projects, members


def create_report(project=None, id="report", kind="key", score="85", **fields):
    from changde.perfmgmt.evaluation.folders import evaluation_folder

    values = {
        "title": "重点评价报告",
        "evaluation_kind": kind,
        "year": getattr(project, "year", 2026),
        "score": None if score is None else Decimal(score),
    }
    if project is not None:
        values["project"] = relation_to(project)
    values.update(fields)
    for name in ("unit", "evaluator_agency"):
        if isinstance(values.get(name), str):
            values[name] = relation_to(values[name])
    if values.get("experts"):
        values["experts"] = relations_to(values["experts"])
    return api.content.create(
        container=evaluation_folder(), type="EvaluationReport", id=id, **values
    )
