"""Catalog metadata of the workbench: since when an item is in its workflow
state (``state_since``, the time of its last workflow transition) and the
comment of that transition (``state_comment``: the reason a project was
returned). The workbench ages the waiting items and shows the reasons from
these, without waking the items. A transition reindexes the item's workflow
variables, which updates its metadata too."""

from Acquisition import aq_base
from plone.dexterity.interfaces import IDexterityContent
from plone.indexer import indexer
from Products.CMFCore.utils import getToolByName


def last_transition(obj):
    """The last entry of ``obj``'s workflow history in its current workflow
    (a dict with ``time``, ``action``, ``actor``, ``comments``), or None."""
    history = getattr(aq_base(obj), "workflow_history", None)
    if not history:
        return None
    workflow = getToolByName(obj, "portal_workflow", None)
    chain = workflow.getChainFor(obj) if workflow is not None else ()
    for workflow_id in chain:
        entries = history.get(workflow_id)
        if entries:
            return entries[-1]
    return None


@indexer(IDexterityContent)
def state_since(obj):
    entry = last_transition(obj)
    if entry is None or entry.get("time") is None:
        raise AttributeError("state_since")
    return entry["time"]


@indexer(IDexterityContent)
def state_comment(obj):
    entry = last_transition(obj)
    if entry is None:
        raise AttributeError("state_comment")
    return (entry.get("comments") or "").strip() or None
