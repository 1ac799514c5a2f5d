"""Records and their tenancy: what a record copies from its project, and the
local roles that let the project's unit and jurisdiction see and edit it.

Records live in their round, not in the unit, so the unit's and the
jurisdiction's staff groups (``staff_group`` of the BudgetUnit and the
Jurisdiction, :mod:`changde.perfmgmt.core.tenancy`) get local roles on each
record: the record workflow lets Editor change a draft or returned record and
submit it, and Reader see it in every state.
"""

from Acquisition import aq_base
from plone import api
from zope.container.interfaces import IContainerModifiedEvent

from changde.perfmgmt.core.relations import target_of
from changde.perfmgmt.core.rules.clock import now_in_china
from changde.perfmgmt.core.tenancy import apply_tenancy
from changde.perfmgmt.core.tenancy import tenancy_values
from changde.perfmgmt.monitoring.rules.execution import execution_rate
from changde.perfmgmt.monitoring.rules.flags import flag_names
from changde.perfmgmt.monitoring.rules.flags import record_flags

#: The local roles of the unit's and the jurisdiction's staff on a record.
RECORD_LOCAL_ROLES = ("Reader", "Editor")

#: Fields whose values the change log keeps (the JSON ones only by name).
LOGGED_VALUES = ("budget_amount", "executed_amount", "problems", "severity")
#: The change log keeps this many entries of a record, newest last.
CHANGE_LOG_LENGTH = 200


def project_of(record):
    """The record's project (whether or not the user may see it), or None.

    Its relation holds the project's intid: no catalog search, so a batch
    creating thousands of records does not flush the indexing queue for
    each one's project.
    """
    return target_of(getattr(record, "project", None))


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


def _log_text(value):
    if value is None:
        return None
    return str(value)


def log_change(record, fields, source, before=None):
    """Add an entry to the record's change log: when (China time), who, how
    (``edit``: a form, a record page or a REST PATCH; ``import``: a batch)
    and which fields, with the new values of :data:`LOGGED_VALUES` (and the
    old ones, when ``before`` maps the field names to them)."""
    before = before or {}
    changes = []
    for name in fields:
        change = {"field": name}
        if name in LOGGED_VALUES:
            if name in before:
                change["before"] = _log_text(before[name])
            change["after"] = _log_text(getattr(record, name, None))
        changes.append(change)
    if not changes:
        return None
    entry = {
        "date": now_in_china().isoformat(timespec="seconds"),
        "actor": api.user.get_current().getId(),
        "source": source,
        "changes": changes,
    }
    log = list(getattr(aq_base(record), "change_log", None) or ())
    log.append(entry)
    record.change_log = log[-CHANGE_LOG_LENGTH:]
    return entry


def changed_fields(event):
    """The names of the schema fields an ObjectModifiedEvent describes
    (plone.restapi writes ``IMonitoringRecord.severity``, z3c.form
    ``severity``)."""
    names = []
    for description in getattr(event, "descriptions", ()) or ():
        for attribute in getattr(description, "attributes", ()) or ():
            name = attribute.rsplit(".", 1)[-1]
            if name not in names:
                names.append(name)
    return names


def log_edit(record, event):
    """An edit (the edit form, @@indicator-progress, @@focus-answers, a REST
    PATCH) goes into the change log with the fields it names (subscriber of
    modified records)."""
    if IContainerModifiedEvent.providedBy(event):
        return
    fields = changed_fields(event)
    if fields:
        log_change(record, fields, "edit")


# --- A round's changes reach its records' catalog entries ----------------

#: What the records' catalog entries take from their round, and the indexes
#: that depend on it.
ROUND_INDEXES = {
    "target_rate": ("monitoring_flags",),
    "year": ("year",),
    "round_number": ("round_number",),
}


def _round_values(monitoring_round):
    return {name: getattr(monitoring_round, name, None) for name in ROUND_INDEXES}


def remember_round_values(monitoring_round, event=None):
    """What the records were indexed with (subscriber of added rounds)."""
    monitoring_round._indexed_values = _round_values(monitoring_round)


def reindex_round_records(monitoring_round, event=None):
    """A round's target, year or number changed: reindex what depends on it.

    Any other change (the report date, the title) touches no record. A new
    target reindexes only the records whose flags change, found from the
    catalog's metadata (rate and severity), so a round of thousands of
    records wakes only those.
    """
    if IContainerModifiedEvent.providedBy(event):
        # a record was added to or removed from the round: the others' flags
        # are unchanged (and reindexing all of them per record is quadratic)
        return
    current = _round_values(monitoring_round)
    indexed = getattr(aq_base(monitoring_round), "_indexed_values", None) or {}
    changed = [
        name for name in ROUND_INDEXES if indexed.get(name, object()) != current[name]
    ]
    if not changed:
        return
    monitoring_round._indexed_values = current
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="MonitoringRecord",
        path={"query": "/".join(monitoring_round.getPhysicalPath()), "depth": 1},
    )
    everyone = [name for name in changed if name != "target_rate"]
    indexes = [index for name in changed for index in ROUND_INDEXES[name]]
    target = current["target_rate"]
    for brain in brains:
        if not everyone and _flags_from_metadata(brain, target) == list(
            brain.monitoring_flags or ()
        ):
            continue
        brain._unrestrictedGetObject().reindexObject(idxs=indexes)


def _flags_from_metadata(brain, target):
    """The flags the record would have with ``target``, from its metadata."""
    try:
        rate = execution_rate(brain.budget_amount, brain.executed_amount)
    except ValueError:
        rate = None
    if target is None:
        rate = None
    return flag_names(record_flags(rate, target or 0, brain.severity))
