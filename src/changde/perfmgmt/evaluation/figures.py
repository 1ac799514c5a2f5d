"""Evaluation's numbers for the dashboards, the workbench and the annual
report, read from catalog metadata (no report, item or entry is woken): the
year's reports by kind, the grade distribution of their results, the
rectification rate with the overdue items, the negative list by reason and
state, and the stored result-application run. The arithmetic is in
:mod:`changde.perfmgmt.evaluation.rules` (kinds, grades, rectification,
negative_list).

Everything is counted as the current user may see it (restricted searches);
with ``unrestricted=True`` the whole city's, whoever asks (the annual
report; for the office the numbers are the same).
"""

import datetime
from dataclasses import dataclass

from plone import api

from changde.perfmgmt.core.catalog_rows import metadata_rows
from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.core.rules.pinyin import pinyin_sort_string
from changde.perfmgmt.evaluation.folders import evaluation_folder
from changde.perfmgmt.evaluation.reports import COUNTED_ITEM_STATES
from changde.perfmgmt.evaluation.reports import RESULT_STATES
from changde.perfmgmt.evaluation.rules.application import ACTIONS
from changde.perfmgmt.evaluation.rules.grades import grade_counts
from changde.perfmgmt.evaluation.rules.kinds import EVALUATION_KINDS
from changde.perfmgmt.evaluation.rules.kinds import kind_counts
from changde.perfmgmt.evaluation.rules.negative_list import negative_list_counts
from changde.perfmgmt.evaluation.rules.rectification import RectificationCounts
from changde.perfmgmt.evaluation.rules.rectification import rectification_counts
from changde.perfmgmt.evaluation.settings import rectification_settings


def _query(portal_type, year, jurisdiction=None, **query):
    query.update(portal_type=portal_type, year=year)
    if jurisdiction:
        query["jurisdiction"] = jurisdiction
    return query


def report_query(year, jurisdiction=None):
    """The catalog query of the year's evaluation reports (every state)."""
    return _query("EvaluationReport", year, jurisdiction)


def result_query(year, jurisdiction=None):
    """The catalog query of the year's results: reports approved, fed back
    or published (what the grades count)."""
    return _query(
        "EvaluationReport", year, jurisdiction, review_state=list(RESULT_STATES)
    )


def rectification_query(year, jurisdiction=None):
    """The catalog query of the year's fed-back rectification items."""
    return _query(
        "RectificationItem", year, jurisdiction, review_state=list(COUNTED_ITEM_STATES)
    )


def negative_list_query(year, jurisdiction=None):
    """The catalog query of the year's negative-list entries (every state)."""
    return _query("NegativeListEntry", year, jurisdiction)


def as_date(value):
    """A deadline from metadata as a date (a Zope DateTime is converted)."""
    if isinstance(value, datetime.date):
        return value
    if hasattr(value, "asdatetime"):
        return value.asdatetime().date()
    return None


# --- reports and grades ---------------------------------------------------------


@dataclass(frozen=True)
class ReportFigures:
    #: the year's reports, in every state (drafts too)
    total: int
    #: {evaluation kind: count} for every kind, in the kinds' order
    by_kind: dict


def report_figures(year, jurisdiction=None, unrestricted=False):
    """The evaluation reports of ``year`` (in every state) by kind."""
    kinds = [
        kind
        for (kind,) in metadata_rows(
            ["evaluation_kind"],
            unrestricted=unrestricted,
            **report_query(year, jurisdiction),
        )
    ]
    return ReportFigures(total=len(kinds), by_kind=kind_counts(kinds))


@dataclass(frozen=True)
class GradeFigures:
    #: {evaluation kind: {grade: count}} for the kinds that have evaluations
    by_kind: dict
    #: {grade: count} of all of them
    total: dict


def grade_figures(year, jurisdiction=None, unrestricted=False):
    """The grades of ``year``'s evaluations whose result counts (approved,
    fed back, published) by evaluation kind, in the kinds' order."""
    pairs = list(
        metadata_rows(
            ["evaluation_kind", "evaluation_grade"],
            unrestricted=unrestricted,
            **result_query(year, jurisdiction),
        )
    )
    by_kind = {
        kind: grade_counts(grade for k, grade in pairs if k == kind)
        for kind in EVALUATION_KINDS
        if any(k == kind for k, grade in pairs)
    }
    return GradeFigures(
        by_kind=by_kind,
        total=grade_counts(grade for kind, grade in pairs),
    )


# --- rectification -------------------------------------------------------------


@dataclass(frozen=True)
class JurisdictionRectification:
    jurisdiction: str
    title: str
    counts: RectificationCounts


def rectification_figures(year, jurisdiction=None, today=None, unrestricted=False):
    """The rectification of ``year``'s fed-back items (open, submitted,
    accepted, reopened): overall and by jurisdiction (by pinyin), and the
    target rate."""
    today = today or today_in_china()
    settings = rectification_settings()
    items, titles = {}, {}
    for key, title, state, deadline in metadata_rows(
        ["jurisdiction", "jurisdiction_title", "review_state", "deadline"],
        unrestricted=unrestricted,
        **rectification_query(year, jurisdiction),
    ):
        titles.setdefault(key, title or "")
        items.setdefault(key, []).append((state, as_date(deadline)))
    overall = rectification_counts(
        (item for each in items.values() for item in each), today, settings
    )
    by_jurisdiction = [
        JurisdictionRectification(
            jurisdiction=key,
            title=titles[key],
            counts=rectification_counts(items[key], today, settings),
        )
        for key in sorted(titles, key=lambda key: pinyin_sort_string(titles[key] or ""))
    ]
    return overall, by_jurisdiction, settings.target_rate


# --- negative list ---------------------------------------------------------------


def negative_list_figures(year, jurisdiction=None, unrestricted=False):
    """``{reason: {state: count}}`` of ``year``'s negative-list entries the
    user may see (``rules.negative_list.negative_list_counts``)."""
    return negative_list_counts(
        metadata_rows(
            ["negative_reason", "review_state"],
            unrestricted=unrestricted,
            **negative_list_query(year, jurisdiction),
        )
    )


# --- result application ----------------------------------------------------------


def application_figures(year):
    """The year's stored result-application run: projects, recommendations
    by action, negative-list proposals and how many of them the office
    confirmed (listed); None when the run was never made. The run is the
    office's: read whoever asks."""
    from changde.perfmgmt.evaluation.application import stored_run

    folder = evaluation_folder(create=False)
    run = stored_run(folder, year) if folder is not None else None
    if run is None:
        return None
    by_action = dict.fromkeys(ACTIONS, 0)
    proposals = []
    for item in run["items"]:
        for recommendation in item["recommendations"]:
            if recommendation["action"] in by_action:
                by_action[recommendation["action"]] += 1
        proposals.extend(
            proposal["entry"]
            for proposal in item["negative_list_proposals"]
            if proposal.get("entry")
        )
    confirmed = 0
    if proposals:
        catalog = api.portal.get_tool("portal_catalog")
        confirmed = len(
            catalog.unrestrictedSearchResults(
                portal_type="NegativeListEntry", UID=proposals, review_state="listed"
            )
        )
    return {
        "year": year,
        "run_at": run.get("run_at"),
        "projects": len(run["items"]),
        "recommendations": sum(by_action.values()),
        "by_action": by_action,
        "proposals": len(proposals),
        "confirmed": confirmed,
    }
