"""REST services of the libraries module (docs/libraries-api.md), one folder
per service; their shared helpers are in :mod:`changde.perfmgmt.core.rest`."""

from changde.perfmgmt.i18n import _

NOTHING_WRITTEN = _(
    "libraries_nothing_written",
    default="未保存任何内容:请更正以下错误。",
)
