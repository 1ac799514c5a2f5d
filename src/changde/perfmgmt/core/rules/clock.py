"""The one clock: the time and date in Beijing (China Standard Time).

Every business date (a deadline passed, an item overdue, the current year, the
day a rating or a release is recorded) is China's date, whatever the server's
time zone: on a server in UTC the date is still yesterday's from 00:00 to
08:00 Beijing time. Nothing else in the add-on reads the system clock for a
date: it calls :func:`today_in_china` or :func:`now_in_china`, which read
:func:`utc_now`, the one place a test freezes
(``changde.perfmgmt.testing.frozen_clock``).
"""

from datetime import UTC
from datetime import date
from datetime import datetime
from zoneinfo import ZoneInfo

#: The time zone of every deadline: China Standard Time (UTC+8, no DST).
CHINA_TIMEZONE = ZoneInfo("Asia/Shanghai")


def utc_now() -> datetime:
    """The system clock, as an aware datetime in UTC."""
    return datetime.now(UTC)


def now_in_china(now: datetime | None = None) -> datetime:
    """The time in China (an aware datetime in Asia/Shanghai). ``now`` (an
    aware datetime; a naive one is taken as UTC) instead of the clock."""
    if now is None:
        now = utc_now()
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    return now.astimezone(CHINA_TIMEZONE)


def today_in_china(now: datetime | None = None) -> date:
    """Today's date in China (Asia/Shanghai), whatever the server's zone.

    A deadline passes at midnight in Changde: on a server running in UTC the
    local date is still yesterday until 08:00 Beijing time. ``now`` (an aware
    datetime; a naive one is taken as UTC) instead of the clock.
    """
    return now_in_china(now).date()


def as_date(value) -> date:
    """Return ``value`` as a :class:`datetime.date`.

    Accepts a ``date``, a ``datetime`` (its date part is used) or an ISO
    ``YYYY-MM-DD`` string (as stored by a text-lines setting). Anything else
    raises ``TypeError``; a malformed string raises ``ValueError``.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return date.fromisoformat(value.strip())
    raise TypeError(f"expected a date, got {type(value).__name__}: {value!r}")
