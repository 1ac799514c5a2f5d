"""A year's monitoring rounds: the defaults of the plan, the settings and
their checks, one round per number."""

import calendar as _calendar
from collections.abc import Iterable
from dataclasses import asdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from changde.perfmgmt.core.rules.numbers import HUNDRED
from changde.perfmgmt.core.rules.numbers import to_decimal
from changde.perfmgmt.core.rules.values import is_blank
from changde.perfmgmt.core.rules.values import is_count
from changde.perfmgmt.core.rules.violations import Violation
from changde.perfmgmt.monitoring.rules.focus import FOCUS_ITEMS

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
