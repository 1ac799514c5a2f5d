"""When a round's result is due to the leadership group, and whether it
was reported on time."""

from datetime import date

from changde.perfmgmt.core.rules.clock import as_date
from changde.perfmgmt.core.rules.workdays import WorkdayCalendar

#: What :func:`report_status` answers.
REPORT_STATUSES = ("reported", "reported_late", "pending", "overdue")


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
