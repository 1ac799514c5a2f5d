"""Upgrade steps of the monitoring profile
(``changde.perfmgmt.monitoring:default``)."""

from plone import api

from changde.perfmgmt.core.relations import convert_uid_fields

PROFILE = "profile-changde.perfmgmt.monitoring:default"


def to_1001(context):
    """The module's top tabs (actions.xml), each shown to those who may use
    its area."""
    context.runImportStepFromProfile(PROFILE, "actions")


def to_1002(context):
    """Records take their jurisdiction and unit from the tenancy behavior
    (same fields, same values) instead of declaring them again."""
    context.runImportStepFromProfile(PROFILE, "typeinfo")


def to_1003(context):
    """A record's project is a relation, no longer its UID."""
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="MonitoringRecord"):
        convert_uid_fields(brain._unrestrictedGetObject(), ("project",))
