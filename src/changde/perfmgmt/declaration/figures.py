"""The declaration's numbers for the dashboards, the workbench and the annual
report, read from the catalog (brains and their metadata: no project or
indicator is woken). The arithmetic is in
:mod:`changde.perfmgmt.declaration.rules` (coverage, special_funds,
quantified).

Every function counts what the current user may see (restricted catalog
searches), except the coverage and the special-fund count, which are facts of
a jurisdiction the user may view (:mod:`changde.perfmgmt.declaration.coverage`
counts them unrestricted, so a reviewer and the office see the same matrix).
"""

from dataclasses import dataclass

from plone import api

from changde.perfmgmt.core.rules.jurisdictions import MUNICIPAL
from changde.perfmgmt.declaration.coverage import MANAGED_STATES
from changde.perfmgmt.declaration.coverage import coverage_of
from changde.perfmgmt.declaration.gates import municipal_special_fund_usage
from changde.perfmgmt.declaration.rules.coverage import Coverage
from changde.perfmgmt.declaration.rules.coverage import coverage_gaps
from changde.perfmgmt.declaration.rules.quantified import QuantifiedShare
from changde.perfmgmt.declaration.rules.quantified import quantified_shares
from changde.perfmgmt.declaration.rules.special_funds import special_fund_usage


@dataclass(frozen=True)
class Tenant:
    """A jurisdiction or budget unit as the figures name it."""

    id: str
    title: str
    path: str
    url: str
    uid: str
    #: a jurisdiction's kind (None for a unit)
    kind: str | None = None
    #: a unit's jurisdiction id (None for a jurisdiction)
    jurisdiction: str | None = None


@dataclass(frozen=True)
class ProjectRow:
    """One project's values for the figures (from its catalog row)."""

    jurisdiction: str
    unit_path: str
    budget_kind: str
    is_special_fund: bool
    review_state: str
    indicators: int
    quantified: int


def portal_path():
    return "/".join(api.portal.get().getPhysicalPath())


def _tenants(brains, kind_of=lambda brain: None, jurisdiction_of=lambda path: None):
    return [
        Tenant(
            id=brain.getId,
            title=brain.Title,
            path=brain.getPath(),
            url=brain.getURL(),
            uid=brain.UID,
            kind=kind_of(brain),
            jurisdiction=jurisdiction_of(brain.getPath()),
        )
        for brain in brains
    ]


def visible_jurisdictions():
    """The jurisdictions the user may view, in folder order."""
    return _tenants(
        api.content.find(portal_type="Jurisdiction", sort_on="getObjPositionInParent"),
        kind_of=lambda brain: brain.jurisdiction_kind,
    )


def visible_units(jurisdiction_path=None):
    """``{path: Tenant}`` of the budget units the user may view (in
    ``jurisdiction_path``), in folder order."""
    query = {"portal_type": "BudgetUnit", "sort_on": "getObjPositionInParent"}
    if jurisdiction_path:
        query["path"] = jurisdiction_path
    prefix = len(portal_path()) + 1
    units = _tenants(
        api.content.find(**query),
        jurisdiction_of=lambda path: path[prefix:].split("/", 1)[0],
    )
    return {unit.path: unit for unit in units}


def project_rows(year, jurisdiction_path=None, states=MANAGED_STATES):
    """The projects of ``year`` in ``states`` the user may see (in
    ``jurisdiction_path``), as :class:`ProjectRow` (restricted search)."""
    query = {
        "portal_type": "BudgetProject",
        "year": year,
        "review_state": list(states),
    }
    if jurisdiction_path:
        query["path"] = jurisdiction_path
    prefix = len(portal_path()) + 1
    rows = []
    for brain in api.content.find(**query):
        path = brain.getPath()
        jurisdiction, unit = path[prefix:].split("/", 2)[:2]
        rows.append(
            ProjectRow(
                jurisdiction=jurisdiction,
                unit_path=path[: prefix + len(jurisdiction) + 1 + len(unit)],
                budget_kind=brain.budget_kind,
                is_special_fund=bool(brain.is_special_fund),
                review_state=brain.review_state,
                indicators=_count(brain.indicator_count),
                quantified=_count(brain.quantified_indicator_count),
            )
        )
    return rows


def _count(value):
    """A count from metadata (Missing.Value before the upgrade step ran: 0)."""
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


# --- coverage and special funds -----------------------------------------------


@dataclass(frozen=True)
class CoverageRow:
    jurisdiction: Tenant
    coverage: Coverage
    #: the kinds shown red (rules.coverage.coverage_gaps)
    gaps: tuple


def coverage_figures(year, jurisdiction=None):
    """The four-budgets coverage of ``year`` for every jurisdiction the user
    may view (or only ``jurisdiction``, a Tenant), with its gaps."""
    by_url = {tenant.url: tenant for tenant in visible_jurisdictions()}
    context = api.portal.get()
    if jurisdiction is not None:
        context = context.unrestrictedTraverse(jurisdiction.path)
    answer = []
    for item in coverage_of(context, year):
        tenant = by_url.get(item.url)
        if tenant is None:
            continue
        answer.append(
            CoverageRow(
                jurisdiction=tenant,
                coverage=item.result,
                gaps=coverage_gaps(item.result),
            )
        )
    return answer


def special_fund_figures(year, margin=0):
    """The municipal level's approved special funds of ``year`` against the
    cap (:class:`SpecialFundUsage` of ``rules.special_funds``) with the
    municipal jurisdiction (a Tenant), or None when the user may not view it."""
    municipal = [
        tenant for tenant in visible_jurisdictions() if tenant.kind == MUNICIPAL
    ]
    if not municipal:
        return None
    approved, cap = municipal_special_fund_usage(year)
    return municipal[0], special_fund_usage(approved, cap, margin)


# --- quantified indicators -----------------------------------------------------


@dataclass(frozen=True)
class QuantifiedRow:
    tenant: Tenant
    share: QuantifiedShare


def quantified_figures(year, jurisdiction=None):
    """The share of quantified indicators of the projects declared for
    ``year`` (submitted, reviewed or approved) the user may see: ``(by
    jurisdiction, by unit, overall)``, the rows in folder order."""
    path = jurisdiction.path if jurisdiction is not None else None
    rows = project_rows(year, path)
    by_jurisdiction = quantified_shares(
        (row.jurisdiction, row.indicators, row.quantified) for row in rows
    )
    by_unit = quantified_shares(
        (row.unit_path, row.indicators, row.quantified) for row in rows
    )
    jurisdictions = [
        QuantifiedRow(tenant, by_jurisdiction[tenant.id])
        for tenant in visible_jurisdictions()
        if tenant.id in by_jurisdiction
    ]
    units = [
        QuantifiedRow(tenant, by_unit[unit_path])
        for unit_path, tenant in visible_units(path).items()
        if unit_path in by_unit
    ]
    overall = QuantifiedShare()
    for share in by_jurisdiction.values():
        overall += share
    return jurisdictions, units, overall
