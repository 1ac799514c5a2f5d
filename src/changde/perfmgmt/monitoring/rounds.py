"""The monitoring folder, a year's rounds (one action) and a round's records.

:func:`create_year_rounds` creates the rounds of a year from the office's
settings (by default round 1 cut off October 31 at 60%, round 2 December 31
at 85%); rounds that exist already (same year and number) are left alone, so
calling it twice creates nothing twice. :func:`prepare_records` creates a
draft record for every approved project of the round's year that has none.
"""

from Acquisition import aq_base
from plone import api

from changde.perfmgmt.core.relations import relation_to
from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.monitoring.content.monitoring_round import round_title
from changde.perfmgmt.monitoring.rules.deadlines import report_status
from changde.perfmgmt.monitoring.rules.rounds import default_rounds_for_year
from changde.perfmgmt.monitoring.settings import monitoring_settings

FOLDER_ID = "monitoring"
FOLDER_TITLE = "运行监控"


def monitoring_folder(portal=None, create=True):
    """The monitoring folder in the site root (created when missing)."""
    portal = portal or api.portal.get()
    folder = portal.get(FOLDER_ID)
    if folder is None and create:
        with api.env.adopt_roles(["Manager"]):
            folder = api.content.create(
                container=portal,
                type="MonitoringFolder",
                id=FOLDER_ID,
                title=FOLDER_TITLE,
            )
        folder = portal[FOLDER_ID]
    return folder


def _by_year_and_number(rounds):
    return sorted(rounds, key=lambda obj: (obj.year or 0, obj.round_number or 0))


def rounds_in(folder, year=None):
    """The rounds of ``folder`` (of ``year``) the user may see, by year then
    number (a catalog query: View is checked)."""
    query = {
        "portal_type": "MonitoringRound",
        "path": {"query": "/".join(folder.getPhysicalPath()), "depth": 1},
    }
    if year is not None:
        query["year"] = year
    return _by_year_and_number(brain.getObject() for brain in api.content.find(**query))


def all_rounds(folder, year=None):
    """Every round of ``folder`` (of ``year``), whoever asks: for the checks
    that a year has one round of each number."""
    return _by_year_and_number(
        obj
        for obj in folder.objectValues()
        if getattr(obj, "portal_type", None) == "MonitoringRound"
        and (year is None or obj.year == year)
    )


def taken_round_numbers(folder, exclude=None):
    """``(year, round_number)`` of the rounds in ``folder`` but ``exclude``."""
    exclude = None if exclude is None else aq_base(exclude)
    return {
        (obj.year, obj.round_number)
        for obj in all_rounds(folder)
        if aq_base(obj) is not exclude
    }


def round_id(year, number):
    return f"{year}-{number}"


def create_year_rounds(year, folder=None):
    """Create the default rounds of ``year``: answers ``(created, existing)``."""
    folder = folder or monitoring_folder()
    existing_numbers = {obj.round_number: obj for obj in all_rounds(folder, year)}
    created, existing = [], []
    for plan in default_rounds_for_year(year, monitoring_settings()):
        if plan.round_number in existing_numbers:
            existing.append(existing_numbers[plan.round_number])
            continue
        created.append(
            api.content.create(
                container=folder,
                type="MonitoringRound",
                id=round_id(year, plan.round_number),
                title=round_title(year, plan.round_number),
                year=year,
                round_number=plan.round_number,
                cutoff_date=plan.cutoff_date,
                target_rate=plan.target_rate,
                focus=list(plan.focus),
            )
        )
    return created, existing


def round_info(monitoring_round, today=None):
    """The round as plain data (REST answers, listings)."""
    due = monitoring_round.report_due
    today = today or today_in_china()
    status = report_status(due, monitoring_round.reported_on, today) if due else None
    return {
        "@id": monitoring_round.absolute_url(),
        "@type": monitoring_round.portal_type,
        "UID": api.content.get_uuid(monitoring_round),
        "title": monitoring_round.Title(),
        "year": monitoring_round.year,
        "round_number": monitoring_round.round_number,
        "cutoff_date": iso(monitoring_round.cutoff_date),
        "target_rate": text(monitoring_round.target_rate),
        "focus": list(monitoring_round.focus or ()),
        "report_due": iso(due),
        "reported_on": iso(monitoring_round.reported_on),
        "report_status": status,
        "overdue": status == "overdue",
    }


def iso(value):
    return value.isoformat() if value else None


def text(value):
    return None if value is None else str(value)


def approved_projects(year):
    """Catalog brains of the approved projects of ``year`` the user may see."""
    return api.content.find(
        portal_type="BudgetProject",
        year=year,
        review_state="approved",
        sort_on="sortable_title",
    )


def existing_records(monitoring_round):
    """``{project UID: brain}`` of the round's records (unrestricted: the
    import must never create a second record for a project)."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="MonitoringRecord",
        path={"query": "/".join(monitoring_round.getPhysicalPath()), "depth": 1},
    )
    return {brain.project_uid: brain for brain in brains}


def prepare_records(monitoring_round):
    """A draft record for each approved project of the year without one.

    The budget amount is taken from the project. Answers the new records.
    """
    have = existing_records(monitoring_round)
    created = []
    for brain in approved_projects(monitoring_round.year):
        if brain.UID in have or brain.UID in monitoring_round:
            # the id is the project's UID: an object of that id that is not
            # the project's record is left alone (never a crash)
            continue
        created.append(
            api.content.create(
                container=monitoring_round,
                type="MonitoringRecord",
                id=brain.UID,
                project=relation_to(brain._unrestrictedGetObject()),
                budget_amount=brain.amount,
            )
        )
    return created
