"""The declaration's numbers for the dashboards, the workbench and the annual
report, read from catalog metadata (rows of metadata, not even a brain per
project: :mod:`changde.perfmgmt.core.catalog_rows`; no project or indicator
is woken). The arithmetic is in :mod:`changde.perfmgmt.declaration.rules`
(coverage, special_funds, quantified).

Every function counts what the current user may see (restricted catalog
searches), except the coverage and the special-fund count, which are facts of
a jurisdiction the user may view (:mod:`changde.perfmgmt.declaration.coverage`
counts them unrestricted, so a reviewer and the office see the same matrix).
With ``unrestricted=True`` they count the whole city whoever asks (the
annual report; for the office the numbers are the same). Functions that need
the jurisdictions the user may view take them as ``jurisdictions`` (from
:func:`visible_jurisdictions`), so that a page asks once.
"""

from dataclasses import dataclass

from plone import api

from changde.perfmgmt.core.catalog_rows import metadata_rows
from changde.perfmgmt.core.catalog_rows import metadata_rows_with_ids
from changde.perfmgmt.core.catalog_rows import visible_record_ids
from changde.perfmgmt.core.rules.jurisdictions import MUNICIPAL
from changde.perfmgmt.declaration.coverage import MANAGED_STATES
from changde.perfmgmt.declaration.coverage import coverage_of
from changde.perfmgmt.declaration.gates import municipal_special_fund_usage
from changde.perfmgmt.declaration.rules.coverage import Coverage
from changde.perfmgmt.declaration.rules.coverage import coverage_gaps
from changde.perfmgmt.declaration.rules.declared import declared_totals
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
    #: a unit's jurisdiction id (for a jurisdiction its own id)
    jurisdiction: str | None = None


def portal_path():
    return "/".join(api.portal.get().getPhysicalPath())


#: Where a folder missing from its parent's order goes: last.
UNKNOWN_POSITION = 10**9


def _folder_order(tenants):
    """``tenants`` in the order of their folders (as the site lists them),
    read from each parent's order once."""
    portal = api.portal.get()
    prefix = len(portal_path()) + 1
    positions = {}

    def position(tenant):
        parent_path = tenant.path.rsplit("/", 1)[0]
        if parent_path not in positions:
            parent = portal.unrestrictedTraverse(parent_path[prefix:] or "", portal)
            ids = parent.objectIds() if hasattr(parent, "objectIds") else []
            positions[parent_path] = {id_: index for index, id_ in enumerate(ids)}
        return (parent_path, positions[parent_path].get(tenant.id, UNKNOWN_POSITION))

    return sorted(tenants, key=position)


def _tenants(portal_type, path=None, kind=False, unrestricted=False):
    query = {"portal_type": portal_type}
    if path:
        query["path"] = path
    prefix = len(portal_path()) + 1
    columns = ["getId", "Title", "UID"] + (["jurisdiction_kind"] if kind else [])
    portal_url = api.portal.get().absolute_url()
    tenants = []
    for row in metadata_rows(
        columns, unrestricted=unrestricted, with_path=True, **query
    ):
        row_path, id_, title, uid = row[:4]
        tenants.append(
            Tenant(
                id=id_,
                title=title,
                path=row_path,
                url=f"{portal_url}/{row_path[prefix:]}",
                uid=uid,
                kind=row[4] if kind else None,
                jurisdiction=row_path[prefix:].split("/", 1)[0],
            )
        )
    return _folder_order(tenants)


def visible_jurisdictions(unrestricted=False):
    """The jurisdictions the user may view (all with ``unrestricted``), in
    folder order."""
    return _tenants("Jurisdiction", kind=True, unrestricted=unrestricted)


def visible_units(jurisdiction_path=None, unrestricted=False):
    """``{path: Tenant}`` of the budget units the user may view (all with
    ``unrestricted``; in ``jurisdiction_path``), in folder order."""
    return {
        unit.path: unit
        for unit in _tenants("BudgetUnit", jurisdiction_path, unrestricted=unrestricted)
    }


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
    #: whether the user may see the project (see :func:`year_projects`)
    visible: bool = True
    #: its amount (yuan) as the catalog holds it
    amount: object = None


def declared_query(year):
    """The catalog query of the projects of ``year`` declared with their
    goals (shown as the source of the numbers)."""
    return {
        "portal_type": "BudgetProject",
        "year": year,
        "review_state": list(MANAGED_STATES),
    }


#: the metadata of a project the figures read
PROJECT_COLUMNS = [
    "budget_kind",
    "is_special_fund",
    "review_state",
    "indicator_count",
    "quantified_indicator_count",
    "amount",
]


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
    for path, kind, special, state, indicators, quantified, amount in metadata_rows(
        PROJECT_COLUMNS, with_path=True, **query
    ):
        jurisdiction, unit = path[prefix:].split("/", 2)[:2]
        rows.append(
            ProjectRow(
                jurisdiction=jurisdiction,
                unit_path=path[: prefix + len(jurisdiction) + 1 + len(unit)],
                budget_kind=kind,
                is_special_fund=special is True,
                review_state=state,
                indicators=_count(indicators),
                quantified=_count(quantified),
                amount=amount,
            )
        )
    return rows


def year_projects(year, jurisdiction_path=None):
    """Every project of ``year`` under performance management (submitted,
    reviewed, approved; in ``jurisdiction_path``), the coverage's facts, each
    marked ``visible`` when the user may see it (what the quantified share
    counts): one read of the rows for both."""
    query = declared_query(year)
    if jurisdiction_path:
        query["path"] = jurisdiction_path
    visible = visible_record_ids(**query)
    prefix = len(portal_path()) + 1
    rows = []
    for (
        rid,
        path,
        kind,
        special,
        state,
        indicators,
        quantified,
        amount,
    ) in metadata_rows_with_ids(PROJECT_COLUMNS, unrestricted=True, **query):
        jurisdiction, unit = path[prefix:].split("/", 2)[:2]
        rows.append(
            ProjectRow(
                jurisdiction=jurisdiction,
                unit_path=path[: prefix + len(jurisdiction) + 1 + len(unit)],
                budget_kind=kind,
                is_special_fund=special is True,
                review_state=state,
                indicators=_count(indicators),
                quantified=_count(quantified),
                visible=rid in visible,
                amount=amount,
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


def coverage_figures(
    year, jurisdiction=None, jurisdictions=None, projects=None, unrestricted=False
):
    """The four-budgets coverage of ``year`` for every jurisdiction the user
    may view (every one with ``unrestricted``; or only ``jurisdiction``, a
    Tenant), with its gaps (from ``projects`` of :func:`year_projects` when
    the caller has them)."""
    if jurisdiction is not None:
        tenants = [jurisdiction]
    elif jurisdictions is not None:
        tenants = list(jurisdictions)
    else:
        tenants = visible_jurisdictions(unrestricted)
    kinds = None
    if projects is not None:
        root = portal_path()
        kinds = {}
        for row in projects:
            kinds.setdefault(f"{root}/{row.jurisdiction}", set()).add(row.budget_kind)
    answer = coverage_of(
        None,
        year,
        jurisdictions=[(t.url, t.path, t.title, t.kind) for t in tenants],
        kinds=kinds,
    )
    by_url = {tenant.url: tenant for tenant in tenants}
    return [
        CoverageRow(
            jurisdiction=by_url[item.url],
            coverage=item.result,
            gaps=coverage_gaps(item.result),
        )
        for item in answer
    ]


def special_fund_figures(year, margin=0, jurisdictions=None, unrestricted=False):
    """The municipal level's approved special funds of ``year`` against the
    cap (:class:`SpecialFundUsage` of ``rules.special_funds``) with the
    municipal jurisdiction (a Tenant), or None when the user may not view it
    (with ``unrestricted``: when there is none)."""
    if jurisdictions is None:
        jurisdictions = visible_jurisdictions(unrestricted)
    municipal = [tenant for tenant in jurisdictions if tenant.kind == MUNICIPAL]
    if not municipal:
        return None
    approved, cap = municipal_special_fund_usage(year)
    return municipal[0], special_fund_usage(approved, cap, margin)


# --- quantified indicators -----------------------------------------------------


@dataclass(frozen=True)
class QuantifiedRow:
    tenant: Tenant
    share: QuantifiedShare


def _declared_rows(year, jurisdiction, projects, unrestricted):
    """The declared projects the figures count: those the user may see (all
    with ``unrestricted``), from ``projects`` when the caller has them."""
    path = jurisdiction.path if jurisdiction is not None else None
    if projects is None:
        if unrestricted:
            return year_projects(year, path)
        return project_rows(year, path)
    return [row for row in projects if unrestricted or row.visible]


def declared_figures(year, jurisdiction=None, projects=None, unrestricted=False):
    """The projects declared for ``year`` (submitted, reviewed or approved;
    in ``jurisdiction``, a Tenant) the user may see, or all of them with
    ``unrestricted``: how many and their amount, and of them the special
    funds (:class:`~.rules.declared.DeclaredTotals`)."""
    rows = _declared_rows(year, jurisdiction, projects, unrestricted)
    return declared_totals((row.amount, row.is_special_fund) for row in rows)


def quantified_figures(
    year, jurisdiction=None, jurisdictions=None, projects=None, unrestricted=False
):
    """The share of quantified indicators (quantifiable with a numeric
    target, :func:`~.rules.quantified.is_quantified`) of the projects
    declared for ``year`` (submitted, reviewed or approved) the user may see
    (all with ``unrestricted``): ``(by jurisdiction, by unit, overall)``, the
    rows in folder order (from ``projects`` of :func:`year_projects` when the
    caller has them)."""
    path = jurisdiction.path if jurisdiction is not None else None
    rows = _declared_rows(year, jurisdiction, projects, unrestricted)
    by_unit = quantified_shares(
        (row.unit_path, row.indicators, row.quantified) for row in rows
    )
    # a unit lies in one jurisdiction: its counts add up to the jurisdiction's
    prefix = len(portal_path()) + 1
    by_jurisdiction = {}
    for unit_path, share in by_unit.items():
        key = unit_path[prefix:].split("/", 1)[0]
        by_jurisdiction[key] = by_jurisdiction.get(key, QuantifiedShare()) + share
    if jurisdictions is None:
        jurisdictions = visible_jurisdictions(unrestricted)
    jurisdiction_rows = [
        QuantifiedRow(tenant, by_jurisdiction[tenant.id])
        for tenant in jurisdictions
        if tenant.id in by_jurisdiction
    ]
    unit_rows = (
        [
            QuantifiedRow(tenant, by_unit[unit_path])
            for unit_path, tenant in visible_units(path, unrestricted).items()
            if unit_path in by_unit
        ]
        if by_unit
        else []
    )
    overall = QuantifiedShare()
    for share in by_jurisdiction.values():
        overall += share
    return jurisdiction_rows, unit_rows, overall
