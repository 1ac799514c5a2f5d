"""Evaluation's numbers for the dashboards, the workbench and the annual
report, read from catalog metadata (no report, item or entry is woken): the
grade distribution of the year's evaluations, the rectification rate with
the overdue items, the negative list by reason. The arithmetic is in
:mod:`changde.perfmgmt.evaluation.rules` (grades, rectification,
negative_list).

Everything is counted as the current user may see it (restricted searches).
"""

import datetime
from dataclasses import dataclass

from changde.perfmgmt.core.catalog_rows import metadata_rows
from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.core.rules.pinyin import pinyin_sort_string
from changde.perfmgmt.evaluation.reports import COUNTED_ITEM_STATES
from changde.perfmgmt.evaluation.reports import RESULT_STATES
from changde.perfmgmt.evaluation.rules.grades import grade_counts
from changde.perfmgmt.evaluation.rules.kinds import EVALUATION_KINDS
from changde.perfmgmt.evaluation.rules.negative_list import negative_list_counts
from changde.perfmgmt.evaluation.rules.rectification import RectificationCounts
from changde.perfmgmt.evaluation.rules.rectification import rectification_counts
from changde.perfmgmt.evaluation.settings import rectification_settings


def _query(portal_type, year, jurisdiction=None, **query):
    query.update(portal_type=portal_type, year=year)
    if jurisdiction:
        query["jurisdiction"] = jurisdiction
    return query


def as_date(value):
    """A deadline from metadata as a date (a Zope DateTime is converted)."""
    if isinstance(value, datetime.date):
        return value
    if hasattr(value, "asdatetime"):
        return value.asdatetime().date()
    return None


# --- grades --------------------------------------------------------------------


@dataclass(frozen=True)
class GradeFigures:
    #: {evaluation kind: {grade: count}} for the kinds that have evaluations
    by_kind: dict
    #: {grade: count} of all of them
    total: dict


def grade_figures(year, jurisdiction=None):
    """The grades of ``year``'s evaluations whose result counts (approved,
    fed back, published) by evaluation kind, in the kinds' order."""
    pairs = list(
        metadata_rows(
            ["evaluation_kind", "evaluation_grade"],
            **_query(
                "EvaluationReport", year, jurisdiction, review_state=list(RESULT_STATES)
            ),
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


def rectification_figures(year, jurisdiction=None, today=None):
    """The rectification of ``year``'s fed-back items (open, submitted,
    accepted, reopened): overall and by jurisdiction (by pinyin)."""
    today = today or today_in_china()
    settings = rectification_settings()
    items, titles = {}, {}
    for key, title, state, deadline in metadata_rows(
        ["jurisdiction", "jurisdiction_title", "review_state", "deadline"],
        **_query(
            "RectificationItem",
            year,
            jurisdiction,
            review_state=list(COUNTED_ITEM_STATES),
        ),
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


def negative_list_figures(year, jurisdiction=None):
    """``{reason: {state: count}}`` of ``year``'s negative-list entries the
    user may see (``rules.negative_list.negative_list_counts``)."""
    return negative_list_counts(
        metadata_rows(
            ["negative_reason", "review_state"],
            **_query("NegativeListEntry", year, jurisdiction),
        )
    )
