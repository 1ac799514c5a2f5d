"""A round's records from the catalog (never woken): the listing with its
filters and sorting, the counts, the share meeting the target and the rates
by jurisdiction. Shared by the round page and ``@monitoring-summary``."""

from functools import lru_cache

from plone import api

from changde.perfmgmt.core.rules.pinyin import pinyin_sort_string
from changde.perfmgmt.core.rules.violations import Violation
from changde.perfmgmt.monitoring.rules.execution import aggregate_rate
from changde.perfmgmt.monitoring.rules.execution import execution_rate
from changde.perfmgmt.monitoring.rules.execution import share_meeting_target
from changde.perfmgmt.monitoring.rules.flags import FLAGS
from changde.perfmgmt.monitoring.rules.flags import SEVERITIES


@lru_cache(maxsize=4096)
def pinyin(text):
    """Names in the order of the Chinese dictionary (R-P4): 李 before 张, as
    :func:`pinyin_sort_string` (cached: jurisdictions and units repeat)."""
    return pinyin_sort_string(text or "")


SORT_KEYS = {
    "title": lambda item: item["_sort_title"],
    "execution_rate": lambda item: (
        item["_rate"] is None,
        item["_rate"] if item["_rate"] is not None else 0,
    ),
    "severity": lambda item: SEVERITIES.index(item["severity"] or "none"),
    "jurisdiction": lambda item: (
        pinyin(item["jurisdiction_title"]),
        item["_sort_title"],
    ),
    "budget_unit": lambda item: (pinyin(item["unit_title"]), item["_sort_title"]),
    "review_state": lambda item: item["review_state"] or "",
}
FILTERS = ("jurisdiction", "budget_unit", "flag", "severity", "review_state")
SORT_ORDERS = ("ascending", "reverse", "descending")


def query_violations(form):
    """What ``@monitoring-summary`` cannot answer: an unknown ``flag``,
    ``severity``, ``sort_on`` or ``sort_order`` (rather than quietly
    listing everything, or sorting otherwise than asked)."""
    violations = []
    for name, allowed in (
        ("flag", FLAGS),
        ("severity", SEVERITIES),
        ("sort_on", tuple(SORT_KEYS)),
        ("sort_order", SORT_ORDERS),
    ):
        value = form.get(name)
        if value in (None, ""):
            continue
        if value not in allowed:
            violations.append(
                Violation(
                    code="monitoring_query_value_unknown",
                    default="'${value}' is not a value of ${name} (one of: "
                    "${allowed}).",
                    field=name,
                    params={
                        "value": value,
                        "name": name,
                        "allowed": ", ".join(allowed),
                    },
                )
            )
    return violations


def _text(value):
    return None if value is None else str(value)


def brain_rate(brain):
    try:
        return execution_rate(brain.budget_amount, brain.executed_amount)
    except ValueError:
        return None


def record_item(brain):
    """A record as plain data, from its brain's metadata."""
    rate = brain_rate(brain)
    return {
        "@id": brain.getURL(),
        "UID": brain.UID,
        "title": brain.Title,
        "project": brain.project_uid,
        "project_code": brain.project_code,
        "jurisdiction": brain.jurisdiction,
        "jurisdiction_title": brain.jurisdiction_title,
        "budget_unit": brain.budget_unit,
        "unit_title": brain.unit_title,
        "year": brain.year,
        "round_number": brain.round_number,
        "budget_amount": _text(brain.budget_amount),
        "executed_amount": _text(brain.executed_amount),
        "execution_rate": _text(rate),
        "flags": list(brain.monitoring_flags or ()),
        "severity": brain.severity,
        "focus_answers": dict(getattr(brain, "focus_answers", None) or {}),
        "review_state": brain.review_state,
        "_rate": rate,
        "_sort_title": getattr(brain, "monitoring_sort_title", None)
        or pinyin_sort_string(brain.Title or ""),
    }


#: What :func:`record_item` keeps for sorting only.
PRIVATE_KEYS = ("_rate", "_sort_title")


def public_item(item):
    """``item`` without the keys the sorting needs (changed in place)."""
    for key in PRIVATE_KEYS:
        item.pop(key, None)
    return item


def round_records(monitoring_round, **filters):
    """The round's records the user may see, filtered (catalog query)."""
    query = {
        "portal_type": "MonitoringRecord",
        "path": {"query": "/".join(monitoring_round.getPhysicalPath()), "depth": 1},
    }
    for name in FILTERS:
        value = filters.get(name)
        if value:
            query["monitoring_flags" if name == "flag" else name] = value
    return api.content.find(**query)


def round_summary(monitoring_round, sort_on="title", reverse=False, **filters):
    """Listing, counts, share meeting target and rates by jurisdiction."""
    items = [record_item(brain) for brain in round_records(monitoring_round, **filters)]
    items.sort(key=SORT_KEYS.get(sort_on, SORT_KEYS["title"]), reverse=bool(reverse))
    target = monitoring_round.target_rate
    share = share_meeting_target(
        [item["_rate"] for item in items], target if target is not None else 0
    )
    states = {}
    for item in items:
        states[item["review_state"]] = states.get(item["review_state"], 0) + 1
    jurisdictions = {}
    for item in items:
        key = item["jurisdiction"]
        group = jurisdictions.setdefault(
            key,
            {
                "jurisdiction": key,
                "title": item["jurisdiction_title"],
                "count": 0,
                "below_target": 0,
                "suspension": 0,
                "over_budget": 0,
                "_pairs": [],
            },
        )
        group["count"] += 1
        group["below_target"] += "below_target" in item["flags"]
        group["suspension"] += "suspension" in item["flags"]
        group["over_budget"] += "over_budget" in item["flags"]
        group["_pairs"].append((item["budget_amount"], item["executed_amount"]))
    by_jurisdiction = []
    for group in sorted(jurisdictions.values(), key=lambda g: pinyin(g["title"])):
        rate = aggregate_rate(group.pop("_pairs"))
        group["execution_rate"] = _text(rate)
        by_jurisdiction.append(group)
    for item in items:
        public_item(item)
    return {
        "items": items,
        "items_total": len(items),
        "counts": {
            "total": len(items),
            "with_rate": share.total,
            "meeting_target": share.count_meeting,
            "below_target": sum("below_target" in i["flags"] for i in items),
            "suspension": sum("suspension" in i["flags"] for i in items),
            "over_budget": sum("over_budget" in i["flags"] for i in items),
            "by_state": states,
        },
        "share_meeting_target": _text(share.share),
        "by_jurisdiction": by_jurisdiction,
    }
