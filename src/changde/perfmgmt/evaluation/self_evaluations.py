"""Self-evaluation (单位自评): every approved project has one per year; the
projects missing theirs (catalog only)."""

from plone import api

from changde.perfmgmt.core.tenancy import tenancy_values


def missing_self_evaluations(year):
    """The approved projects of ``year`` without a self-evaluation report
    (in any state), as plain data."""
    catalog = api.portal.get_tool("portal_catalog")
    done = {
        brain.project_uid
        for brain in catalog.unrestrictedSearchResults(
            portal_type="EvaluationReport", evaluation_kind="self", year=year
        )
    }
    missing = []
    for brain in catalog.unrestrictedSearchResults(
        portal_type="BudgetProject",
        review_state="approved",
        year=year,
        sort_on="sortable_title",
    ):
        if brain.UID in done:
            continue
        project = brain._unrestrictedGetObject()
        tenancy = tenancy_values(project)
        missing.append(
            {
                "@id": brain.getURL(),
                "UID": brain.UID,
                "title": brain.Title,
                "project_code": tenancy.get("project_code"),
                "jurisdiction": tenancy.get("jurisdiction"),
                "jurisdiction_title": tenancy.get("jurisdiction_title"),
                "budget_unit": tenancy.get("budget_unit"),
                "unit_title": tenancy.get("unit_title"),
            }
        )
    return missing
