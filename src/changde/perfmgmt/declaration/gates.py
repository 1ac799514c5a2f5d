"""The declaration gates on the Plone side: build the plain facts of a project,
call the rules, and refuse a workflow transition with the rules' message.

The rules themselves live in :mod:`changde.perfmgmt.declaration.rules`; this
module only gathers their inputs (from the content and the catalog) and acts
on their answer, for the workflow, the views and the REST services alike.
"""

import transaction
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from zope.component import queryUtility
from zope.globalrequest import getRequest

from changde.perfmgmt.core.indexers import jurisdiction_of
from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.declaration import rules
from changde.perfmgmt.declaration.interfaces import INegativeListSource
from changde.perfmgmt.declaration.settings import declaration_settings

SUBMIT = "submit"
APPROVE = "approve"
RETURN = "return"


def indicator_counts(project):
    """(all, quantifiable) indicators of the project, from catalog metadata."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="Indicator",
        path={"query": "/".join(project.getPhysicalPath()), "depth": 1},
    )
    quantifiable = sum(1 for brain in brains if brain.quantifiable)
    return len(brains), quantifiable


def project_facts(project):
    jurisdiction = jurisdiction_of(project)
    count, quantifiable = indicator_counts(project)
    return rules.ProjectFacts(
        year=project.year,
        budget_kind=project.budget_kind,
        is_special_fund=bool(project.is_special_fund),
        amount=project.amount,
        is_new_major=bool(project.is_new_major),
        has_performance_goal=project.has_performance_goal,
        has_management_measure=project.has_management_measure,
        pre_evaluation_result=project.pre_evaluation_result or "none",
        indicator_count=count,
        quantifiable_indicator_count=quantifiable,
        jurisdiction_kind=jurisdiction.kind if jurisdiction is not None else "",
    )


def approved_special_fund_count(project):
    """Approved municipal-level special funds of the project's year, itself excluded."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="BudgetProject",
        review_state="approved",
        is_special_fund=True,
        year=project.year,
        jurisdiction_kind=rules.MUNICIPAL,
    )
    uid = api.content.get_uuid(project)
    return sum(1 for brain in brains if uid != brain.UID)


def negative_list_hits(project):
    source = queryUtility(INegativeListSource)
    if source is None:
        return []
    return list(source.hits_for(project))


def submission_violations(project):
    return rules.submission_violations(
        project_facts(project),
        negative_list_hits=negative_list_hits(project),
        settings=declaration_settings(),
    )


def approval_violations(project):
    return rules.approval_violations(
        project_facts(project),
        approved_special_fund_count(project),
        negative_list_hits=negative_list_hits(project),
        settings=declaration_settings(),
    )


def refuse(messages):
    """Abort the transaction (nothing the request did is kept) and refuse."""
    transaction.doom()
    raise WorkflowException(" ".join(messages))


def check_transition(project, event):
    """IBeforeTransitionEvent: the gates of the plan, before the state changes."""
    if event.transition is None:
        return
    request = getRequest()
    transition_id = event.transition.getId()
    if transition_id == SUBMIT:
        violations = submission_violations(project)
    elif transition_id == APPROVE:
        violations = approval_violations(project)
    elif transition_id == RETURN:
        violations = rules.return_reason_gate((event.kwargs or {}).get("comment"))
    else:
        return
    if violations:
        refuse([translate_violation(violation, request) for violation in violations])
