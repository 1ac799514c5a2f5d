"""Business rules of monitoring (运行监控, requirement R-M9).

Work plan measure 9: at least two monitoring rounds a year. By default the
first round looks at the execution rate at the end of October (target 60%,
focus on the soundness of the budget and the safety of funds), the second at
the end of December (target 85%, focus on compliance, timeliness,
effectiveness and completeness). Each round's result is reported to the
leadership group within 10 working days of the following month. Execution
below target is flagged, serious problems can suspend funding (R-M10), and
flagged results enter the negative list (R-M13).

Plain Python: nothing here imports Zope or Plone. Amounts and rates are
:class:`~decimal.Decimal`; rates are percentages (``Decimal("60.00")`` is
60%).
"""

import calendar as _calendar
from collections.abc import Iterable
from dataclasses import asdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from changde.perfmgmt.core.rules import HUNDRED
from changde.perfmgmt.core.rules import Violation
from changde.perfmgmt.core.rules import is_blank
from changde.perfmgmt.core.rules import is_count
from changde.perfmgmt.core.rules import percent
from changde.perfmgmt.core.rules import to_decimal
from changde.perfmgmt.core.workdays import WorkdayCalendar
from changde.perfmgmt.core.workdays import as_date

#: Focus items of a round: id → Chinese label (the labels of the work plan).
FOCUS_ITEMS = {
    "soundness": "科学性",
    "fund_safety": "资金安全性",
    "compliance": "规范性",
    "timeliness": "及时性",
    "effectiveness": "有效性",
    "completeness": "完整性",
}

#: Severity of the problems found in a project's monitoring, mildest first.
SEVERITIES = ("none", "minor", "serious")

#: What :func:`report_status` answers.
REPORT_STATUSES = ("reported", "reported_late", "pending", "overdue")

#: Rule of the work plan: at least this many rounds a year.
MIN_ROUNDS_PER_YEAR = 2

#: The flags a record can raise (:func:`flag_names`; catalog index
#: ``monitoring_flags``).
FLAGS = ("below_target", "suspension", "over_budget")

#: Record states a batch import may not overwrite: the unit has submitted the
#: record or the office has confirmed it; the office returns it first.
LOCKED_STATES = ("submitted", "confirmed")


@dataclass(frozen=True)
class RoundDefault:
    """A round as configured for every year: cut-off month/day and target.

    A ``cutoff_day`` past the end of the month means the month's last day.
    """

    round_number: int
    cutoff_month: int
    cutoff_day: int
    target_rate: Decimal
    focus: tuple[str, ...]


DEFAULT_ROUNDS = (
    RoundDefault(
        round_number=1,
        cutoff_month=10,
        cutoff_day=31,
        target_rate=Decimal("60"),
        focus=("soundness", "fund_safety"),
    ),
    RoundDefault(
        round_number=2,
        cutoff_month=12,
        cutoff_day=31,
        target_rate=Decimal("85"),
        focus=("compliance", "timeliness", "effectiveness", "completeness"),
    ),
)


@dataclass(frozen=True)
class MonitoringSettings:
    """The office's monitoring settings, with the work plan's defaults."""

    report_working_days: int = 10
    default_rounds: tuple[RoundDefault, ...] = DEFAULT_ROUNDS


@dataclass(frozen=True)
class RoundPlan:
    """One year's round, ready to be created as content."""

    year: int
    round_number: int
    cutoff_date: date
    target_rate: Decimal
    focus: tuple[str, ...]

    def as_dict(self) -> dict:
        """Plain data (the dataclass fields)."""
        return asdict(self)


def cutoff_date_for(year: int, month: int, day: int) -> date:
    """The cut-off date; a day past the month's end is its last day."""
    last = _calendar.monthrange(year, month)[1]
    return date(year, month, min(day, last))


def default_rounds_for_year(
    year: int, settings: MonitoringSettings | None = None
) -> list[RoundPlan]:
    """The default rounds of ``year``, ordered by round number."""
    settings = settings or MonitoringSettings()
    return [
        RoundPlan(
            year=year,
            round_number=default.round_number,
            cutoff_date=cutoff_date_for(year, default.cutoff_month, default.cutoff_day),
            target_rate=to_decimal(default.target_rate, strict=True),
            focus=tuple(default.focus),
        )
        for default in sorted(settings.default_rounds, key=lambda r: r.round_number)
    ]


def validate_settings(settings: MonitoringSettings) -> list[Violation]:
    """Violations in the office's monitoring settings.

    At least two rounds a year with distinct numbers, valid cut-off months
    and days, targets between 0 and 100, known focus items, and a report
    period of at least one working day.
    """
    violations = []
    days = settings.report_working_days
    if not is_count(days, 1):
        violations.append(
            Violation(
                code="monitoring_report_days_invalid",
                default="The report period must be at least one working day.",
                field="report_working_days",
                params={"value": days},
            )
        )
    rounds = tuple(settings.default_rounds)
    if len(rounds) < MIN_ROUNDS_PER_YEAR:
        violations.append(
            Violation(
                code="monitoring_too_few_rounds",
                default="At least ${minimum} monitoring rounds a year are required.",
                field="default_rounds",
                params={"minimum": MIN_ROUNDS_PER_YEAR},
            )
        )
    numbers = [r.round_number for r in rounds]
    if len(set(numbers)) != len(numbers):
        violations.append(
            Violation(
                code="monitoring_round_number_duplicate",
                default="Each round needs its own number.",
                field="default_rounds",
            )
        )
    for default in rounds:
        number = default.round_number
        if not 1 <= default.cutoff_month <= 12 or not 1 <= default.cutoff_day <= 31:
            violations.append(
                Violation(
                    code="monitoring_cutoff_invalid",
                    default="Round ${round}: the cut-off date is not a valid date.",
                    field="default_rounds",
                    params={"round": number},
                )
            )
        target = to_decimal(default.target_rate)
        if target is None or not 0 <= target <= HUNDRED:
            violations.append(
                Violation(
                    code="monitoring_target_invalid",
                    default="Round ${round}: the target rate must be 0 to 100.",
                    field="default_rounds",
                    params={"round": number, "value": default.target_rate},
                )
            )
        for item in default.focus:
            if item not in FOCUS_ITEMS:
                violations.append(
                    Violation(
                        code="monitoring_focus_unknown",
                        default="Round ${round}: unknown focus item '${item}'.",
                        field="default_rounds",
                        params={"round": number, "item": item},
                    )
                )
    return violations


def validate_round_unique(year, round_number, taken: Iterable) -> list[Violation]:
    """A violation when another round of ``year`` has ``round_number``
    already; ``taken`` are the ``(year, round_number)`` pairs of the other
    rounds. A year has one round of each number."""
    if (year, round_number) not in set(taken):
        return []
    return [
        Violation(
            code="monitoring_round_duplicate",
            default="${year} already has a round ${round}.",
            field="round_number",
            params={"year": year, "round": round_number},
        )
    ]


# Reporting deadline


def report_due(
    cutoff_date,
    calendar: WorkdayCalendar | None = None,
    working_days: int = 10,
) -> date:
    """The day by which a round's report must reach the leadership group.

    Rule (work plan measure 9): "within 10 working days of the next month"
    (次月10个工作日内). The report month is the month after the cut-off
    month (a December cut-off reports in January of the following year);
    the due date is the ``working_days``-th working day on or after the
    1st of that month, i.e. the last day of the period, on which the report
    is still on time. Working days come from ``calendar`` (a plain
    :class:`WorkdayCalendar` when none is given), so statutory holidays,
    adjusted working weekends and the office's entries all count.
    """
    cutoff_date = as_date(cutoff_date)
    calendar = calendar or WorkdayCalendar()
    if cutoff_date.month == 12:
        first = date(cutoff_date.year + 1, 1, 1)
    else:
        first = date(cutoff_date.year, cutoff_date.month + 1, 1)
    return calendar.nth_workday_on_or_after(first, working_days)


def is_overdue(due_date, reported_on, today) -> bool:
    """Not reported yet and the due date has passed (the due day is on time)."""
    return reported_on is None and as_date(today) > as_date(due_date)


def report_status(due_date, reported_on, today) -> str:
    """Where a round's report stands.

    ``'reported'`` (on or before the due date), ``'reported_late'`` (after
    it), ``'pending'`` (not reported, due date not passed) or ``'overdue'``
    (not reported, due date passed).
    """
    due_date = as_date(due_date)
    if reported_on is not None:
        return "reported" if as_date(reported_on) <= due_date else "reported_late"
    return "overdue" if as_date(today) > due_date else "pending"


# Amounts and execution rate


def validate_amounts(budget_amount, executed_amount) -> list[Violation]:
    """Violations for a record's budget and executed amounts.

    Each amount must be given, be a number and not be negative. A budget of
    0 and an executed amount above the budget are allowed (see
    :func:`execution_rate`).
    """
    violations = []
    for field, value in (
        ("budget_amount", budget_amount),
        ("executed_amount", executed_amount),
    ):
        if is_blank(value):
            violations.append(
                Violation(
                    code="monitoring_amount_required",
                    default="Enter an amount.",
                    field=field,
                )
            )
            continue
        number = to_decimal(value)
        if number is None:
            violations.append(
                Violation(
                    code="monitoring_amount_not_a_number",
                    default="'${value}' is not a number.",
                    field=field,
                    params={"value": value},
                )
            )
        elif number < 0:
            violations.append(
                Violation(
                    code="monitoring_amount_negative",
                    default="The amount cannot be negative (${value}).",
                    field=field,
                    params={"value": value},
                )
            )
    return violations


def execution_rate(budget_amount, executed_amount) -> Decimal | None:
    """Executed amount as a percentage of the budget, to 2 places.

    Rounded half up (59.995 → 60.00). ``None`` when there is no meaningful
    rate: the budget is 0 or an amount is missing. Executing more than the
    budget gives a rate above 100, which is returned as it is. Amounts that
    :func:`validate_amounts` rejects (not numbers, negative) raise
    ``ValueError``.
    """
    if is_blank(budget_amount) or is_blank(executed_amount):
        return None
    if validate_amounts(budget_amount, executed_amount):
        raise ValueError(
            "invalid amounts: "
            f"budget_amount={budget_amount!r}, executed_amount={executed_amount!r}"
        )
    return percent(executed_amount, budget_amount)


def below_target(rate, target_rate) -> bool:
    """Whether ``rate`` misses ``target_rate`` (60.00 meets 60; 59.99 not).

    No rate (``None``) is never below target. Compare the rounded rate of
    :func:`execution_rate` so the flag agrees with the rate people see.
    """
    if rate is None:
        return False
    rate_number, target_number = to_decimal(rate), to_decimal(target_rate)
    if rate_number is None or target_number is None:
        raise ValueError(f"not a number: rate={rate!r}, target={target_rate!r}")
    return rate_number < target_number


def suspension_flag(severity) -> bool:
    """Serious problems can suspend funding until rectified (R-M10)."""
    return severity == "serious"


def validate_severity(severity) -> list[Violation]:
    """A violation when ``severity`` is not one of :data:`SEVERITIES`."""
    if severity in SEVERITIES:
        return []
    return [
        Violation(
            code="monitoring_severity_unknown",
            default="Unknown severity '${value}'.",
            field="severity",
            params={"value": severity},
        )
    ]


@dataclass(frozen=True)
class RecordFlags:
    """What one project's monitoring result triggers."""

    below_target: bool
    suspend_funding: bool
    over_budget: bool = False

    @property
    def flagged(self) -> bool:
        """Whether the result goes to the negative list (R-M13)."""
        return self.below_target or self.suspend_funding


def record_flags(rate, target_rate, severity) -> RecordFlags:
    """The flags of one record: below target, funding to suspend, over 100%."""
    rate_number = None if rate is None else to_decimal(rate)
    return RecordFlags(
        below_target=below_target(rate, target_rate),
        suspend_funding=suspension_flag(severity),
        over_budget=rate_number is not None and rate_number > HUNDRED,
    )


class TargetShare(NamedTuple):
    """How many records of a round meet the target."""

    count_meeting: int
    total: int
    share: Decimal | None


def share_meeting_target(rates: Iterable, target_rate) -> TargetShare:
    """Count the rates meeting ``target_rate`` and their share in percent.

    Records without a rate (``None``: budget 0 or amounts missing) are left
    out of both counts. ``share`` is rounded half up to 2 places and is
    ``None`` when no record has a rate. A plain 3-tuple can be unpacked:
    ``count, total, share = share_meeting_target(rates, 60)``.
    """
    known = [rate for rate in rates if rate is not None]
    meeting = sum(1 for rate in known if not below_target(rate, target_rate))
    return TargetShare(meeting, len(known), percent(meeting, len(known)))


# Settings as the registry stores them


def format_round_default(default: RoundDefault) -> str:
    """One round default as a registry line: ``1|10-31|60|soundness,fund_safety``."""
    return "|".join(
        (
            str(default.round_number),
            f"{default.cutoff_month:02d}-{default.cutoff_day:02d}",
            str(default.target_rate),
            ",".join(default.focus),
        )
    )


def parse_round_defaults(lines: Iterable[str]) -> tuple[tuple, list[Violation]]:
    """Read the registry's round lines (see :func:`format_round_default`).

    Answers the :class:`RoundDefault` objects that could be read and a
    violation for every line that could not (field ``default_rounds``,
    ``params["line"]`` the 1-based line number). Blank lines are skipped.
    """
    defaults = []
    violations = []
    for number, line in enumerate(lines or (), start=1):
        if is_blank(line):
            continue
        parts = [part.strip() for part in line.split("|")]
        try:
            if len(parts) != 4:
                raise ValueError(line)
            month, day = (int(value) for value in parts[1].split("-"))
            target = to_decimal(parts[2], strict=True)
            defaults.append(
                RoundDefault(
                    round_number=int(parts[0]),
                    cutoff_month=month,
                    cutoff_day=day,
                    target_rate=target,
                    focus=tuple(item for item in parts[3].split(",") if item.strip()),
                )
            )
        except ValueError:
            violations.append(
                Violation(
                    code="monitoring_round_line_invalid",
                    default="Line ${line}: write a round as "
                    "'number|MM-DD|target|focus,focus' (got '${value}').",
                    field="default_rounds",
                    params={"line": number, "value": line},
                )
            )
    return tuple(defaults), violations


# Records: indicator progress and focus answers

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


def validate_focus_answers(
    answers, focus: Iterable[str], prefix: str = "focus_answers"
) -> list[Violation]:
    """Violations of a record's answers to the focus items of its round.

    ``answers`` is a mapping ``{focus item: text}``; every key must be one of
    the round's ``focus`` items, every answer a text (or empty).
    """
    if answers is None:
        return []
    if not isinstance(answers, dict):
        return [
            Violation(
                code="monitoring_focus_answers_not_an_object",
                default="The answers must be an object: focus item → answer.",
                field=prefix,
            )
        ]
    focus = tuple(focus or ())
    violations = []
    for key, answer in answers.items():
        if key not in focus:
            violations.append(
                Violation(
                    code="monitoring_focus_not_in_round",
                    default="'${item}' is not a focus item of this round (${focus}).",
                    field=f"{prefix}.{key}",
                    params={"item": key, "focus": ", ".join(focus) or "-"},
                )
            )
        elif answer is not None and not isinstance(answer, str):
            violations.append(
                Violation(
                    code="monitoring_focus_answer_not_text",
                    default="The answer to '${item}' must be a text.",
                    field=f"{prefix}.{key}",
                    params={"item": key},
                )
            )
    return violations


def clean_focus_answers(answers) -> dict:
    """The answers with blank ones left out and texts stripped."""
    return {
        key: answer.strip()
        for key, answer in (answers or {}).items()
        if isinstance(answer, str) and answer.strip()
    }


def locked_record_violation(state, field: str = "project") -> list[Violation]:
    """A violation when a batch would overwrite a record in ``state``
    (:data:`LOCKED_STATES`): the office returns the record first."""
    if state not in LOCKED_STATES:
        return []
    return [
        Violation(
            code="monitoring_record_locked",
            default="The record is ${state}: a submitted or confirmed record "
            "must be returned first.",
            field=field,
            params={"state": state},
        )
    ]


# Bulk data: one row of an import (REST batch or Excel sheet)

#: The keys a row of a batch may have.
IMPORT_KEYS = (
    "project",
    "project_code",
    "budget_amount",
    "executed_amount",
    "indicators",
    "problems",
    "severity",
    "focus_answers",
)


class RowViolation(NamedTuple):
    """A violation of one row of a batch; ``row`` is its number (1-based,
    or the sheet's row number)."""

    row: int
    violation: Violation

    def as_dict(self) -> dict:
        return {"row": self.row, **self.violation.as_dict()}


@dataclass(frozen=True)
class ImportRow:
    """A valid row of a batch, its values read."""

    row: int
    project: str | None
    project_code: str | None
    budget_amount: Decimal
    executed_amount: Decimal
    indicators: tuple = ()
    problems: str | None = None
    severity: str | None = None
    focus_answers: dict | None = None

    @property
    def key(self) -> str:
        """What names the project: its UID, else its code."""
        return self.project or self.project_code

    @property
    def execution_rate(self) -> Decimal | None:
        return execution_rate(self.budget_amount, self.executed_amount)


def _text(value):
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def check_import_row(row, number: int) -> tuple[ImportRow | None, list[Violation]]:
    """Read one row of a batch: the :class:`ImportRow`, or the violations.

    A row names its project by ``project`` (UID) or ``project_code``, gives
    ``budget_amount`` and ``executed_amount`` (numbers, not negative;
    thousands separators allowed in text), optionally ``indicators`` (a list
    of progress rows, see :func:`validate_progress_row`), ``problems`` and
    ``severity``, and ``focus_answers`` (``{focus item: text}``; the items
    are checked against the round by the caller). Unknown keys are refused,
    so that a misspelt column is not silently dropped.
    """
    if not isinstance(row, dict):
        return None, [
            Violation(
                code="monitoring_row_not_an_object",
                default="A row must be an object.",
                field=None,
            )
        ]
    violations = []
    for key in sorted(set(row) - set(IMPORT_KEYS)):
        violations.append(
            Violation(
                code="monitoring_field_unknown",
                default="Unknown field '${name}'.",
                field=key,
                params={"name": key},
            )
        )
    project, code = _text(row.get("project")), _text(row.get("project_code"))
    if project is None and code is None:
        violations.append(
            Violation(
                code="monitoring_row_project_required",
                default="Name the project by its UID or its project code.",
                field="project",
            )
        )
    amounts = {}
    for field in ("budget_amount", "executed_amount"):
        value = row.get(field)
        if isinstance(value, str):
            value = value.replace(",", "").strip()
        amounts[field] = value
    violations.extend(
        validate_amounts(amounts["budget_amount"], amounts["executed_amount"])
    )
    severity = _text(row.get("severity"))
    if severity is not None:
        violations.extend(validate_severity(severity))
    problems = row.get("problems")
    if problems is not None and not isinstance(problems, str):
        violations.append(
            Violation(
                code="monitoring_progress_text_invalid",
                default="'${name}' must be a text or a number.",
                field="problems",
                params={"name": "problems"},
            )
        )
    focus_answers = row.get("focus_answers")
    if focus_answers is not None:
        # only the shape here: the caller checks the keys against the round
        keys = tuple(focus_answers) if isinstance(focus_answers, dict) else ()
        violations.extend(validate_focus_answers(focus_answers, keys))
    indicators = row.get("indicators")
    if indicators is None:
        indicators = []
    if not isinstance(indicators, list):
        violations.append(
            Violation(
                code="monitoring_row_indicators_not_a_list",
                default="'indicators' must be a list.",
                field="indicators",
            )
        )
        indicators = []
    for index, item in enumerate(indicators):
        violations.extend(validate_progress_row(item, prefix=f"indicators[{index}]"))
    if violations:
        return None, violations
    return (
        ImportRow(
            row=number,
            project=project,
            project_code=code,
            budget_amount=to_decimal(amounts["budget_amount"], strict=True),
            executed_amount=to_decimal(amounts["executed_amount"], strict=True),
            indicators=tuple(dict(item) for item in indicators),
            problems=(problems or "").strip() or None,
            severity=severity,
            focus_answers=None
            if focus_answers is None
            else clean_focus_answers(focus_answers),
        ),
        [],
    )


def check_import_rows(
    rows: Iterable, first_row: int = 1, numbers: Iterable[int] | None = None
) -> tuple[list[ImportRow], list[RowViolation]]:
    """Read every row of a batch; rows are numbered from ``first_row``, or
    by ``numbers`` (e.g. the rows of a sheet, blank rows left out).

    Answers the valid rows and a :class:`RowViolation` for every problem,
    including a project named twice in the batch (by the same UID or code).
    A batch with any violation must be refused whole.
    """
    valid = []
    problems = []
    seen = {}
    rows = list(rows)
    numbers = list(numbers) if numbers is not None else []
    numbers += range(
        (numbers[-1] + 1) if numbers else first_row,
        (numbers[-1] + 1 if numbers else first_row) + len(rows) - len(numbers),
    )
    for number, row in zip(numbers, rows, strict=False):
        checked, violations = check_import_row(row, number)
        problems.extend(RowViolation(number, violation) for violation in violations)
        if checked is None:
            continue
        if checked.key in seen:
            problems.append(
                RowViolation(
                    number, duplicate_violation(checked.key, seen[checked.key])
                )
            )
            continue
        seen[checked.key] = number
        valid.append(checked)
    if not valid and not problems:
        problems.append(
            RowViolation(
                first_row,
                Violation(
                    code="monitoring_batch_empty",
                    default="The batch has no rows.",
                    field="rows",
                ),
            )
        )
    return valid, problems


def duplicate_violation(key, first_row) -> Violation:
    """The project ``key`` is already in row ``first_row`` of the batch."""
    return Violation(
        code="monitoring_row_duplicate",
        default="The project '${project}' is already in row ${first}.",
        field="project",
        params={"project": key, "first": first_row},
    )


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


def aggregate_rate(pairs: Iterable) -> Decimal | None:
    """The execution rate of several records together: the sum of executed
    over the sum of budget amounts (``(budget, executed)`` pairs; pairs with
    a missing amount are left out)."""
    budget = executed = Decimal(0)
    for budget_amount, executed_amount in pairs:
        if is_blank(budget_amount) or is_blank(executed_amount):
            continue
        budget += to_decimal(budget_amount, strict=True)
        executed += to_decimal(executed_amount, strict=True)
    return percent(executed, budget)


def flag_names(flags: RecordFlags) -> list[str]:
    """The names of the raised flags, in the order of :data:`FLAGS`:
    ``below_target``, ``suspension``, ``over_budget`` (more executed than
    budgeted; a flag to look at, not a sanction)."""
    names = []
    if flags.below_target:
        names.append("below_target")
    if flags.suspend_funding:
        names.append("suspension")
    if flags.over_budget:
        names.append("over_budget")
    return names
