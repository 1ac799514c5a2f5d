"""The progress of a project's indicators reported in a round."""

from collections.abc import Iterable
from decimal import Decimal

from changde.perfmgmt.core.rules.values import is_blank
from changde.perfmgmt.core.rules.violations import Violation

#: The keys of one row of a record's indicator progress.
PROGRESS_KEYS = (
    "indicator",
    "title",
    "target_value",
    "actual_value",
    "on_track",
    "deviation_cause",
    "corrective_measure",
)


def validate_progress_row(row, prefix: str = "indicators") -> list[Violation]:
    """Violations of one indicator-progress row (a dict).

    ``indicator`` (the indicator's UID or title) is required; ``on_track``
    is true, false or missing; the texts are texts or numbers. A row off
    track should say why (``deviation_cause``).
    """
    if not isinstance(row, dict):
        return [
            Violation(
                code="monitoring_progress_not_an_object",
                default="An indicator's progress must be an object.",
                field=prefix,
            )
        ]
    violations = []
    unknown = sorted(set(row) - set(PROGRESS_KEYS))
    for key in unknown:
        violations.append(
            Violation(
                code="monitoring_field_unknown",
                default="Unknown field '${name}'.",
                field=f"{prefix}.{key}",
                params={"name": key},
            )
        )
    if is_blank(row.get("indicator")) or not isinstance(row.get("indicator"), str):
        violations.append(
            Violation(
                code="monitoring_progress_indicator_required",
                default="Name the indicator (its UID or title).",
                field=f"{prefix}.indicator",
            )
        )
    on_track = row.get("on_track")
    if on_track is not None and not isinstance(on_track, bool):
        violations.append(
            Violation(
                code="monitoring_progress_on_track_invalid",
                default="'On track' is yes or no (got '${value}').",
                field=f"{prefix}.on_track",
                params={"value": on_track},
            )
        )
    for key in ("title", "target_value", "actual_value"):
        value = row.get(key)
        if value is not None and not isinstance(value, str | int | float | Decimal):
            violations.append(
                Violation(
                    code="monitoring_progress_text_invalid",
                    default="'${name}' must be a text or a number.",
                    field=f"{prefix}.{key}",
                    params={"name": key},
                )
            )
    for key in ("deviation_cause", "corrective_measure"):
        value = row.get(key)
        if value is not None and not isinstance(value, str):
            violations.append(
                Violation(
                    code="monitoring_progress_text_invalid",
                    default="'${name}' must be a text or a number.",
                    field=f"{prefix}.{key}",
                    params={"name": key},
                )
            )
    if on_track is False and is_blank(row.get("deviation_cause")):
        violations.append(
            Violation(
                code="monitoring_progress_cause_required",
                default="An indicator off track needs the cause of the deviation.",
                field=f"{prefix}.deviation_cause",
            )
        )
    return violations


def parse_yes_no(value):
    """``True``/``False`` from a cell: 是/否, yes/no, true/false, 1/0, ✓.

    ``None`` for a blank cell; the value itself when it cannot be read (so
    that :func:`validate_progress_row` names it).
    """
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    text = str(value).strip().lower()
    if not text:
        return None
    if text in ("是", "yes", "y", "true", "1", "✓", "达标", "正常"):
        return True
    if text in ("否", "no", "n", "false", "0", "✗", "未达标", "偏离"):
        return False
    return value


def validate_progress(
    rows, indicators: Iterable[str], prefix: str = "indicator_progress"
) -> list[Violation]:
    """Violations of a record's whole indicator progress (a list of rows).

    Each row passes :func:`validate_progress_row` and names, by its UID, one
    of ``indicators`` (the UIDs of the project's indicators), at most once.
    Fields are ``<prefix>[<index>].<key>``.
    """
    if not isinstance(rows, list | tuple):
        return [
            Violation(
                code="monitoring_progress_not_a_list",
                default="The indicator progress must be a list of rows.",
                field=prefix,
            )
        ]
    known = set(indicators)
    violations = []
    seen = {}
    for index, row in enumerate(rows):
        field = f"{prefix}[{index}]"
        violations.extend(validate_progress_row(row, prefix=field))
        uid = row.get("indicator") if isinstance(row, dict) else None
        if not isinstance(uid, str) or not uid.strip():
            continue  # named by validate_progress_row
        uid = uid.strip()
        if uid not in known:
            violations.append(
                Violation(
                    code="monitoring_indicator_unknown",
                    default="The project has no indicator '${indicator}'.",
                    field=f"{field}.indicator",
                    params={"indicator": uid},
                )
            )
        elif uid in seen:
            violations.append(
                Violation(
                    code="monitoring_progress_indicator_twice",
                    default="The indicator '${indicator}' is already in row ${first}.",
                    field=f"{field}.indicator",
                    params={"indicator": uid, "first": seen[uid] + 1},
                )
            )
        else:
            seen[uid] = index
    return violations


def merge_progress(existing: Iterable[dict], updates: Iterable[dict]) -> list[dict]:
    """A record's indicator progress with ``updates`` applied.

    Rows are matched by ``indicator`` (the indicator's UID); an update
    replaces the values it gives and keeps the others; new indicators are
    appended in the order given.
    """
    merged = [dict(row) for row in existing or ()]
    index = {row.get("indicator"): row for row in merged}
    for update in updates or ():
        row = index.get(update.get("indicator"))
        if row is None:
            row = {}
            merged.append(row)
            index[update.get("indicator")] = row
        row.update({key: value for key, value in update.items() if value is not None})
    return merged
