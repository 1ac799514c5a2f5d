"""The declaration gates on the Plone side: build the plain facts of a project,
call the rules, and refuse a workflow transition with the rules' message.

The rules themselves live in :mod:`changde.perfmgmt.declaration.rules`; this
module only gathers their inputs (from the content and the catalog) and acts
on their answer, for the workflow, the views and the REST services alike.
"""

import transaction
from plone import api
from zope.component import queryUtility
from zope.globalrequest import getRequest

from changde.perfmgmt.core.indexers import jurisdiction_of
from changde.perfmgmt.core.messages import violation_message
from changde.perfmgmt.core.rules.jurisdictions import MUNICIPAL
from changde.perfmgmt.core.transitions import TransitionRefusal
from changde.perfmgmt.declaration.cap_guard import hold_cap
from changde.perfmgmt.declaration.interfaces import INegativeListSource
from changde.perfmgmt.declaration.messages import readable
from changde.perfmgmt.declaration.messages import translate_violations
from changde.perfmgmt.declaration.rules import gates
from changde.perfmgmt.declaration.rules.gates import ProjectFacts
from changde.perfmgmt.declaration.rules.gates import return_reason_gate
from changde.perfmgmt.declaration.rules.indicators import has_numeric_target
from changde.perfmgmt.declaration.settings import declaration_settings

SUBMIT = "submit"
APPROVE = "approve"
RETURN = "return"


def indicator_counts(project):
    """(all, quantifiable, titles of the quantifiable ones without a numeric
    target value) of the project's indicators, from catalog metadata."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="Indicator",
        path={"query": "/".join(project.getPhysicalPath()), "depth": 1},
        sort_on="getObjPositionInParent",
    )
    quantifiable = [brain for brain in brains if brain.quantifiable]
    without_target = tuple(
        brain.Title
        for brain in quantifiable
        if not has_numeric_target(_text(brain.target_value))
    )
    return len(brains), len(quantifiable), without_target


def _text(value):
    """A metadata value as text, or None (Missing.Value before a reindex)."""
    return value if isinstance(value, str) else None


def project_facts(project):
    jurisdiction = jurisdiction_of(project)
    count, quantifiable, without_target = indicator_counts(project)
    return ProjectFacts(
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
        quantifiable_without_target=without_target,
        jurisdiction_kind=jurisdiction.kind if jurisdiction is not None else "",
    )


def _approved_municipal_special_funds(year):
    catalog = api.portal.get_tool("portal_catalog")
    return catalog.unrestrictedSearchResults(
        portal_type="BudgetProject",
        review_state="approved",
        is_special_fund=True,
        year=year,
        jurisdiction_kind=MUNICIPAL,
    )


def approved_special_fund_count(project):
    """Approved municipal-level special funds of the project's year, itself excluded."""
    uid = api.content.get_uuid(project)
    brains = _approved_municipal_special_funds(project.year)
    return sum(1 for brain in brains if uid != brain.UID)


def municipal_special_fund_usage(year):
    """(approved, cap): the municipal level's approved special funds of
    ``year`` and the cap the approval gate holds them to (R-M4)."""
    cap = declaration_settings().municipal_special_fund_cap
    return len(_approved_municipal_special_funds(year)), cap


def is_capped(project):
    """Whether the municipal cap on special funds applies to ``project``."""
    jurisdiction = jurisdiction_of(project)
    return bool(project.is_special_fund) and (
        jurisdiction is not None and jurisdiction.kind == MUNICIPAL
    )


def negative_list_hits(project):
    source = queryUtility(INegativeListSource)
    if source is None:
        return []
    return list(source.hits_for(project))


def submission_violations(project):
    return gates.submission_violations(
        project_facts(project),
        negative_list_hits=negative_list_hits(project),
        settings=declaration_settings(),
    )


def approval_violations(project):
    return gates.approval_violations(
        project_facts(project),
        approved_special_fund_count(project),
        negative_list_hits=negative_list_hits(project),
        settings=declaration_settings(),
    )


class GateRefusal(TransitionRefusal):
    """A transition the gates refuse. Its text is the rules' messages (what
    the UI shows); ``violations`` are the rules' answers (what the REST
    ``@workflow`` service answers, field by field: the message with its
    amounts readable, the params plain)."""

    def entry(self, violation):
        entry = super().entry(violation)
        entry.message = violation_message(readable(violation))
        return entry


def refuse(violations, request):
    """Abort the transaction (nothing the request did is kept) and refuse."""
    transaction.doom()
    raise GateRefusal(violations, translate_violations(violations, request))


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
        if not violations and is_capped(project):
            hold_cap(project)
    elif transition_id == RETURN:
        violations = return_reason_gate((event.kwargs or {}).get("comment"))
    else:
        return
    if violations:
        refuse(violations, request)
