"""Workflow state titles, read from the workflow definitions.

The titles of states are written once, in each workflow's ``definition.xml``
(English msgids of the ``changde.perfmgmt`` domain, translated in its
catalogue and, for Plone's toolbar, in ``plone.po``): pages, lists and
messages read them from ``portal_workflow`` instead of repeating them in
Python.
"""

from plone import api
from zope.i18n import translate
from zope.i18nmessageid import Message

DOMAIN = "changde.perfmgmt"


def state_titles(workflow_id):
    """``{state id: title}`` of ``workflow_id`` in the order of its
    definition; each title an i18n message."""
    workflow = api.portal.get_tool("portal_workflow").getWorkflowById(workflow_id)
    if workflow is None:
        return {}
    return {
        state_id: Message(state.title or state_id, domain=DOMAIN)
        for state_id, state in workflow.states.objectItems()
    }


def state_title(workflow_id, state_id):
    """The title of ``state_id`` (an i18n message), or None for no such state."""
    return state_titles(workflow_id).get(state_id)


def state_label(workflow_id, state_id, request):
    """The title of ``state_id`` in the reader's language; the id itself
    when the workflow has no such state."""
    title = state_title(workflow_id, state_id)
    return translate(title, context=request) if title else (state_id or "")


class StateTitles:
    """The state titles of a workflow as a mapping looked up when used (not
    at import, when there is no site): for ``register_param_labels``."""

    def __init__(self, workflow_id):
        self.workflow_id = workflow_id

    def get(self, state_id, default=None):
        title = state_title(self.workflow_id, state_id)
        return default if title is None else title
