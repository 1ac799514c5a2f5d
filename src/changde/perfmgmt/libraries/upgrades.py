"""Upgrade steps of the libraries profile (``changde.perfmgmt.libraries:default``)."""

from plone import api

PROFILE = "profile-changde.perfmgmt.libraries:default"


def to_1001(context):
    """The module's top tabs (actions.xml), each shown to those who may use
    its area."""
    context.runImportStepFromProfile(PROFILE, "actions")


def to_1002(context):
    """Search results of the libraries follow View (anonymous visitors, who
    may pass through a library to a published profile, no longer find it)."""
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(
        portal_type=["ExpertLibrary", "AgencyLibrary", "SupervisionLibrary"]
    ):
        brain._unrestrictedGetObject().reindexObject(idxs=["allowedRolesAndUsers"])
