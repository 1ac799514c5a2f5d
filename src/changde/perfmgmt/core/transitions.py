"""Workflow transitions: why one is refused, and who may make one.

- :class:`TransitionRefusal` is what a before-transition check (a gate of
  the plan) raises: a ``WorkflowException`` whose text is the rules'
  messages (what the UI shows) and whose ``violations`` are the rules'
  answers (what REST answers, one entry each).
- :func:`transition_status` tells a transition that can be made from the
  item's state from one the user's role may not make, one that does not
  leave this state, and one that does not exist.
- :func:`may_make` answers whether the user could make a transition at
  all (from any state it leaves), for an item already in its destination:
  plone.restapi answers "already there" with success, which must not tell
  a user who may not make the transition that it was allowed.
"""

from AccessControl import getSecurityManager
from AccessControl.PermissionRole import rolesForPermissionOn
from Acquisition import aq_inner
from Acquisition import aq_parent
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException

#: transition_status answers
AVAILABLE = "available"  # from this state, and the guard lets the user
GUARDED = "guarded"  # from this state, but the guard refuses the user
SAME_STATE = "same_state"  # the item is in the transition's destination
ELSEWHERE = "elsewhere"  # the transition does not leave this state
UNKNOWN = "unknown"  # no workflow of the item has it


class TransitionRefusal(WorkflowException):
    """A transition the rules refuse: ``violations`` say why."""

    def __init__(self, violations, messages=()):
        if isinstance(violations, TransitionRefusal):
            # portal_workflow re-raises an exception as type(exc)(exc)
            messages, violations = [str(violations)], violations.violations
        super().__init__(" ".join(messages))
        self.violations = list(violations)

    def entry(self, violation):
        """The REST ``errors`` entry of one violation."""
        from changde.perfmgmt.core.rest import FieldError

        return FieldError.from_violation(violation)

    def errors(self):
        return [self.entry(violation) for violation in self.violations]


def _workflow_transition(obj, transition_id):
    """(workflow, transition definition, the item's state) of the first
    workflow of ``obj`` that has ``transition_id``, else Nones."""
    wftool = api.portal.get_tool("portal_workflow")
    for workflow in wftool.getWorkflowsFor(obj):
        transition = workflow.transitions.get(transition_id)
        if transition is not None:
            state = workflow._getWorkflowStateOf(obj)
            return workflow, transition, state
    return None, None, None


def transition_status(obj, transition_id):
    """One of :data:`AVAILABLE`, :data:`GUARDED`, :data:`SAME_STATE`,
    :data:`ELSEWHERE`, :data:`UNKNOWN` (see the module's docstring)."""
    workflow, transition, state = _workflow_transition(obj, transition_id)
    if transition is None:
        return UNKNOWN
    if state is not None and transition_id in state.transitions:
        guard = transition.getGuard()
        if guard.check(getSecurityManager(), workflow, obj):
            return AVAILABLE
        return GUARDED
    if state is not None and state.getId() == transition.new_state_id:
        return SAME_STATE
    return ELSEWHERE


def _roles_with_permission(state, permission, obj):
    """The roles holding ``permission`` on ``obj`` in ``state`` (the state's
    permission map; an acquired setting adds the parent's roles)."""
    info = state.getPermissionInfo(permission)
    roles = set(info.get("roles") or ())
    if info.get("acquired"):
        parent = aq_parent(aq_inner(obj))
        if parent is not None:
            roles.update(rolesForPermissionOn(permission, parent) or ())
    return roles


def may_make(obj, transition_id):
    """Whether the current user holds what the transition's guard asks
    (roles, or a permission in a state it leaves from), its expression
    aside: the rules it stands for were met when it was made."""
    workflow, transition, state = _workflow_transition(obj, transition_id)
    if transition is None:
        return False
    user = getSecurityManager().getUser()
    roles = set(user.getRolesInContext(obj))
    if "Manager" in roles:
        return True
    guard = transition.getGuard()
    if guard.roles and not roles.intersection(guard.roles):
        return False
    if guard.groups:
        groups = set(getattr(user, "getGroups", lambda: ())() or ())
        if not groups.intersection(guard.groups):
            return False
    if guard.permissions:
        sources = [
            source
            for source in workflow.states.objectValues()
            if transition_id in source.transitions
        ]
        allowed = set()
        for source in sources:
            for permission in guard.permissions:
                allowed |= _roles_with_permission(source, permission, obj)
        if "Anonymous" not in allowed and not roles.intersection(allowed):
            return False
    return True


def state_title(obj):
    """The title of the item's state (untranslated, Plone's domain)."""
    wftool = api.portal.get_tool("portal_workflow")
    state = api.content.get_state(obj, default=None)
    if state is None:
        return ""
    return wftool.getTitleForStateOnType(state, obj.portal_type) or state


def transition_title(obj, transition_id):
    workflow, transition, state = _workflow_transition(obj, transition_id)
    if transition is None:
        return transition_id
    return transition.actbox_name or transition.title or transition_id
