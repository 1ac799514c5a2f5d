"""Evaluation's numbers over plain values: the grade distribution of
evaluations (R-M10), the rectification rate with the overdue items (R-M12)
and the negative list by reason (R-M13).

The dashboards, the workbench and the annual report count with these
functions; :mod:`changde.perfmgmt.evaluation.figures` reads the plain values
from catalog metadata. Nothing here imports Zope or Plone.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from changde.perfmgmt.evaluation.rules import DEFAULT_RECTIFICATION_SETTINGS
from changde.perfmgmt.evaluation.rules import GRADES
from changde.perfmgmt.evaluation.rules import NEGATIVE_LIST_REASONS
from changde.perfmgmt.evaluation.rules import RectificationSettings
from changde.perfmgmt.evaluation.rules import is_item_overdue
from changde.perfmgmt.evaluation.rules import rectification_met
from changde.perfmgmt.evaluation.rules import rectification_rate

#: The key of evaluations without a grade in :func:`grade_counts`.
UNGRADED = "ungraded"


def grade_counts(grades: Iterable) -> dict:
    """How many evaluations have each grade: ``{grade: count}`` for every
    grade of :data:`GRADES` in their order (优 first, 0 where none), then
    :data:`UNGRADED` for those without a (known) grade."""
    counts = dict.fromkeys((*GRADES, UNGRADED), 0)
    for grade in grades:
        counts[grade if grade in GRADES else UNGRADED] += 1
    return counts


@dataclass(frozen=True)
class RectificationCounts:
    """Fed-back rectification items: how many, accepted, overdue; the rate
    (accepted over all, rounded down: 100.00 means every item) and whether
    it reaches the target."""

    total: int
    accepted: int
    overdue: int
    rate: Decimal | None
    met: bool


def rectification_counts(
    items: Iterable,
    today: date,
    settings: RectificationSettings = DEFAULT_RECTIFICATION_SETTINGS,
) -> RectificationCounts:
    """Counts of ``items``, each ``(status, deadline)`` with a status of
    :data:`RECTIFICATION_STATUSES` and a date or None; an item is overdue
    when not accepted after its deadline (:func:`rules.is_item_overdue`)."""
    total = accepted = overdue = 0
    for status, deadline in items:
        total += 1
        accepted += status == "accepted"
        overdue += is_item_overdue(deadline, status, today)
    rate = rectification_rate(total, accepted)
    return RectificationCounts(
        total=total,
        accepted=accepted,
        overdue=overdue,
        rate=rate,
        met=rectification_met(rate, settings),
    )


def negative_list_counts(entries: Iterable) -> dict:
    """``{reason: {state: count}}`` of ``entries``, each ``(reason,
    state)``: every reason of :data:`NEGATIVE_LIST_REASONS` in its order
    (with ``{}`` where there is none), an unknown reason under ``other``."""
    counts = {reason: {} for reason in NEGATIVE_LIST_REASONS}
    for reason, state in entries:
        by_state = counts[reason if reason in counts else "other"]
        by_state[state] = by_state.get(state, 0) + 1
    return counts
