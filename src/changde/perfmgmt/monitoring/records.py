"""Records and their tenancy: what a record copies from its project, and the
local roles that let the project's unit and jurisdiction see and edit it.

Records live in their round, not in the unit, so the unit's and the
jurisdiction's staff groups (``staff_group`` of the BudgetUnit and the
Jurisdiction, :mod:`changde.perfmgmt.core.tenancy`) get local roles on each
record: the record workflow lets Editor change a draft or returned record and
submit it, and Reader see it in every state.
"""

from plone import api
from plone.app.uuid.utils import uuidToObject
from zope.container.interfaces import IContainerModifiedEvent

from changde.perfmgmt.core.content.budget_unit import IBudgetUnit
from changde.perfmgmt.core.content.jurisdiction import IJurisdiction

#: The local roles of the unit's and the jurisdiction's staff on a record.
RECORD_LOCAL_ROLES = ("Reader", "Editor")


def project_of(record):
    """The record's project (whether or not the user may see it), or None."""
    uid = getattr(record, "project", None)
    if not uid:
        return None
    return uuidToObject(uid, unrestricted=True)


def tenancy_of(obj):
    """(jurisdiction, unit) that ``obj`` lives in; either may be None."""
    jurisdiction = unit = None
    for item in obj.aq_chain:
        if unit is None and IBudgetUnit.providedBy(item):
            unit = item
        if IJurisdiction.providedBy(item):
            jurisdiction = item
            break
    return jurisdiction, unit


def refresh_record(record, event=None):
    """Copy the project's title, code, jurisdiction and unit to the record and
    give their staff groups :data:`RECORD_LOCAL_ROLES` (subscriber of added
    and modified records). The record is reindexed when anything changed."""
    project = project_of(record)
    if project is None:
        return
    jurisdiction, unit = tenancy_of(project)
    values = {
        "title": project.Title(),
        "project_title": project.Title(),
        "project_code": getattr(project, "project_code", None) or None,
        "jurisdiction": jurisdiction.getId() if jurisdiction is not None else None,
        "jurisdiction_title": jurisdiction.Title() if jurisdiction else None,
        "budget_unit": unit.getId() if unit is not None else None,
        "unit_title": unit.Title() if unit is not None else None,
    }
    groups = tuple(
        group
        for group in (
            getattr(jurisdiction, "staff_group", None),
            getattr(unit, "staff_group", None),
        )
        if group
    )
    previous = tuple(getattr(record, "_tenant_groups", ()))
    changed = {
        name: value
        for name, value in values.items()
        if record.__dict__.get(name) != value
    }
    if not changed and groups == previous:
        return
    for name, value in changed.items():
        setattr(record, name, value)
    if groups != previous:
        stale = [group for group in previous if group not in groups]
        if stale:
            record.manage_delLocalRoles(stale)
        for group in groups:
            record.manage_setLocalRoles(group, list(RECORD_LOCAL_ROLES))
        record._tenant_groups = groups
    record.reindexObject()


def records_of_project(project_uid, **query):
    """The catalog brains of a project's records the user may see, newest
    round first."""
    brains = api.content.find(
        portal_type="MonitoringRecord", project_uid=project_uid, **query
    )
    return sorted(
        brains,
        key=lambda brain: (brain.year or 0, brain.round_number or 0),
        reverse=True,
    )


def reindex_round_records(monitoring_round, event=None):
    """A round's target changed: its records' flags change with it."""
    if IContainerModifiedEvent.providedBy(event):
        # a record was added to or removed from the round: the others' flags
        # are unchanged (and reindexing all of them per record is quadratic)
        return
    for record in monitoring_round.objectValues():
        if getattr(record, "portal_type", None) == "MonitoringRecord":
            record.reindexObject(
                idxs=["monitoring_flags", "year", "round_number", "monitoring_round"]
            )
