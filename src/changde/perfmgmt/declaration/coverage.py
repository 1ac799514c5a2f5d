"""The four-budgets coverage of jurisdictions (R-M5), read from the catalog.

Shared by the REST endpoint ``@coverage`` and the page ``@@coverage``: the
rule itself is :func:`changde.perfmgmt.declaration.rules.coverage.coverage`; this
module only finds the jurisdictions and the budget kinds of their projects.

A budget kind is *under performance management* when the jurisdiction has a
project of that kind and year declared with its goals: submitted, reviewed or
approved (:data:`MANAGED_STATES`). Drafts and returned projects are still
being written and do not count. The count is the jurisdiction's, not the
caller's: projects are counted with an unrestricted search (a reviewer, who
sees no drafts, and the office count the same), while the jurisdictions
listed are only those the caller may view. No project is woken.
"""

from dataclasses import dataclass

from plone import api

from changde.perfmgmt.core.content.jurisdiction import IJurisdiction
from changde.perfmgmt.core.rules.jurisdictions import JURISDICTION_KINDS
from changde.perfmgmt.core.rules.jurisdictions import MUNICIPAL
from changde.perfmgmt.declaration.gates import municipal_special_fund_usage
from changde.perfmgmt.declaration.rules.budgets import BUDGET_KINDS
from changde.perfmgmt.declaration.rules.coverage import Coverage
from changde.perfmgmt.declaration.rules.coverage import coverage
from changde.perfmgmt.declaration.rules.fields import validate_project_fields
from changde.perfmgmt.declaration.settings import coverage_settings
from changde.perfmgmt.declaration.settings import declaration_settings

#: The states of a project "under performance management" (declared with
#: its goals, from submission on).
MANAGED_STATES = ("submitted", "reviewed", "approved")


@dataclass(frozen=True)
class JurisdictionCoverage:
    url: str
    title: str
    kind: str
    result: Coverage
    #: For the municipal level: (approved special funds of the year, cap).
    special_funds: tuple | None = None


def jurisdictions_in(context):
    """(url, path, title, kind) of ``context`` if it is a jurisdiction, else of
    every jurisdiction the user may view, in folder order."""
    if IJurisdiction.providedBy(context):
        return [
            (
                context.absolute_url(),
                "/".join(context.getPhysicalPath()),
                context.Title(),
                context.kind,
            )
        ]
    brains = api.content.find(
        portal_type="Jurisdiction", sort_on="getObjPositionInParent"
    )
    return [
        (brain.getURL(), brain.getPath(), brain.Title, brain.jurisdiction_kind)
        for brain in brains
    ]


def coverage_of(context, year):
    """The coverage of each jurisdiction in ``context`` for ``year``."""
    catalog = api.portal.get_tool("portal_catalog")
    settings = coverage_settings()
    answer = []
    for url, path, title, kind in jurisdictions_in(context):
        if kind not in JURISDICTION_KINDS:
            continue  # not a kind the plan targets: nothing to measure
        brains = catalog.unrestrictedSearchResults(
            portal_type="BudgetProject",
            year=year,
            path=path,
            review_state=MANAGED_STATES,
        )
        kinds = {brain.budget_kind for brain in brains}
        answer.append(
            JurisdictionCoverage(
                url=url,
                title=title,
                kind=kind,
                result=coverage(kinds, year, kind, settings=settings),
                special_funds=(
                    municipal_special_fund_usage(year) if kind == MUNICIPAL else None
                ),
            )
        )
    return answer


def year_violations(value):
    """The rules' checks of a budget year (required, whole, in range)."""
    violations = validate_project_fields(
        value, BUDGET_KINDS[0], 0, settings=declaration_settings()
    )
    return [violation for violation in violations if violation.field == "year"]
