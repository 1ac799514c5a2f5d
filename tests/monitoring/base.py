"""Shared set-up of the monitoring tests: a city, approved projects, rounds."""

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

from changde.perfmgmt.testing import create_city
from changde.perfmgmt.testing import create_project


def approve(project):
    """Approve a project as the office does (the gates are met by create_project)."""
    workflow = api.portal.get_tool("portal_workflow")
    for transition in ("submit", "review", "approve"):
        workflow.doActionFor(project, transition)
    return project


def set_up_city(portal, year=2026):
    """The test city with approved projects a1, a2 (unit A), b1 (unit B), w1
    (district unit W) with codes, a draft project a-draft, and the year's rounds.
    Call as a Manager."""
    from changde.perfmgmt.monitoring.rounds import create_year_rounds

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
    projects["a-draft"] = create_project(
        city["unit_a"], id="a-draft", indicators=2, project_code="A-999", year=year
    )
    created, existing = create_year_rounds(year)
    return city, projects, created
