"""Upgrade steps of the evaluation profile
(``changde.perfmgmt.evaluation:default``)."""

import logging

from plone import api

from changde.perfmgmt.core.relations import convert_uid_fields

logger = logging.getLogger("changde.perfmgmt.evaluation.upgrades")
PROFILE = "profile-changde.perfmgmt.evaluation:default"
CORE_PROFILE = "profile-changde.perfmgmt.core:default"

#: portal type -> (fields that held a UID, fields that held a list of UIDs)
UID_FIELDS = {
    "EvaluationReport": (("project", "unit", "evaluator_agency"), ("experts",)),
    "RectificationItem": (("monitoring_record", "owner_unit"), ()),
    "NegativeListEntry": (("target", "source"), ()),
}


def to_1001(context):
    """The module's top tabs (actions.xml), each shown to those who may use
    its area."""
    context.runImportStepFromProfile(PROFILE, "actions")


def to_1002(context):
    """The workflows hold the state titles the pages show (市政府已批准,
    不予列入, 待整改, 退回重改): no Python repeats them."""
    context.runImportStepFromProfile(PROFILE, "workflow")


def to_1003(context):
    """Reports, rectification items and negative-list entries take their
    jurisdiction and unit from the tenancy behavior (same fields, same
    values)."""
    context.runImportStepFromProfile(PROFILE, "typeinfo")


def to_1004(context):
    """References are relations: the UIDs stored by reports (project, unit,
    agency, experts), rectification items (record, owner unit) and
    negative-list entries (target, source) become relations. The catalog
    keeps the same UIDs; the rectification items' owner unit is indexed
    from the relation."""
    catalog = api.portal.get_tool("portal_catalog")
    for portal_type, (names, list_names) in UID_FIELDS.items():
        for brain in catalog.unrestrictedSearchResults(portal_type=portal_type):
            obj = brain._unrestrictedGetObject()
            convert_uid_fields(obj, names, list_names)


def to_1005(context):
    """Evidence as real content: rectification items become folders holding
    ``EvidenceFile`` items (the unit adds them while the item is open); the
    files of the old ``evidence`` list become such items. Versions of
    reports, items and negative-list entries from their first change on
    (CMFEditions, R-P6)."""
    context.runImportStepFromProfile(CORE_PROFILE, "repositorytool")  # the policy
    for step in ("typeinfo", "workflow", "rolemap", "repositorytool", "difftool"):
        context.runImportStepFromProfile(PROFILE, step)
    workflow = api.portal.get_tool("portal_workflow")["perfmgmt_rectification_workflow"]
    catalog = api.portal.get_tool("portal_catalog")
    with api.env.adopt_roles(["Manager"]):
        for brain in catalog.unrestrictedSearchResults(portal_type="RectificationItem"):
            item = brain._unrestrictedGetObject()
            make_folderish(item)
            move_evidence(item)
            workflow.updateRoleMappingsFor(item)
            item.reindexObjectSecurity()


def make_folderish(item):
    """An item stored before the type became a folder has no folder data."""
    item._p_activate()  # a ghost's __dict__ is empty
    if "_tree" not in item.__dict__:
        item._initBTrees()


def move_evidence(item):
    files = item.__dict__.get("evidence") or []
    for number, blob in enumerate(files, start=1):
        filename = getattr(blob, "filename", None) or f"evidence-{number}"
        api.content.create(
            container=item,
            type="EvidenceFile",
            title=filename,
            file=blob,
            safe_id=True,
            id=f"evidence-{number}",
        )
    if "evidence" in item.__dict__:
        del item.evidence
        logger.info("%s: %d evidence files moved", item.absolute_url(1), len(files))
