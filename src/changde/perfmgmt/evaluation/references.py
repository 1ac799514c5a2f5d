"""The agency and experts of a report as references: the summaries of the
related members (:func:`changde.perfmgmt.core.serializers.relation_summary`:
in full for a reader who may see the member, else its name and UID) for
anyone who may view the report; for the office, each says whether the member
is removed (已淘汰) or gone.
"""

from plone import api
from zope.globalrequest import getRequest

from changde.perfmgmt.core.relations import target_of
from changde.perfmgmt.core.serializers import relation_summary

MANAGE = "changde.perfmgmt: Manage evaluation"


def is_office(report):
    """Whether the user manages evaluations (the performance office)."""
    return bool(api.user.has_permission(MANAGE, obj=report))


def member_references(relations, request=None, mark_removed=False):
    """One summary per relation, in order. With ``mark_removed`` (for the
    office) each says whether the member is removed (已淘汰) or gone; a gone
    member is ``{"@id": None, "title": None, "removed": True}``, left out for
    everybody else."""
    request = request if request is not None else getRequest()
    references = []
    for relation in relations or ():
        if not relation:
            continue
        member = target_of(relation)
        if member is None:
            if mark_removed:
                references.append({"@id": None, "title": None, "removed": True})
            continue
        reference = relation_summary(member, request)
        if mark_removed:
            reference["removed"] = getattr(member, "status", None) == "removed"
        references.append(reference)
    return references


def report_members(report, request=None):
    """``(agency, experts)`` of the report as references (agency: one or
    None), marked for the office."""
    office = is_office(report)
    agency = member_references([report.evaluator_agency], request, office)
    experts = member_references(report.experts, request, office)
    return (agency[0] if agency else None), experts
