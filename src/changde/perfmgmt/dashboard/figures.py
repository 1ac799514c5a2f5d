"""The dashboard's numbers for a year (and a jurisdiction): one structure for
the page ``@@dashboard``, its Excel export and ``@dashboard`` over REST, so all
three show the same numbers.

Each section comes from the module that owns its data (the same functions
the annual report calls): coverage, special funds and quantified indicators
from :mod:`changde.perfmgmt.declaration.figures`, execution rates from
:mod:`changde.perfmgmt.monitoring.figures`, grades, rectification and the
negative list from :mod:`changde.perfmgmt.evaluation.figures`. All are read
from catalog metadata and counted as the user may see them. Every number
carries the address of the list behind it (:mod:`changde.perfmgmt.core.lists`).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from plone import api
from zope.i18n import translate

from changde.perfmgmt.core import lists
from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.core.vocabularies import JURISDICTION_KIND_TITLES
from changde.perfmgmt.dashboard.settings import margins
from changde.perfmgmt.declaration import figures as declaration_figures
from changde.perfmgmt.declaration.coverage import MANAGED_STATES
from changde.perfmgmt.declaration.rules.budgets import BUDGET_KINDS
from changde.perfmgmt.declaration.vocabularies import BUDGET_KIND_TITLES
from changde.perfmgmt.evaluation import figures as evaluation_figures
from changde.perfmgmt.evaluation.reports import COUNTED_ITEM_STATES
from changde.perfmgmt.evaluation.reports import RESULT_STATES
from changde.perfmgmt.evaluation.rules.grades import GRADES
from changde.perfmgmt.evaluation.rules.grades import UNGRADED
from changde.perfmgmt.evaluation.vocabularies import GRADE_TITLES
from changde.perfmgmt.evaluation.vocabularies import KIND_TITLES
from changde.perfmgmt.evaluation.vocabularies import REASON_TITLES
from changde.perfmgmt.i18n import _
from changde.perfmgmt.monitoring import figures as monitoring_figures
from changde.perfmgmt.monitoring.vocabularies import STATUS_TITLES

#: The sections of the dashboard, in the order of the page.
SECTIONS = (
    "coverage",
    "special_funds",
    "execution",
    "grades",
    "rectification",
    "negative_list",
    "quantified",
)

#: Negative-list states counted by reason, in this order.
NEGATIVE_LIST_STATES = ("listed", "proposed", "released", "rejected")


@dataclass(frozen=True)
class Scope:
    """What the dashboard is about: a year, and one jurisdiction or all the
    user may view."""

    year: int
    #: the chosen jurisdiction (a declaration.figures.Tenant) or None: all
    jurisdiction: object = None
    #: every jurisdiction the user may view (the filter's options)
    jurisdictions: tuple = ()

    @property
    def jurisdiction_id(self):
        return self.jurisdiction.id if self.jurisdiction is not None else None


def scope_for(year, jurisdiction_id=None):
    """The :class:`Scope` of ``year`` and ``jurisdiction_id``; ValueError
    when the user may not view a jurisdiction of that id."""
    jurisdictions = tuple(declaration_figures.visible_jurisdictions())
    chosen = None
    if jurisdiction_id:
        chosen = next((j for j in jurisdictions if j.id == jurisdiction_id), None)
        if chosen is None:
            raise ValueError(jurisdiction_id)
    return Scope(year=year, jurisdiction=chosen, jurisdictions=jurisdictions)


def dashboard_figures(scope, request, today=None):
    """Every section of the dashboard for ``scope``, as plain data (numbers
    as int or Decimal, titles translated for ``request``)."""
    today = today or today_in_china()
    portal_url = api.portal.get().absolute_url()
    projects = declaration_figures.year_projects(
        scope.year, scope.jurisdiction.path if scope.jurisdiction else None
    )
    context = _Context(scope, request, portal_url, today, projects)
    return {
        "year": scope.year,
        "jurisdiction": _tenant(scope.jurisdiction),
        "jurisdictions": [
            {
                "id": tenant.id,
                "title": tenant.title,
                "kind": tenant.kind,
            }
            for tenant in scope.jurisdictions
        ],
        "coverage": coverage_section(context),
        "special_funds": special_funds_section(context),
        "execution": execution_section(context),
        "grades": grades_section(context),
        "rectification": rectification_section(context),
        "negative_list": negative_list_section(context),
        "quantified": quantified_section(context),
    }


@dataclass(frozen=True)
class _Context:
    scope: Scope
    request: object
    portal_url: str
    today: date
    #: the year's declared projects (declaration.figures.year_projects)
    projects: list

    def translate(self, message):
        return translate(message, context=self.request)

    def list_url(self, view, **params):
        params.setdefault("year", self.scope.year)
        params.setdefault("jurisdiction", self.scope.jurisdiction_id)
        return lists.list_url(self.portal_url, view, **params)


def _tenant(tenant):
    if tenant is None:
        return None
    return {"id": tenant.id, "title": tenant.title, "@id": tenant.url}


# --- sections ------------------------------------------------------------------


def coverage_section(context):
    rows = declaration_figures.coverage_figures(
        context.scope.year,
        context.scope.jurisdiction,
        jurisdictions=context.scope.jurisdictions,
        projects=context.projects,
    )
    kinds = [
        {"id": kind, "title": context.translate(BUDGET_KIND_TITLES[kind])}
        for kind in BUDGET_KINDS
    ]
    return {
        "budget_kinds": kinds,
        "rows": [
            {
                "jurisdiction": row.jurisdiction.id,
                "title": row.jurisdiction.title,
                "kind": row.jurisdiction.kind,
                "kind_title": context.translate(
                    JURISDICTION_KIND_TITLES.get(
                        row.jurisdiction.kind, row.jurisdiction.kind
                    )
                ),
                "covered": dict(row.coverage.covered),
                "gaps": list(row.gaps),
                "covered_count": row.coverage.covered_count,
                "required_count": row.coverage.required_count,
                "debt_required": row.coverage.debt_required,
                "debt_covered": row.coverage.debt_covered,
                "met": row.coverage.met,
                "url": context.list_url(
                    lists.PROJECTS,
                    jurisdiction=row.jurisdiction.id,
                    review_state=list(MANAGED_STATES),
                ),
            }
            for row in rows
        ],
        "met": sum(1 for row in rows if row.coverage.met),
        "total": len(rows),
    }


def special_funds_section(context):
    margin = margins().special_fund_margin
    found = declaration_figures.special_fund_figures(
        context.scope.year, margin, jurisdictions=context.scope.jurisdictions
    )
    if found is None:
        return None
    municipal, usage = found
    return {
        "jurisdiction": municipal.id,
        "title": municipal.title,
        "approved": usage.approved,
        "cap": usage.cap,
        "remaining": usage.remaining,
        "light": usage.light,
        "margin": margin,
        "url": context.list_url(
            lists.PROJECTS,
            jurisdiction=municipal.id,
            review_state="approved",
            special_fund=True,
        ),
    }


def execution_section(context):
    margin = margins().execution_margin
    rounds = monitoring_figures.execution_figures(
        context.scope.year,
        margin,
        jurisdiction=context.scope.jurisdiction_id,
        order=[tenant.id for tenant in context.scope.jurisdictions],
        today=context.today,
    )
    answer = []
    for each in rounds:
        info = each.round
        execution = each.execution
        answer.append(
            {
                "UID": info["UID"],
                "@id": info["@id"],
                "title": info["title"],
                "round_number": info["round_number"],
                "target_rate": _decimal(info["target_rate"]),
                "cutoff_date": info["cutoff_date"],
                "report_due": info["report_due"],
                "report_status": info["report_status"],
                "report_status_title": context.translate(
                    STATUS_TITLES[info["report_status"]]
                )
                if info["report_status"]
                else None,
                "records": execution.records,
                "with_amounts": execution.with_amounts,
                "budget": execution.budget,
                "executed": execution.executed,
                "rate": execution.rate,
                "light": each.light,
                "below_target": execution.flagged("below_target"),
                "suspension": execution.flagged("suspension"),
                "url": context.list_url(lists.MONITORING_RECORDS, round=info["UID"]),
                "below_target_url": context.list_url(
                    lists.MONITORING_RECORDS, round=info["UID"], flag="below_target"
                ),
                "suspension_url": context.list_url(
                    lists.MONITORING_RECORDS, round=info["UID"], flag="suspension"
                ),
                "by_jurisdiction": [
                    {
                        "jurisdiction": row.jurisdiction,
                        "title": row.title,
                        "records": row.execution.records,
                        "budget": row.execution.budget,
                        "executed": row.execution.executed,
                        "rate": row.execution.rate,
                        "light": row.light,
                        "below_target": row.execution.flagged("below_target"),
                        "suspension": row.execution.flagged("suspension"),
                        "url": context.list_url(
                            lists.MONITORING_RECORDS,
                            round=info["UID"],
                            jurisdiction=row.jurisdiction,
                        ),
                    }
                    for row in each.by_jurisdiction
                ],
            }
        )
    return {"margin": margin, "rounds": answer}


def grades_section(context):
    figures = evaluation_figures.grade_figures(
        context.scope.year, context.scope.jurisdiction_id
    )
    grades = [
        {"id": grade, "title": context.translate(GRADE_TITLES[grade])}
        for grade in GRADES
    ]
    grades.append(
        {
            "id": UNGRADED,
            "title": context.translate(_("grade_ungraded", default="No grade")),
        }
    )
    return {
        "grades": grades,
        "by_kind": [
            {
                "kind": kind,
                "title": context.translate(KIND_TITLES[kind]),
                "counts": counts,
                "total": sum(counts.values()),
            }
            for kind, counts in figures.by_kind.items()
        ],
        "total": figures.total,
        "count": sum(figures.total.values()),
        "url": context.list_url(lists.REPORTS, review_state=list(RESULT_STATES)),
    }


def rectification_section(context):
    overall, by_jurisdiction, target = evaluation_figures.rectification_figures(
        context.scope.year, context.scope.jurisdiction_id, today=context.today
    )
    states = list(COUNTED_ITEM_STATES)
    return {
        "target_rate": target,
        "total": overall.total,
        "accepted": overall.accepted,
        "overdue": overall.overdue,
        "rate": overall.rate,
        "met": overall.met,
        "url": context.list_url(lists.RECTIFICATION_ITEMS, review_state=states),
        "overdue_url": context.list_url(lists.RECTIFICATION_ITEMS, overdue=True),
        "by_jurisdiction": [
            {
                "jurisdiction": row.jurisdiction,
                "title": row.title,
                "total": row.counts.total,
                "accepted": row.counts.accepted,
                "overdue": row.counts.overdue,
                "rate": row.counts.rate,
                "met": row.counts.met,
                "url": context.list_url(
                    lists.RECTIFICATION_ITEMS,
                    jurisdiction=row.jurisdiction,
                    review_state=states,
                ),
            }
            for row in by_jurisdiction
        ],
    }


def negative_list_section(context):
    counts = evaluation_figures.negative_list_figures(
        context.scope.year, context.scope.jurisdiction_id
    )
    reasons = []
    for reason, by_state in counts.items():
        reasons.append(
            {
                "reason": reason,
                "title": context.translate(REASON_TITLES[reason]),
                **{state: by_state.get(state, 0) for state in NEGATIVE_LIST_STATES},
            }
        )
    return {
        "reasons": reasons,
        "states": list(NEGATIVE_LIST_STATES),
        **{state: sum(row[state] for row in reasons) for state in NEGATIVE_LIST_STATES},
        "url": context.list_url(lists.NEGATIVE_LIST, review_state="listed"),
        "proposed_url": context.list_url(lists.NEGATIVE_LIST, review_state="proposed"),
    }


def quantified_section(context):
    jurisdictions, units, overall = declaration_figures.quantified_figures(
        context.scope.year,
        context.scope.jurisdiction,
        jurisdictions=context.scope.jurisdictions,
        projects=context.projects,
    )
    titles = {tenant.id: tenant.title for tenant in context.scope.jurisdictions}
    states = list(MANAGED_STATES)
    return {
        "indicators": overall.indicators,
        "quantified": overall.quantified,
        "share": overall.share,
        "by_jurisdiction": [
            {
                "jurisdiction": row.tenant.id,
                "title": row.tenant.title,
                "indicators": row.share.indicators,
                "quantified": row.share.quantified,
                "share": row.share.share,
                "url": context.list_url(
                    lists.PROJECTS, jurisdiction=row.tenant.id, review_state=states
                ),
            }
            for row in jurisdictions
        ],
        "by_unit": [
            {
                "unit": row.tenant.uid,
                "title": row.tenant.title,
                "jurisdiction": row.tenant.jurisdiction,
                "jurisdiction_title": titles.get(row.tenant.jurisdiction, ""),
                "indicators": row.share.indicators,
                "quantified": row.share.quantified,
                "share": row.share.share,
                "url": context.list_url(
                    lists.PROJECTS,
                    jurisdiction=row.tenant.jurisdiction,
                    unit=row.tenant.uid,
                    review_state=states,
                ),
            }
            for row in units
        ],
    }


def _decimal(text):
    return None if text is None else Decimal(text)
