"""Rounds of internal review: how many a year, their numbers, and the
reports a round reviews."""

from collections.abc import Iterable
from collections.abc import Sequence
from dataclasses import dataclass

from changde.perfmgmt.core.rules.values import is_count
from changde.perfmgmt.core.rules.violations import Violation
from changde.perfmgmt.core.rules.violations import raise_if_violations
from changde.perfmgmt.libraries.rules.review_scoring import DEFAULT_REVIEW_SETTINGS
from changde.perfmgmt.libraries.rules.review_scoring import ReviewSettings
from changde.perfmgmt.libraries.rules.review_scoring import validate_review_settings


@dataclass(frozen=True)
class RoundsStatus:
    """Internal-review rounds held against the yearly plan."""

    held: int
    planned: int
    remaining: int
    complete: bool


def rounds_status(
    held: int, settings: ReviewSettings = DEFAULT_REVIEW_SETTINGS
) -> RoundsStatus:
    """Rounds held this year against ``rounds_per_year``.

    More rounds than planned are allowed (``remaining`` is then 0).
    """
    raise_if_violations(validate_review_settings(settings))
    if not is_count(held, 0):
        raise ValueError(f"held must be a whole number ≥ 0: {held!r}")
    planned = settings.rounds_per_year
    return RoundsStatus(
        held=held,
        planned=planned,
        remaining=max(0, planned - held),
        complete=held >= planned,
    )


def review_round_number_violation(
    year: int, number: int, numbers_taken: Iterable[int]
) -> Violation | None:
    """A violation when ``year`` already has a round numbered ``number``
    (``numbers_taken``: the numbers of the year's other rounds)."""
    if number is None or number not in set(numbers_taken):
        return None
    return Violation(
        code="review_round_number_taken",
        default="${year} already has internal-review round ${number}.",
        field="number",
        params={"year": year, "number": number},
    )


def reviewed_report_violations(
    uids: Sequence[str | None], known_uids: Iterable[str]
) -> dict[int, Violation]:
    """Reviewed-report rows (0-based index) whose ``uid`` is not an evaluation
    report of the system (``known_uids``), or names the report of an earlier
    row. A row without a uid is a report outside the system (a title only)."""
    known = set(known_uids)
    seen = set()
    answer = {}
    for index, uid in enumerate(uids):
        if not uid:
            continue
        if uid not in known:
            answer[index] = Violation(
                code="review_row_report_unknown",
                default="“${uid}” is not an evaluation report of the system.",
                field="uid",
                params={"uid": uid},
            )
        elif uid in seen:
            answer[index] = Violation(
                code="review_row_report_twice",
                default="This evaluation report is on an earlier row already.",
                field="uid",
                params={"uid": uid},
            )
        seen.add(uid)
    return answer
