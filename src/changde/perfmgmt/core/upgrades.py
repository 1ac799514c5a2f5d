"""Upgrade steps of the core profile (``changde.perfmgmt.core:default``)."""

from plone import api

PROFILE = "profile-changde.perfmgmt.core:default"


def to_1001(context):
    """Settings control panel (工作日历) and its permission; search results
    of jurisdictions and units follow View (the tenant folders' own
    ``allowedRolesAndUsers`` indexer)."""
    context.runImportStepFromProfile(PROFILE, "controlpanel")
    context.runImportStepFromProfile(PROFILE, "rolemap")
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(
        portal_type=["Jurisdiction", "BudgetUnit"]
    ):
        brain._unrestrictedGetObject().reindexObject(idxs=["allowedRolesAndUsers"])
