"""Rectification overview from the catalog (items are never woken): the rate
of accepted items over all fed-back items per report, unit, jurisdiction and
year against the target (100% by default), the overdue items, and the
fed-back reports (or monitoring records) whose items wait for the unit."""

import datetime

from plone import api

from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.evaluation.reports import COUNTED_ITEM_STATES
from changde.perfmgmt.evaluation.rules.rectification import is_item_overdue
from changde.perfmgmt.evaluation.rules.rectification import rectification_met
from changde.perfmgmt.evaluation.rules.rectification import rectification_rate
from changde.perfmgmt.evaluation.settings import rectification_settings

#: item states in which the unit has to act
AWAITING_STATES = ("open", "reopened")


def _text(value):
    return None if value is None else str(value)


def _date(value):
    if value is None:
        return None
    if isinstance(value, datetime.date):
        return value
    # DateIndex metadata of a Date field is the date itself; DateTime otherwise
    return value.asdatetime().date()


def item_brains(**query):
    """The fed-back items the user may see (catalog)."""
    return api.content.find(
        portal_type="RectificationItem",
        review_state=list(COUNTED_ITEM_STATES),
        **query,
    )


def item_info(brain, today):
    deadline = _date(brain.deadline)
    return {
        "@id": brain.getURL(),
        "UID": brain.UID,
        "title": brain.Title,
        "review_state": brain.review_state,
        "deadline": deadline.isoformat() if deadline else None,
        "overdue": is_item_overdue(deadline, brain.review_state, today),
        "owner_unit": brain.owner_unit,
        "budget_unit": brain.budget_unit,
        "unit_title": brain.unit_title,
        "jurisdiction": brain.jurisdiction,
        "jurisdiction_title": brain.jurisdiction_title,
        "year": brain.year,
        "source_uid": brain.source_uid,
        "source_kind": brain.source_kind,
    }


def _rate_row(key, title, items, settings):
    total = len(items)
    accepted = sum(1 for item in items if item["review_state"] == "accepted")
    rate = rectification_rate(total, accepted)
    return {
        "key": key,
        "title": title,
        "total": total,
        "accepted": accepted,
        "overdue": sum(1 for item in items if item["overdue"]),
        "rate": _text(rate),
        "met": rectification_met(rate, settings),
    }


def _group(items, key, title, settings):
    groups = {}
    for item in items:
        groups.setdefault(item[key], []).append(item)
    return [
        _rate_row(value, members[0][title] if title else value, members, settings)
        for value, members in sorted(groups.items(), key=lambda pair: str(pair[0]))
    ]


def rectification_summary(year=None, today=None, **filters):
    """Rates per report, unit, jurisdiction and year, and the overdue items."""
    settings = rectification_settings()
    today = today or today_in_china()
    query = {name: value for name, value in filters.items() if value}
    if year:
        query["year"] = int(year)
    items = [item_info(brain, today) for brain in item_brains(**query)]
    sources = {}
    source_uids = {item["source_uid"] for item in items if item["source_uid"]}
    if source_uids:
        catalog = api.portal.get_tool("portal_catalog")
        for brain in catalog.unrestrictedSearchResults(UID=list(source_uids)):
            sources[brain.UID] = brain
    for item in items:
        source = sources.get(item["source_uid"])
        item["source_title"] = source.Title if source is not None else None
        item["source_url"] = source.getURL() if source is not None else None
    overall = _rate_row("all", None, items, settings)
    return {
        "year": int(year) if year else None,
        "target_rate": _text(settings.target_rate),
        "total": overall["total"],
        "accepted": overall["accepted"],
        "rate": overall["rate"],
        "met": overall["met"],
        "by_source": _group(items, "source_uid", "source_title", settings),
        "by_unit": _group(items, "budget_unit", "unit_title", settings),
        "by_jurisdiction": _group(
            items, "jurisdiction", "jurisdiction_title", settings
        ),
        "by_year": _group(items, "year", None, settings),
        "overdue": [item for item in items if item["overdue"]],
        "awaiting_rectification": awaiting_rectification(items),
        "items": items,
    }


def awaiting_rectification(items):
    """The sources (fed-back reports, monitoring records) with items waiting
    for the unit (open or reopened): how many, how many overdue, the next
    deadline; the most urgent first."""
    sources = {}
    for item in items:
        if item["review_state"] not in AWAITING_STATES:
            continue
        source = sources.setdefault(
            item["source_uid"],
            {
                "source_uid": item["source_uid"],
                "source_kind": item["source_kind"],
                "title": item["source_title"],
                "@id": item["source_url"],
                "budget_unit": item["budget_unit"],
                "unit_title": item["unit_title"],
                "open": 0,
                "overdue": 0,
                "next_deadline": None,
            },
        )
        source["open"] += 1
        source["overdue"] += 1 if item["overdue"] else 0
        if item["deadline"] and (
            source["next_deadline"] is None
            or item["deadline"] < source["next_deadline"]
        ):
            source["next_deadline"] = item["deadline"]
    return sorted(
        sources.values(),
        key=lambda row: (row["next_deadline"] or "9999", row["title"] or ""),
    )


def overdue_brains(today=None):
    """Overdue items straight from the catalog: not accepted, deadline past."""
    today = today or today_in_china()
    return api.content.find(
        portal_type="RectificationItem",
        review_state=["open", "submitted", "reopened"],
        deadline={"query": today - datetime.timedelta(days=1), "range": "max"},
    )


def report_rectification(report):
    """(total, accepted, rate, last deadline) of a report's fed-back items
    (unrestricted: the result application reads every report)."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="RectificationItem",
        review_state=list(COUNTED_ITEM_STATES),
        path={"query": "/".join(report.getPhysicalPath()), "depth": 1},
    )
    total = len(brains)
    accepted = sum(1 for brain in brains if brain.review_state == "accepted")
    deadlines = [_date(brain.deadline) for brain in brains if brain.deadline]
    return (
        total,
        accepted,
        rectification_rate(total, accepted),
        max(deadlines) if deadlines else None,
    )
