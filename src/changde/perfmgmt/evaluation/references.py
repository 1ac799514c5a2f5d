"""The agency and experts of a report as references: their UIDs (what the
report stores) resolved to ``{"@id", "title", "token"}`` for anyone who may
view the report.

The libraries' vocabularies list what the *viewer* may assign (signed-in
office staff, no removed members); a reader of a published report, or the
office once a member was removed (已淘汰), would get nothing from them. The
names are resolved here without the viewer's restrictions, from the catalog's
title only: nothing else of a member (contact, account, ratings) is read.
"""

from plone import api

MANAGE = "changde.perfmgmt: Manage evaluation"


def is_office(report):
    """Whether the user manages evaluations (the performance office)."""
    return bool(api.user.has_permission(MANAGE, obj=report))


def member_references(uids, mark_removed=False):
    """One summary per UID, in order: ``@id`` (the member's URL), ``title``
    (its name) and ``token`` (the UID). With ``mark_removed`` (for the
    office) each says whether the member is removed (已淘汰) or gone; a gone
    member keeps its token, with no ``@id`` and no title."""
    uids = [uid for uid in uids or () if uid]
    if not uids:
        return []
    catalog = api.portal.get_tool("portal_catalog")
    brains = {brain.UID: brain for brain in catalog.unrestrictedSearchResults(UID=uids)}
    removed = set()
    if mark_removed:
        # the status is the office's, kept in no metadata: ask the index
        removed = {
            brain.UID
            for brain in catalog.unrestrictedSearchResults(
                UID=uids, library_removed=True
            )
        }
    references = []
    for uid in uids:
        brain = brains.get(uid)
        reference = {
            "@id": brain.getURL() if brain is not None else None,
            "title": brain.Title if brain is not None else None,
            "token": uid,
        }
        if mark_removed:
            reference["removed"] = brain is None or uid in removed
        references.append(reference)
    return references


def report_members(report):
    """``(agency, experts)`` of the report as references (agency: one or
    None), marked for the office."""
    office = is_office(report)
    agency = member_references([report.evaluator_agency], mark_removed=office)
    experts = member_references(report.experts, mark_removed=office)
    return (agency[0] if agency else None), experts
