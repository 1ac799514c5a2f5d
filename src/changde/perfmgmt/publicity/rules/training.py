"""Training (培训, R-M2): when a training's sign-up and feedback forms are
open, the averages of the feedback's ratings, and attendance by district and
unit (who signed up, who came).

Dates are Beijing dates (the caller passes ``today_in_china()``).
"""

from collections.abc import Iterable
from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from changde.perfmgmt.core.rules.numbers import percent
from changde.perfmgmt.core.rules.numbers import round_decimal
from changde.perfmgmt.core.rules.violations import Violation

#: the feedback form's rated questions, in the order the form asks them
RATING_CRITERIA = ("rating_content", "rating_lecturer", "rating_organisation")
RATING_MIN = 1
RATING_MAX = 5

#: audiences a training is for (R-M2)
AUDIENCES = ("districts", "units", "agencies", "experts")

#: what a training material is
MATERIAL_KINDS = ("document", "slides", "link", "video")

#: the key of sign-ups that named no district or unit of the city (an agency,
#: an expert, another organisation)
OTHER = "other"


def signup_violations(
    today: date, start: date | None, deadline: date | None = None
) -> list[Violation]:
    """Sign-up is open until the deadline, or without one until the day the
    training starts (both included)."""
    last_day = deadline or start
    if last_day is None or today <= last_day:
        return []
    return [
        Violation(
            "training_signup_closed",
            "Sign-up for this training closed on ${date}.",
            None,
            {"date": last_day.isoformat()},
        )
    ]


def signup_answer_violations(
    organisation: str | None, other_name: str | None
) -> list[Violation]:
    """A sign-up names the person's district or unit — or, for an agency or
    an expert, the name of their organisation (attendance is counted by
    it)."""
    if not organisation:
        return [
            Violation(
                "training_signup_organisation_missing",
                "Choose your unit or district.",
                "organisation",
            )
        ]
    if organisation == OTHER and not (other_name or "").strip():
        return [
            Violation(
                "training_signup_other_missing",
                "Give the name of your organisation.",
                "organisation_other",
            )
        ]
    return []


def feedback_violations(today: date, start: date | None) -> list[Violation]:
    """Feedback is given from the day the training starts."""
    if start is None or today >= start:
        return []
    return [
        Violation(
            "training_feedback_not_yet",
            "Feedback opens when the training starts, on ${date}.",
            None,
            {"date": start.isoformat()},
        )
    ]


def material_violations(kind: str | None, has_file: bool, link) -> list[Violation]:
    """A material is a file or a link: a link material needs its address,
    every other kind a file or a link; a link is a web address (http or
    https: a ``javascript:`` link would run in the reader's browser)."""
    if link and not str(link).lower().startswith(("http://", "https://")):
        return [
            Violation(
                "training_material_link_not_web",
                "The link must be a web address beginning with http:// or https://.",
                "link",
            )
        ]
    if kind == "link" and not link:
        return [
            Violation(
                "training_material_link_missing",
                "A link material needs its address.",
                "link",
            )
        ]
    if not has_file and not link:
        return [
            Violation(
                "training_material_empty",
                "Attach the file, or give the address of the material.",
                "file",
            )
        ]
    return []


def is_upcoming(end: date | None, start: date | None, today: date) -> bool:
    """Upcoming (or under way) until its last day has passed."""
    last = end or start
    return last is None or last >= today


def rating(value) -> int | None:
    """A rating as a whole number 1–5, or None (not given, not a rating)."""
    if isinstance(value, bool):
        return None
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return number if RATING_MIN <= number <= RATING_MAX else None


def feedback_averages(
    rows: Iterable[Mapping], criteria: Iterable[str] = RATING_CRITERIA
) -> dict:
    """The average of each rated question over the feedback ``rows`` (two
    decimals; None without ratings), the number of ratings each, the overall
    average of every rating given and the number of rows."""
    rows = list(rows)
    criteria = tuple(criteria)
    by_criterion = {}
    every = []
    for criterion in criteria:
        values = [r for r in (rating(row.get(criterion)) for row in rows) if r]
        every.extend(values)
        by_criterion[criterion] = {
            "count": len(values),
            "average": _average(values),
        }
    return {
        "responses": len(rows),
        "criteria": by_criterion,
        "overall": _average(every),
    }


def _average(values) -> Decimal | None:
    if not values:
        return None
    return round_decimal(Decimal(sum(values)) / Decimal(len(values)), 2)


def attendance_summary(signups: Iterable[Mapping]) -> dict:
    """Attendance by district (jurisdiction) and unit.

    Each sign-up is a mapping with ``jurisdiction`` and ``unit`` (keys; a
    district's own finance bureau has no unit; :data:`OTHER` for outside
    organisations) and ``attended`` (bool). Answers the totals and one row
    per jurisdiction with its units, each with ``signed_up``, ``attended``
    and ``rate`` (percent of those signed up who came, None without any),
    in the order the jurisdictions and units first appear.
    """
    groups = {}
    total = attended = 0
    for signup in signups:
        came = bool(signup.get("attended"))
        total += 1
        attended += came
        jurisdiction = signup.get("jurisdiction") or OTHER
        group = groups.setdefault(
            jurisdiction,
            {"key": jurisdiction, "signed_up": 0, "attended": 0, "units": {}},
        )
        group["signed_up"] += 1
        group["attended"] += came
        unit_key = signup.get("unit") or ""
        unit = group["units"].setdefault(
            unit_key, {"key": unit_key, "signed_up": 0, "attended": 0}
        )
        unit["signed_up"] += 1
        unit["attended"] += came
    rows = []
    for group in groups.values():
        units = [_with_rate(unit) for unit in group["units"].values()]
        rows.append({**_with_rate(group), "units": units})
    return {
        "signed_up": total,
        "attended": attended,
        "rate": _rate(total, attended),
        "jurisdictions": rows,
    }


def _rate(total, attended):
    return percent(attended, total) if total else None


def _with_rate(row):
    counts = {key: value for key, value in row.items() if key != "units"}
    return {**counts, "rate": _rate(row["signed_up"], row["attended"])}
