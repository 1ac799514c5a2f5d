"""The Chinese working-day calendar (工作日历) used for every deadline.

A day is a working day when

1. the office entered it in the site settings as an extra holiday (not a
   working day) or an extra working day (a working day) -- these entries win
   over everything else, also for years the calendar package knows;
2. otherwise, for the years the ``chinese_calendar`` package knows (2004–2026
   in version 1.11.0), the package decides: statutory holidays are off and
   the adjusted working weekends (调休上班) are working days;
3. otherwise it is a working day when it is Monday to Friday.

The calendar never raises for a year the package does not know: it falls
back to rule 3, plus whatever the office entered. A date entered both as an
extra holiday and as an extra working day counts as a holiday (the later,
more lenient deadline); :func:`check_overrides` reports such dates so the
settings form can refuse them.

Plain Python: nothing here imports Zope or Plone.
"""

from collections.abc import Iterable
from datetime import date
from datetime import timedelta
from functools import lru_cache

import chinese_calendar

from changde.perfmgmt.core.rules.clock import as_date
from changde.perfmgmt.core.rules.violations import Violation


@lru_cache(maxsize=256)
def package_knows_year(year: int) -> bool:
    """Whether the ``chinese_calendar`` package has data for ``year``."""
    try:
        chinese_calendar.is_workday(date(year, 1, 1))
    except Exception:  # NotImplementedError for unknown years; never crash
        return False
    return True


def _package_is_workday(day: date) -> bool | None:
    """The package's answer for ``day``, or ``None`` when it has none."""
    if not package_knows_year(day.year):
        return None
    try:
        return bool(chinese_calendar.is_workday(day))
    except Exception:  # defensive: fall back rather than break a page
        return None


class WorkdayCalendar:
    """Working days in mainland China, corrected by the office's entries.

    ``extra_holidays`` and ``extra_workdays`` are the dates the office entered
    in the site settings (dates, datetimes or ISO strings).
    """

    def __init__(
        self,
        extra_holidays: Iterable[date] = (),
        extra_workdays: Iterable[date] = (),
    ) -> None:
        self.extra_holidays = frozenset(as_date(day) for day in extra_holidays)
        self.extra_workdays = frozenset(as_date(day) for day in extra_workdays)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}("
            f"extra_holidays={sorted(self.extra_holidays)!r}, "
            f"extra_workdays={sorted(self.extra_workdays)!r})"
        )

    @property
    def conflicting_dates(self) -> frozenset[date]:
        """Dates entered both as extra holiday and extra working day."""
        return self.extra_holidays & self.extra_workdays

    @staticmethod
    def knows_year(year: int) -> bool:
        """Whether the calendar package covers ``year`` (else Mon–Fri)."""
        return package_knows_year(year)

    def is_workday(self, day) -> bool:
        """Whether ``day`` is a working day (see the module docstring)."""
        day = as_date(day)
        if day in self.extra_holidays:
            return False
        if day in self.extra_workdays:
            return True
        known = _package_is_workday(day)
        if known is not None:
            return known
        return day.weekday() < 5

    def is_holiday(self, day) -> bool:
        """Whether ``day`` is a day off (weekend or holiday)."""
        return not self.is_workday(day)

    def nth_workday_on_or_after(self, start, n: int) -> date:
        """The ``n``-th working day counting from ``start`` inclusive.

        ``n=1`` gives ``start`` itself when it is a working day, else the
        first working day after it; ``n=2`` the working day after that, and
        so on. ``n`` must be at least 1 (``ValueError`` otherwise).
        """
        if isinstance(n, bool) or not isinstance(n, int):
            raise TypeError(f"n must be an int, got {n!r}")
        if n < 1:
            raise ValueError(f"n must be at least 1, got {n}")
        day = as_date(start)
        found = 0
        while True:
            if self.is_workday(day):
                found += 1
                if found == n:
                    return day
            day += timedelta(days=1)

    def add_workdays(self, start, count: int) -> date:
        """The date of the ``count``-th working day, ``start`` counted in.

        Exactly :meth:`nth_workday_on_or_after`: the days from ``start``
        (inclusive) onwards are walked and the ``count``-th working day met
        is returned. So ``add_workdays(d, 1)`` is ``d`` when ``d`` is a
        working day, and ``add_workdays(d, 10)`` is the last day of a
        "within 10 working days from ``d``" period. ``count >= 1``.
        """
        return self.nth_workday_on_or_after(start, count)

    def workdays_between(self, start, end) -> int:
        """How many working days lie in ``start``..``end``, both inclusive.

        0 when ``end`` is before ``start``.
        """
        start, end = as_date(start), as_date(end)
        count = 0
        day = start
        while day <= end:
            if self.is_workday(day):
                count += 1
            day += timedelta(days=1)
        return count


def check_overrides(
    extra_holidays: Iterable[date] = (),
    extra_workdays: Iterable[date] = (),
) -> list[Violation]:
    """Violations for the office's calendar entries (for the settings form).

    A date may not be both an extra holiday and an extra working day.
    """
    both = {as_date(day) for day in extra_holidays} & {
        as_date(day) for day in extra_workdays
    }
    return [
        Violation(
            code="workday_override_conflict",
            default="${date} is entered both as a holiday and as a working day.",
            field="extra_workdays",
            params={"date": day.isoformat()},
        )
        for day in sorted(both)
    ]
