"""REST services of the libraries module (docs/libraries-api.md), one folder
per service; their shared helpers are in :mod:`changde.perfmgmt.core.rest`."""

from changde.perfmgmt.core.rest import bad_request
from changde.perfmgmt.core.rest import field_error
from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.i18n import _

NOTHING_WRITTEN = _(
    "libraries_nothing_written",
    default="未保存任何内容:请更正以下错误。",
)
ELIMINATION_YEAR = _(
    "elimination_year_invalid",
    default="年度须为 2000 至 2100 之间的整数（例如 2026）。",
)


def year_of(value):
    """The elimination year a request names: None when it names none (this
    year), False when it is not a year."""
    if value is None or value == "":
        return None
    year = year_or_none(value)
    return False if year is None else year


def bad_year(request):
    return bad_request(
        request, ELIMINATION_YEAR, [field_error(request, "year", ELIMINATION_YEAR)]
    )
