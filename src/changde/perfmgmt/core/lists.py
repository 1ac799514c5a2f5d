"""The addresses of the lists by year (CONTRACTS.md): the views
``@@list-projects``, ``@@list-monitoring-records``, ``@@list-reports``,
``@@list-rectification-items``, ``@@list-negative-list`` and the queue
``@@review-queue`` at the site root, filtered by query parameters. The
workbench and the dashboard link every number to the list behind it with
:func:`list_url`, so that the list shows exactly what was counted."""

from urllib.parse import urlencode

PROJECTS = "list-projects"
MONITORING_RECORDS = "list-monitoring-records"
REPORTS = "list-reports"
RECTIFICATION_ITEMS = "list-rectification-items"
NEGATIVE_LIST = "list-negative-list"
REVIEW_QUEUE = "review-queue"

#: The query parameters of the lists, in the order they are written.
PARAMETERS = (
    "year",
    "jurisdiction",
    "unit",
    "review_state",
    "budget_kind",
    "special_fund",
    "round",
    "flag",
    "overdue",
    "sort_on",
    "sort_order",
)


def list_url(base_url, view, **params):
    """``<base_url>/@@<view>?…`` with ``params`` (None and empty values left
    out; a list or tuple repeats its parameter: ``review_state=a&review_state=b``;
    True is written ``1``)."""
    pairs = []
    for name in sorted(params, key=_parameter_order):
        value = params[name]
        if value is None or value == "" or value is False:
            continue
        values = value if isinstance(value, list | tuple) else [value]
        for each in values:
            pairs.append((name, 1 if each is True else each))
    query = urlencode(pairs)
    return f"{base_url}/@@{view}" + (f"?{query}" if query else "")


def _parameter_order(name):
    return (PARAMETERS.index(name) if name in PARAMETERS else len(PARAMETERS), name)
