"""Upgrade steps of the evaluation profile
(``changde.perfmgmt.evaluation:default``)."""

from plone import api

from changde.perfmgmt.core.relations import convert_uid_fields

PROFILE = "profile-changde.perfmgmt.evaluation:default"

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
