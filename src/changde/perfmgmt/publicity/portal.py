"""What the public portal shows (the column's page, the home page's
portal viewlet, ``GET @public-column``): each section with its newest
published items, the years of published reports and the upcoming
trainings. Catalog brains only, read with the visitor's rights: drafts,
sign-ups and feedback never appear."""

from datetime import datetime

from plone import api

from changde.perfmgmt.core.rules.clock import CHINA_TIMEZONE
from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.publicity import reports
from changde.perfmgmt.publicity.column import column
from changde.perfmgmt.publicity.column import section
from changde.perfmgmt.publicity.rules import listings

#: newest items shown per section on the portal
LATEST = 4


def beijing_date(value):
    """The Beijing date of a catalog date (DateTime), a datetime or a date."""
    if value is None:
        return None
    if hasattr(value, "asdatetime"):
        value = value.asdatetime()
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(CHINA_TIMEZONE)
        return value.date()
    return value


def beijing_datetime(value):
    if value is None:
        return None
    if hasattr(value, "asdatetime"):
        value = value.asdatetime()
    if isinstance(value, datetime) and value.tzinfo is not None:
        value = value.astimezone(CHINA_TIMEZONE)
    return value


def _item(brain, **extra):
    return {
        "@id": brain.getURL(),
        "title": brain.Title,
        "description": brain.Description or "",
        "portal_type": brain.portal_type,
        "review_state": brain.review_state,
        **extra,
    }


def _in(folder, portal_type, **query):
    if folder is None:
        return []
    return api.content.find(
        portal_type=portal_type,
        path={"query": "/".join(folder.getPhysicalPath())},
        **query,
    )


def policy_brains(folder, **query):
    return _in(
        folder,
        "PolicyDocument",
        sort_on="effective",
        sort_order="descending",
        **query,
    )


def policy_item(brain):
    return _item(
        brain,
        document_number=brain.document_number or "",
        policy_level=brain.policy_level,
        issue_date=_iso(brain.issue_date),
        year=brain.year or None,
    )


def news_brains(folder, **query):
    return _in(
        folder,
        "PublicityItem",
        sort_on="publicity_date",
        sort_order="descending",
        **query,
    )


def news_item(brain):
    return _item(
        brain,
        publicity_kind=brain.publicity_kind,
        date=_iso(brain.publicity_date),
        year=brain.year or None,
    )


def training_brains(folder, **query):
    return _in(folder, "TrainingEvent", sort_on="start", **query)


def training_item(brain):
    start = beijing_datetime(brain.start)
    end = beijing_datetime(brain.end)
    return _item(
        brain,
        start=start.isoformat() if start else None,
        end=end.isoformat() if end else None,
        location=brain.location or "",
        year=brain.year or None,
        _start=start.date() if start else None,
        _end=end.date() if end else None,
    )


def trainings(folder, today=None, year=None):
    """(upcoming, past) trainings of the section, as items."""
    query = {"year": int(year)} if year else {}
    items = [training_item(brain) for brain in training_brains(folder, **query)]
    upcoming, past = listings.split_upcoming_past(
        [
            {**item, "start": item["_start"], "end": item["_end"], "item": item}
            for item in items
        ],
        today or today_in_china(),
    )
    return [entry["item"] for entry in upcoming], [entry["item"] for entry in past]


def material_brains(folder, **query):
    return _in(
        folder, "TrainingMaterial", sort_on="created", sort_order="descending", **query
    )


def material_item(brain):
    return _item(brain, material_kind=brain.material_kind, year=brain.year or None)


def _iso(value):
    date = beijing_date(value)
    return date.isoformat() if date else None


def public_item(item):
    """An item without the keys only the pages use (dates as objects)."""
    return {key: value for key, value in item.items() if not key.startswith("_")}


def portal_data(today=None):
    """The portal: the column and each section with its newest items."""
    folder = column(create=False)
    if folder is None:
        return None
    today = today or today_in_china()
    sections = []
    for kind in listings.SECTION_KINDS:
        found = section(kind)
        if found is None or not api.user.has_permission("View", obj=found):
            continue
        entry = {
            "kind": kind,
            "@id": found.absolute_url(),
            "title": found.Title(),
            "description": found.Description(),
            "latest": [],
        }
        if kind == "policies":
            entry["latest"] = [policy_item(b) for b in policy_brains(found)[:LATEST]]
        elif kind == "news":
            entry["latest"] = [news_item(b) for b in news_brains(found)[:LATEST]]
        elif kind == "reports":
            entry["years"] = reports.report_years()
            entry["latest"] = [
                {
                    key: row[key]
                    for key in (
                        "@id",
                        "title",
                        "year",
                        "grade",
                        "evaluation_kind",
                        "unit",
                    )
                }
                for row in reports.published_reports()[:LATEST]
            ]
        elif kind == "training":
            upcoming, past = trainings(found, today)
            entry["upcoming"] = [public_item(item) for item in upcoming[:LATEST]]
            shown = (upcoming or past)[:LATEST]
            entry["latest"] = [public_item(item) for item in shown]
        elif kind == "feedback":
            entry["form_url"] = reports.feedback_form_url()
        sections.append(entry)
    return {
        "@id": folder.absolute_url(),
        "title": folder.Title(),
        "description": folder.Description(),
        "sections": sections,
    }
