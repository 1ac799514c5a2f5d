"""The column's listings: what a section holds, the years and kinds to
filter by, upcoming and past trainings, the rectification status shown next
to a published report, and the publicity record's counts (宣传, R-M1) that the
annual report reads.
"""

import re
from collections.abc import Iterable
from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from changde.perfmgmt.core.rules.numbers import percent

#: the sections of the performance column (绩效管理专栏), in page order
SECTION_KINDS = ("policies", "news", "reports", "training", "feedback")

#: what each section holds (the reports section lists the evaluation
#: module's published reports; the feedback section explains the form)
SECTION_TYPES = {
    "policies": ("PolicyDocument",),
    "news": ("PublicityItem",),
    "reports": (),
    "training": ("TrainingEvent", "TrainingMaterial"),
    "feedback": (),
}

#: the publicity record (宣传): news, work meetings (工作布置会) and internal
#: review meetings (内部点评会); the catalog's ``publicity_kind``
PUBLICITY_KINDS = ("news", "work_meeting", "internal_review_meeting")

#: where a policy comes from
POLICY_LEVELS = ("central", "provincial", "municipal", "other")

#: the rectification status of a published report's unit
RECTIFICATION_NONE = "none"  # no rectification item (nothing to rectify)
RECTIFICATION_DONE = "done"  # every item accepted
RECTIFICATION_UNDER_WAY = "under_way"  # items still open

#: the year a report's name ends with, as the public feedback form saves it:
#: ``义务教育专项重点评价（2026）``
REPORT_YEAR = re.compile(r"[（(](\d{4})[）)](?:\s*\[[^\]]*\])?\s*$")


def years(values: Iterable) -> list[int]:
    """The distinct years among ``values``, newest first (None skipped)."""
    return sorted({int(value) for value in values if value}, reverse=True)


def split_upcoming_past(
    events: Iterable[Mapping], today: date
) -> tuple[list[Mapping], list[Mapping]]:
    """Trainings (mappings with ``start`` and ``end`` dates) split into the
    upcoming ones (and those under way), soonest first, and the past ones,
    latest first."""
    upcoming, past = [], []
    for event in events:
        last = event.get("end") or event.get("start")
        (upcoming if last is None or last >= today else past).append(event)
    upcoming.sort(key=lambda event: event.get("start") or date.max)
    past.sort(key=lambda event: event.get("start") or date.min, reverse=True)
    return upcoming, past


def rectification_status(total: int, accepted: int) -> dict:
    """The status shown next to a published report: no items, all accepted,
    or under way, with the rate of accepted items."""
    if not total:
        status = RECTIFICATION_NONE
    elif accepted >= total:
        status = RECTIFICATION_DONE
    else:
        status = RECTIFICATION_UNDER_WAY
    rate: Decimal | None = percent(accepted, total) if total else None
    return {"status": status, "total": total, "accepted": accepted, "rate": rate}


def report_year(name: str | None) -> int | None:
    """The year at the end of a report's name as the feedback form saved it
    (``…（2026）``), or None."""
    match = REPORT_YEAR.search(name or "")
    return int(match.group(1)) if match else None


def publicity_counts(kinds: Iterable[str]) -> dict:
    """How many items of each publicity kind (every kind present, 0 when none)
    and the total."""
    counts = dict.fromkeys(PUBLICITY_KINDS, 0)
    for kind in kinds:
        if kind in counts:
            counts[kind] += 1
    return {**counts, "total": sum(counts.values())}


def group_feedback(rows: Iterable[Mapping]) -> list[dict]:
    """Public feedback rows (mappings with ``report`` and ``year``) grouped by
    year, newest first, then by report name; rows without a report are
    grouped under None at the end of their year."""
    groups: dict = {}
    for row in rows:
        year = row.get("year")
        report = row.get("report") or None
        groups.setdefault(year, {}).setdefault(report, []).append(row)
    answer = []
    for year in sorted(groups, key=lambda y: (y is None, -(y or 0))):
        reports = groups[year]
        names = sorted(reports, key=lambda name: (name is None, name or ""))
        answer.append(
            {
                "year": year,
                "reports": [{"report": name, "rows": reports[name]} for name in names],
            }
        )
    return answer
