"""The one clock: today's date in Beijing (China Standard Time).

Every business date (a deadline passed, an item overdue, the current year) is
China's date, whatever the server's time zone: on a server in UTC the date is
still yesterday's from 00:00 to 08:00 Beijing time.
"""

from datetime import date
from datetime import datetime
from zoneinfo import ZoneInfo

#: The time zone of every deadline: China Standard Time (UTC+8, no DST).
CHINA_TIMEZONE = ZoneInfo("Asia/Shanghai")


def today_in_china(now: datetime | None = None) -> date:
    """Today's date in China (Asia/Shanghai), whatever the server's zone.

    A deadline passes at midnight in Changde: on a server running in UTC the
    local date is still yesterday until 08:00 Beijing time. ``now`` (an aware
    datetime; a naive one is taken as UTC) is for tests.
    """
    if now is None:
        return datetime.now(CHINA_TIMEZONE).date()
    if now.tzinfo is None:
        now = now.replace(tzinfo=ZoneInfo("UTC"))
    return now.astimezone(CHINA_TIMEZONE).date()


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
