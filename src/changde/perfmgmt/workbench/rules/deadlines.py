"""How long an item has waited for someone, and the deadlines the workbench
shows. Working days come from the working-day calendar (statutory holidays,
adjusted working weekends and the office's entries). Nothing here imports
Zope or Plone.
"""

import calendar as _calendar
from dataclasses import dataclass
from datetime import date
from datetime import timedelta

from changde.perfmgmt.core.rules.clock import as_date
from changde.perfmgmt.core.rules.values import is_count
from changde.perfmgmt.core.rules.violations import Violation
from changde.perfmgmt.core.rules.workdays import WorkdayCalendar

#: Age bands of a waiting item, youngest first.
NEW, AGING, LONG = "new", "aging", "long"
AGE_BANDS = (NEW, AGING, LONG)


@dataclass(frozen=True)
class WorkbenchSettings:
    """The office's settings of the workbench, with their defaults."""

    #: After this many working days of waiting an item is "aging" (yellow).
    aging_days: int = 5
    #: After this many it has waited long (red).
    long_days: int = 10
    #: A year's self-evaluations are due on this month and day of the
    #: following year.
    self_evaluation_due_month: int = 4
    self_evaluation_due_day: int = 30


DEFAULT_SETTINGS = WorkbenchSettings()


def validate_settings(settings: WorkbenchSettings) -> list[Violation]:
    """Whole numbers of working days, 1 or more, the long wait longer than
    the aging one; a due month 1–12 and day 1–31."""
    violations = []
    for name in ("aging_days", "long_days"):
        value = getattr(settings, name)
        if not is_count(value, 1):
            violations.append(
                Violation(
                    "workbench_days_invalid",
                    "A number of working days must be a whole number, 1 or "
                    "more; it is ${value}.",
                    name,
                    {"value": value},
                )
            )
    if not violations and settings.long_days <= settings.aging_days:
        violations.append(
            Violation(
                "workbench_long_not_after_aging",
                "An item waits long after more working days (${long_days}) "
                "than it is aging (${aging_days}).",
                "long_days",
                {"long_days": settings.long_days, "aging_days": settings.aging_days},
            )
        )
    month, day = settings.self_evaluation_due_month, settings.self_evaluation_due_day
    if not is_count(month, 1) or month > 12:
        violations.append(
            Violation(
                "workbench_due_month_invalid",
                "The month must lie between 1 and 12; it is ${value}.",
                "self_evaluation_due_month",
                {"value": month},
            )
        )
    if not is_count(day, 1) or day > 31:
        violations.append(
            Violation(
                "workbench_due_day_invalid",
                "The day must lie between 1 and 31; it is ${value}.",
                "self_evaluation_due_day",
                {"value": day},
            )
        )
    return violations


def waiting_workdays(since, today, calendar: WorkdayCalendar | None = None) -> int:
    """The working days an item has waited: those after the day it arrived,
    up to and including ``today`` (0 on the day it arrived, and for a date
    in the future)."""
    calendar = calendar or WorkdayCalendar()
    since, today = as_date(since), as_date(today)
    return calendar.workdays_between(since + timedelta(days=1), today)


def age_band(days: int, settings: WorkbenchSettings = DEFAULT_SETTINGS) -> str:
    """``new`` below ``aging_days`` working days, ``aging`` from it, ``long``
    from ``long_days`` on."""
    if days >= settings.long_days:
        return LONG
    if days >= settings.aging_days:
        return AGING
    return NEW


def self_evaluation_due(
    year: int, settings: WorkbenchSettings = DEFAULT_SETTINGS
) -> date:
    """The day a self-evaluation of the budget year ``year`` is due: the
    settings' month and day of the following year (a day past the month's
    end is its last day)."""
    month = settings.self_evaluation_due_month
    last = _calendar.monthrange(year + 1, month)[1]
    return date(year + 1, month, min(settings.self_evaluation_due_day, last))


def is_past(deadline, today) -> bool:
    """Whether ``deadline`` has passed (the day itself is still on time)."""
    return deadline is not None and as_date(today) > as_date(deadline)
