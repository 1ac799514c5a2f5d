"""The negative list (负面清单, R-M13) on the Plone side: the folder, what an
entry copies from its target, proposing entries, releasing them, and the
:class:`~changde.perfmgmt.declaration.interfaces.INegativeListSource` utility
the declaration gate reads.

An entry of year Y applies to declarations of a *later* budget year (the
plan: excluded from the next year's support) for as long as it is listed: to
the project itself, to projects with the same project code (next year's
declaration of the same project), and, for a unit, to every project of the
unit.
"""

from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.interface import implementer

from changde.perfmgmt.core import relations
from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.core.tenancy import apply_tenancy
from changde.perfmgmt.core.tenancy import tenancy_of
from changde.perfmgmt.core.tenancy import tenancy_values
from changde.perfmgmt.declaration.interfaces import INegativeListSource
from changde.perfmgmt.declaration.rules.gates import NegativeListHit
from changde.perfmgmt.evaluation.reports import ENTRY_LOCAL_ROLES
from changde.perfmgmt.evaluation.vocabularies import REASON_TITLES
from changde.perfmgmt.i18n import _

FOLDER_ID = "negative-list"
FOLDER_TITLE = "负面清单"
LISTED = "listed"


def negative_list_folder(portal=None, create=True):
    """The negative-list folder in the site root (created when missing)."""
    portal = portal or api.portal.get()
    folder = portal.get(FOLDER_ID)
    if folder is None and create:
        with api.env.adopt_roles(["Manager"]):
            api.content.create(
                container=portal,
                type="NegativeListFolder",
                id=FOLDER_ID,
                title=FOLDER_TITLE,
                description="列入负面清单的项目和单位;申报下一年度预算时被拒绝。",
            )
        folder = portal[FOLDER_ID]
    return folder


def code_key(code):
    return f"code:{code}"


def refresh_entry(entry, event=None):
    """Copy the target's kind, title, code and tenancy; local roles for the
    target's staff (subscriber of added and modified entries)."""
    target = relations.target_of(entry.target)
    if target is None:
        return
    values = tenancy_values(target)
    is_project = target.portal_type == "BudgetProject"
    values["target_kind"] = "project" if is_project else "unit"
    values["target_title"] = target.Title()
    values["target_code"] = values.pop("project_code", None)
    values.pop("project_title", None)
    values.pop("unit_uid", None)
    apply_tenancy(entry, values, ENTRY_LOCAL_ROLES)


def entry_targets(entry):
    """What the ``negative_targets`` index holds: the target's UID and, for a
    project with a code, ``code:<project code>``."""
    uid = relations.target_uid(entry.target)
    targets = [uid] if uid else []
    if entry.target_kind == "project" and entry.target_code:
        targets.append(code_key(entry.target_code))
    return targets


def listed_entries_for(project):
    """Brains of the listed entries that apply to ``project`` (unrestricted:
    the gate applies whoever submits)."""
    keys = [api.content.get_uuid(project)]
    code = getattr(project, "project_code", None)
    if code:
        keys.append(code_key(code))
    unit = tenancy_of(project)[1]
    if unit is not None:
        keys.append(api.content.get_uuid(unit))
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="NegativeListEntry",
        review_state=LISTED,
        negative_targets={"query": keys, "operator": "or"},
    )
    year = getattr(project, "year", None)
    return [
        brain
        for brain in brains
        if year is None or brain.year is None or brain.year < year
    ]


def reason_text(brain, request=None):
    """The entry's reason (and details) in the language of the request, for
    the declaration gate's message."""
    request = request if request is not None else getRequest()
    title = REASON_TITLES.get(brain.negative_reason)
    label = (
        translate(title, context=request) if title else (brain.negative_reason or "")
    )
    detail = (getattr(brain, "reason_detail", None) or "").strip()
    if not detail:
        return label
    return translate(
        _(
            "negative_list_reason_with_detail",
            default="${reason}（具体情况：${detail}）",
            mapping={"reason": label, "detail": detail},
        ),
        context=request,
    )


@implementer(INegativeListSource)
class NegativeListSource:
    """The listed entries for the declaration gate."""

    def hits_for(self, project):
        return [
            NegativeListHit(
                target_title=brain.target_title or brain.Title,
                target_kind=brain.target_kind or "project",
                reason=reason_text(brain),
                year=brain.year,
            )
            for brain in listed_entries_for(project)
        ]


negative_list_source = NegativeListSource()


def propose_entry(target_uid, reason, year, source=None, detail=None):
    """A proposed entry, unless one for the same target, reason and year exists
    (in any state); answer ``(entry, created)``."""
    catalog = api.portal.get_tool("portal_catalog")
    existing = catalog.unrestrictedSearchResults(
        portal_type="NegativeListEntry",
        negative_targets=target_uid,
        negative_reason=reason,
        year=year,
    )
    for brain in existing:
        entry = brain._unrestrictedGetObject()
        if relations.target_uid(entry.target) == target_uid:
            return entry, False
    folder = negative_list_folder()
    with api.env.adopt_roles(["Manager"]):
        entry = api.content.create(
            container=folder,
            type="NegativeListEntry",
            target=relations.relation_to(target_uid),
            reason=reason,
            year=year,
            source=relations.relation_to(source),
            reason_detail=detail,
            safe_id=True,
            id=f"{year}-{reason}-{target_uid[:8]}",
        )
    return entry, True


def check_entry_transition(entry, event):
    """IBeforeTransitionEvent: releasing (or rejecting) needs the reason."""
    if event.transition is None:
        return
    if event.transition.getId() not in ("release", "reject"):
        return
    comment = ((event.kwargs or {}).get("comment") or "").strip()
    if not comment:
        raise WorkflowException(
            translate(
                _(
                    "error_release_needs_reason",
                    default="移出或不予列入负面清单须填写理由。",
                ),
                context=getRequest(),
            )
        )


def after_entry_transition(entry, event):
    """IAfterTransitionEvent: a release records who and why."""
    if event.transition is None or event.transition.getId() != "release":
        return
    entry.released_by = api.user.get_current().getId()
    entry.release_reason = ((event.kwargs or {}).get("comment") or "").strip()
    entry.released_on = today_in_china()
    entry.reindexObject()
