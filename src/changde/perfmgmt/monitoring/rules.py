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
