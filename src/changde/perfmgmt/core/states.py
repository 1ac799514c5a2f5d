"""The title of a workflow state as people read it, from the item's own
workflow: a submitted project is 已提交, a submitted rectification item is
已提交 by its own workflow's title, never another workflow's (Plone's
listings otherwise show the id, or Plone's word for a state of the same id).

Catalog brains carry ``portal_type`` and ``review_state``: no object is woken.
"""

from plone import api
from zope.i18n import translate

DOMAIN = "changde.perfmgmt"
_MISSING = object()


def state_titles(portal_type):
    """{state id: title (English, the msgid)} of ``portal_type``'s workflow."""
    workflow_tool = api.portal.get_tool("portal_workflow")
    for workflow_id in workflow_tool.getChainForPortalType(portal_type):
        workflow = workflow_tool.getWorkflowById(workflow_id)
        states = getattr(workflow, "states", None)
        if states is not None:
            return {
                state.getId(): state.title or state.getId() for state in states.values()
            }
    return {}


def translate_title(title, request):
    """A workflow title in the reader's language: our catalogue first (the
    add-on's workflows), then Plone's (its own workflows)."""
    text = translate(title, domain=DOMAIN, context=request, default=_MISSING)
    if text is _MISSING:
        text = translate(title, domain="plone", context=request, default=title)
    return text


def state_title(portal_type, state, request):
    """The title of ``state`` in ``portal_type``'s workflow, translated."""
    if not state:
        return ""
    title = state_titles(portal_type).get(state)
    return translate_title(title, request) if title else state


class StateTitles:
    """Titles of many brains' states, each workflow read once."""

    def __init__(self, request):
        self.request = request
        self._titles = {}

    def __call__(self, portal_type, state):
        key = (portal_type, state)
        if key not in self._titles:
            self._titles[key] = state_title(portal_type, state, self.request)
        return self._titles[key]

    def translate(self, title):
        """A workflow title (a state's or a transition's), translated."""
        return translate_title(title, self.request)

    def of(self, brain):
        return self(brain.portal_type, brain.review_state)
