"""Reports, rectification items and negative-list entries on the Plone side:
what they copy from their project or unit, the local roles that let the
unit's and the jurisdiction's staff see (and for self-evaluations and
rectification items, edit) them, and what the report workflow does.

Reports live in the evaluation folder, not in the unit, so the staff groups
(``staff_group`` of the BudgetUnit and the Jurisdiction) get local roles on
each report, as monitoring records do. The report workflow decides what each
role may do in each state (Reader sees a report once it is fed back).

The accounts (``user_id``) of the agency and experts assigned to a report get
:data:`EVALUATOR_LOCAL_ROLES` on it, so they write the report while it is a
draft (the workflow gives Editor Modify portal content in draft only). These
grants are kept apart from the staff groups' (``_evaluator_users``) and
follow the assignment: an unassigned or removed member loses them.
"""

import logging

from Acquisition import aq_inner
from Acquisition import aq_parent
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from zope.annotation.interfaces import IAnnotations
from zope.globalrequest import getRequest
from zope.i18n import translate

from changde.perfmgmt.core import relations
from changde.perfmgmt.core.content.budget_unit import IBudgetUnit
from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.core.tenancy import apply_tenancy
from changde.perfmgmt.core.tenancy import tenancy_of
from changde.perfmgmt.core.tenancy import tenancy_values
from changde.perfmgmt.evaluation.rules.grades import current_pre_evaluation_result
from changde.perfmgmt.evaluation.vocabularies import GRADE_TITLES
from changde.perfmgmt.i18n import _

logger = logging.getLogger("changde.perfmgmt.evaluation")

#: local roles of the evaluated unit's and jurisdiction's staff on a report
REPORT_LOCAL_ROLES = ("Reader",)
#: ... on a self-evaluation, which the unit writes itself
SELF_EVALUATION_LOCAL_ROLES = ("Reader", "Editor")
#: ... on a rectification item of the unit
ITEM_LOCAL_ROLES = ("Reader", "Editor")
#: ... on a negative-list entry about the unit or its project
ENTRY_LOCAL_ROLES = ("Reader",)
#: local roles of the assigned agency's and experts' accounts on a report
EVALUATOR_LOCAL_ROLES = ("Editor",)
#: library member types whose accounts may write a report
EVALUATOR_TYPES = ("Agency", "Expert")

#: report states in which the result counts (approved and after)
RESULT_STATES = ("approved", "fed_back", "published")
#: item states that count in the rectification rate (draft: not fed back yet)
COUNTED_ITEM_STATES = ("open", "submitted", "accepted", "reopened")


# --- reports ------------------------------------------------------------------


def target_of(report):
    """The evaluated project, else the evaluated unit (or None)."""
    return relations.target_of(report.project) or relations.target_of(report.unit)


def refresh_report(report, event=None):
    """Copy the project's (or unit's) tenancy to the report and give the staff
    groups their local roles (subscriber of added and modified reports)."""
    target = target_of(report)
    if target is not None:
        values = tenancy_values(target)
        if report.project and not report.unit and values.get("unit_uid"):
            relations.set_relation(report, "unit", values["unit_uid"])
        roles = (
            SELF_EVALUATION_LOCAL_ROLES
            if report.evaluation_kind == "self"
            else REPORT_LOCAL_ROLES
        )
        apply_tenancy(report, values, roles)
        apply_evaluator_roles(report, evaluator_user_ids(report))
        for item in report.objectValues():
            if getattr(item, "portal_type", None) == "RectificationItem":
                refresh_item(item)
    # an edit of a decided pre-evaluation (score, kind, project) follows at once
    sync_pre_evaluation(report)


def refresh_reports_of_member(member, event=None):
    """An expert's or agency's account or status changed (or the member was
    removed): the reports naming it give or take back its grants now."""
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(
        portal_type="EvaluationReport", evaluation_members=api.content.get_uuid(member)
    ):
        refresh_report(brain._unrestrictedGetObject())


def evaluator_user_ids(report):
    """The accounts of the report's agency and experts, in that order, without
    the members that are removed (已淘汰) or have no account."""
    members = relations.targets_of([report.evaluator_agency, *(report.experts or ())])
    user_ids = []
    for member in members:
        if getattr(member, "portal_type", None) not in EVALUATOR_TYPES:
            continue
        if (getattr(member, "status", None) or "active") == "removed":
            continue
        user_id = (getattr(member, "user_id", None) or "").strip()
        if user_id and user_id not in user_ids:
            user_ids.append(user_id)
    return tuple(user_ids)


def apply_evaluator_roles(report, user_ids, roles=EVALUATOR_LOCAL_ROLES):
    """Give ``user_ids`` the ``roles`` on the report and take them back from
    the accounts that had them before and are no longer assigned (their other
    local roles, e.g. Owner, stay). Answer whether anything changed."""
    user_ids = tuple(user_ids)
    roles = tuple(roles)
    previous = tuple(getattr(report, "_evaluator_users", ()))
    previous_roles = tuple(getattr(report, "_evaluator_roles", ()))
    if user_ids == previous and roles == previous_roles:
        return False
    for user_id in previous:
        kept = [
            role
            for role in report.get_local_roles_for_userid(user_id)
            if role not in previous_roles
        ]
        if kept:
            report.manage_setLocalRoles(user_id, kept)
        else:
            report.manage_delLocalRoles([user_id])
    for user_id in user_ids:
        report.manage_addLocalRoles(user_id, list(roles))
    report._evaluator_users = user_ids
    report._evaluator_roles = roles
    report.reindexObjectSecurity()
    return True


def report_violations(report):
    """What stops a report from going to internal review: the score and the
    evaluated project (or, for a unit-wide evaluation, unit)."""
    errors = []
    if report.score is None:
        errors.append(
            _("error_report_needs_score", default="评价报告须先填写评分(0–100)。")
        )
    if report.evaluation_kind == "unit_overall":
        if not report.unit:
            errors.append(
                _(
                    "error_report_needs_unit",
                    default="部门整体支出评价须填写被评价单位。",
                )
            )
    elif not report.project:
        errors.append(
            _("error_report_needs_project", default="项目评价须填写被评价项目。")
        )
    return errors


def check_report_transition(report, event):
    """IBeforeTransitionEvent: a report goes to review with a score and its
    target; it is fed back only once approved."""
    if event.transition is None or event.transition.getId() != "submit":
        return
    errors = report_violations(report)
    if errors:
        request = getRequest()
        raise WorkflowException(
            " ".join(translate(error, context=request) for error in errors)
        )


def after_report_transition(report, event):
    """IAfterTransitionEvent: a pre-evaluation entering or leaving the result
    states sets (or takes back) the project's pre-evaluation result; feeding
    back opens the items and notifies the unit."""
    if event.transition is None:
        return
    sync_pre_evaluation(report)
    if event.transition.getId() == "feed_back":
        open_items(report)
        notify_unit(report)


# --- the pre-evaluation result of the project (R-M4) -----------------------------

#: annotation on a project: its result before a pre-evaluation decided it
PRE_EVALUATION_BASELINE = "changde.perfmgmt.evaluation.pre_evaluation_baseline"
REPORT_WORKFLOW = "perfmgmt_evaluation_report_workflow"


def decides_pre_evaluation(report):
    """Whether the report sets its project's pre-evaluation result now: a
    pre-evaluation with a grade, approved or later."""
    return (
        report.evaluation_kind == "pre"
        and bool(report.project)
        and report.grade is not None
        and api.content.get_state(report, default=None) in RESULT_STATES
    )


def approved_at(report):
    """When the report was last approved (workflow history), for ordering."""
    history = (getattr(report, "workflow_history", None) or {}).get(REPORT_WORKFLOW, ())
    times = [entry["time"] for entry in history if entry.get("action") == "approve"]
    return times[-1] if times else report.modified()


def sync_pre_evaluation(report, removed=False):
    """Keep the pre-evaluation result of the project(s) the report decides or
    decided in step with it: after a transition (approved, or returned to
    draft), an edit (score, kind or project changed) or its removal. Answer
    the result of the report's current project, or None."""
    previous = getattr(report, "_pre_evaluation_project", None)
    current = None if removed else relations.target_uid(report.project)
    deciding = not removed and decides_pre_evaluation(report)
    if not deciding and previous is None:
        return None  # never decided anything: leave the project alone
    report._pre_evaluation_project = current if deciding else None
    answer = None
    for uid in {uid for uid in (previous, current) if uid}:
        result = sync_project_pre_evaluation(uid, report, deciding and uid == current)
        if uid == current:
            answer = result
    return answer


def sync_project_pre_evaluation(project_uid, report, report_decides):
    """Set the project's result from its deciding pre-evaluations (the latest
    approved decides; ``report`` counts as ``report_decides`` says, whatever
    the catalog still holds about it); with none left, restore the result it
    had before (:func:`rules.current_pre_evaluation_result`)."""
    project = relations.target_of(project_uid)
    if project is None or getattr(project, "portal_type", None) != "BudgetProject":
        return None
    catalog = api.portal.get_tool("portal_catalog")
    uid = api.content.get_uuid(report)
    deciding = [
        other
        for other in (
            brain._unrestrictedGetObject()
            for brain in catalog.unrestrictedSearchResults(
                portal_type="EvaluationReport",
                evaluation_kind="pre",
                project_uid=project_uid,
            )
            if uid != brain.UID
        )
        if relations.target_uid(other.project) == project_uid
        and decides_pre_evaluation(other)
    ]
    if report_decides:
        deciding.append(report)
    deciding.sort(key=approved_at)
    annotations = IAnnotations(project)
    current = project.pre_evaluation_result or "none"
    if deciding and PRE_EVALUATION_BASELINE not in annotations:
        annotations[PRE_EVALUATION_BASELINE] = current
    baseline = annotations.get(PRE_EVALUATION_BASELINE, "none")
    result = current_pre_evaluation_result(
        [other.grade for other in deciding], baseline
    )
    if not deciding:
        annotations.pop(PRE_EVALUATION_BASELINE, None)
    if current != result:
        project.pre_evaluation_result = result
        project.reindexObject()
    return result


def report_removed(report, event=None):
    """IObjectRemovedEvent: a deleted pre-evaluation no longer decides."""
    sync_pre_evaluation(report, removed=True)


def items_of(report, state=None):
    items = [
        obj
        for obj in report.objectValues()
        if getattr(obj, "portal_type", None) == "RectificationItem"
    ]
    if state is not None:
        items = [item for item in items if api.content.get_state(item) == state]
    return items


def open_items(report):
    """Open the report's draft rectification items (the unit can now act)."""
    workflow = api.portal.get_tool("portal_workflow")
    opened = []
    with api.env.adopt_roles(["Manager"]):
        for item in items_of(report, "draft"):
            workflow.doActionFor(item, "open")
            opened.append(item)
    return opened


def staff_emails(group_ids):
    emails = []
    for group_id in group_ids:
        group = api.group.get(groupname=group_id)
        if group is None:
            continue
        for member in group.getGroupMembers():
            email = member.getProperty("email")
            if email and email not in emails:
                emails.append(email)
    return emails


def notify_unit(report):
    """Tell the evaluated unit's staff that the result was fed back: a
    notification record on the report (always: shown on the report's page
    and in its REST answer to the unit's staff and the office) and an email
    through the MailHost (when one is configured)."""
    unit = relations.target_of(report.unit)
    group = getattr(unit, "staff_group", None)
    recipients = staff_emails([group] if group else [])
    items = items_of(report)
    deadlines = [item.deadline for item in items if item.deadline]
    notice = {
        "date": _today().isoformat(),
        "group": group,
        "unit_title": report.unit_title,
        "report_title": report.Title(),
        "grade": report.grade,
        "items": len(items),
        "deadline": min(deadlines).isoformat() if deadlines else None,
        "recipients": recipients,
        "emailed": False,
    }
    request = getRequest()
    if recipients and api.portal.get_registry_record(
        "plone.email_from_address", default=None
    ):
        subject = translate(
            _(
                "notice_feedback_subject",
                default="绩效评价结果反馈：${title}",
                mapping={"title": report.Title()},
            ),
            context=request,
        )
        body = f"{notice_text(notice, request)}\n\n{report.absolute_url()}\n"
        try:
            for recipient in recipients:
                api.portal.send_email(recipient=recipient, subject=subject, body=body)
            notice["emailed"] = True
        except Exception:  # noqa: BLE001 - mail must not stop the feedback
            logger.exception("feedback mail for %s not sent", report.absolute_url())
    report.notifications = list(report.notifications or ()) + [notice]
    return notice


def notice_text(notice, request):
    """The notice as the unit reads it, in the reader's language."""
    grade = GRADE_TITLES.get(notice.get("grade"))
    return translate(
        _(
            "notice_feedback_text",
            default="${unit}：《${title}》的评价结果已反馈，等级：${grade}。"
            "整改事项 ${items} 项，请在整改期限内提交整改措施和佐证材料。",
            mapping={
                "unit": notice.get("unit_title") or "",
                "title": notice.get("report_title") or "",
                "grade": grade or "—",
                "items": str(notice.get("items") or 0),
            },
        ),
        context=request,
    )


def notifications_of(report, request):
    """The report's feedback notices, oldest first, each with its ``message``
    in the reader's language."""
    return [
        {**notice, "message": notice_text(notice, request)}
        for notice in report.notifications or ()
    ]


def is_unit_staff(report):
    """Whether the current user is on the evaluated unit's staff."""
    unit = relations.target_of(report.unit)
    group = getattr(unit, "staff_group", None)
    if not group or api.user.is_anonymous():
        return False
    user = api.user.get_current()
    return group in (user.getGroups() or ())


def may_see_notifications(report):
    """The feedback notices are for those who may edit the report (the
    office) and the evaluated unit's staff; not for anonymous readers of a
    published report, nor for other signed-in readers."""
    if api.user.is_anonymous():
        return False
    if api.user.has_permission("Modify portal content", obj=report):
        return True
    if api.user.has_permission("changde.perfmgmt: Manage evaluation", obj=report):
        return True
    return is_unit_staff(report)


def _today():
    return today_in_china()


# --- rectification items ------------------------------------------------------


def source_of(item):
    """The report that holds the item, or the monitoring record it names."""
    parent = aq_parent(aq_inner(item))
    if getattr(parent, "portal_type", None) == "EvaluationReport":
        return parent
    return relations.target_of(item.monitoring_record)


def refresh_item(item, event=None):
    """Copy the owner unit's tenancy and the source's year to the item and give
    the staff groups :data:`ITEM_LOCAL_ROLES`."""
    source = source_of(item)
    source_type = getattr(source, "portal_type", None)
    owner = relations.target_of(item.owner_unit)
    if owner is None:
        if source_type == "EvaluationReport":
            owner = relations.target_of(source.unit) or relations.target_of(
                source.project
            )
        elif source_type == "MonitoringRecord":
            owner = relations.target_of(getattr(source, "project", None))
        if owner is not None:
            unit = tenancy_of(owner)[1]
            if unit is not None and IBudgetUnit.providedBy(unit):
                relations.set_relation(item, "owner_unit", unit)
                owner = unit
    values = tenancy_values(owner) if owner is not None else {}
    values.pop("project_title", None)
    values.pop("project_code", None)
    values.pop("unit_uid", None)
    if source_type == "EvaluationReport":
        values["year"] = source.year
        values["source_kind"] = "report"
    elif source_type == "MonitoringRecord":
        monitoring_round = source.monitoring_round
        values["year"] = getattr(monitoring_round, "year", None)
        values["source_kind"] = "monitoring_record"
    values["source_uid"] = api.content.get_uuid(source) if source_type else None
    if not values.get("_groups"):
        values["_groups"] = ()
    if source_type == "EvaluationReport":
        block_report_roles(item)
    apply_tenancy(item, values, ITEM_LOCAL_ROLES)


def block_report_roles(item):
    """An item in a report does not acquire the report's local roles: the
    experts' and agency's Editor there must not let them edit the unit's
    rectification (the unit's groups get their roles on the item itself)."""
    if not getattr(item, "__ac_local_roles_block__", False):
        item.__ac_local_roles_block__ = True
        item.reindexObjectSecurity()


def check_item_transition(item, event):
    """IBeforeTransitionEvent: an item is submitted with its measures."""
    if event.transition is None or event.transition.getId() != "submit":
        return
    if not (item.measures or "").strip():
        raise WorkflowException(
            translate(
                _(
                    "error_item_needs_measures",
                    default="提交整改前须填写整改措施。",
                ),
                context=getRequest(),
            )
        )
