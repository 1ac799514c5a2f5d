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

from changde.perfmgmt.core.tenancy import apply_tenancy
from changde.perfmgmt.core.tenancy import tenancy_values

#: The local roles of the unit's and the jurisdiction's staff on a record.
RECORD_LOCAL_ROLES = ("Reader", "Editor")


def project_of(record):
    """The record's project (whether or not the user may see it), or None."""
    uid = getattr(record, "project", None)
    if not uid:
        return None
    return uuidToObject(uid, unrestricted=True)


def refresh_record(record, event=None):
    """Copy the project's title, code, jurisdiction and unit to the record and
    give their staff groups :data:`RECORD_LOCAL_ROLES` (subscriber of added
    and modified records). The record is reindexed when anything changed."""
    project = project_of(record)
    if project is None:
        return
    values = tenancy_values(project)
    values["title"] = project.Title()
    apply_tenancy(record, values, RECORD_LOCAL_ROLES)


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
