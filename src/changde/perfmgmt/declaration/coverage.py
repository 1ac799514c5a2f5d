"""The four-budgets coverage of jurisdictions (R-M5), read from the catalog.

Shared by the REST endpoint ``@coverage`` and the page ``@@coverage``: the
rule itself is :func:`changde.perfmgmt.declaration.rules.coverage`; this
module only finds the jurisdictions and the budget kinds of their projects.
Searches are restricted, so each user counts what they may see, and no
project is woken.
"""

from dataclasses import dataclass

from plone import api

from changde.perfmgmt.core.content.jurisdiction import IJurisdiction
from changde.perfmgmt.declaration import rules
from changde.perfmgmt.declaration.settings import coverage_settings
from changde.perfmgmt.declaration.settings import declaration_settings


@dataclass(frozen=True)
class JurisdictionCoverage:
    url: str
    title: str
    kind: str
    result: rules.Coverage


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
        if kind not in rules.JURISDICTION_KINDS:
            continue  # not a kind the plan targets: nothing to measure
        brains = catalog.searchResults(
            portal_type="BudgetProject", year=year, path=path
        )
        kinds = {brain.budget_kind for brain in brains}
        answer.append(
            JurisdictionCoverage(
                url=url,
                title=title,
                kind=kind,
                result=rules.coverage(kinds, year, kind, settings=settings),
            )
        )
    return answer


def year_violations(value):
    """The rules' checks of a budget year (required, whole, in range)."""
    violations = rules.validate_project_fields(
        value, rules.BUDGET_KINDS[0], 0, settings=declaration_settings()
    )
    return [violation for violation in violations if violation.field == "year"]
