"""Upgrade steps of the libraries profile (``changde.perfmgmt.libraries:default``)."""

from plone import api

from changde.perfmgmt.libraries.members import with_rating_ids

PROFILE = "profile-changde.perfmgmt.libraries:default"


def to_1001(context):
    """The module's top tabs (actions.xml), each shown to those who may use
    its area."""
    context.runImportStepFromProfile(PROFILE, "actions")


def to_1002(context):
    """Every rating gets an id of its own (``@rate/<id>``): deleting one no
    longer renumbers the others."""
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type=["Expert", "Agency"]):
        member = brain._unrestrictedGetObject()
        ratings = list(getattr(member, "ratings", None) or ())
        if any(not row.get("id") for row in ratings):
            member.ratings = with_rating_ids(ratings)
