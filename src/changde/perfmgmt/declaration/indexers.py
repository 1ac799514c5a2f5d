"""Catalog data of the declaration module: an indicator's comparator, unit,
weight and actual value (the project page and form show the table from the
catalog), and for a project the date it entered its state and, once
returned, the reviewer's reason (the queue and the lists by year)."""

from plone.indexer import indexer
from Products.CMFCore.utils import getToolByName

from changde.perfmgmt.declaration.content.budget_project import IBudgetProject
from changde.perfmgmt.declaration.content.indicator import IIndicator
from changde.perfmgmt.declaration.content.indicator_template import IIndicatorTemplate

RETURNED = "returned"


def _value(value, name):
    if value is None or value == "":
        raise AttributeError(name)
    return value


@indexer(IIndicator)
def indicator_comparator(obj):
    return _value(obj.comparator, "indicator_comparator")


@indexer(IIndicatorTemplate)
def template_comparator(obj):
    return _value(obj.comparator, "indicator_comparator")


@indexer(IIndicator)
def indicator_unit(obj):
    return _value(obj.unit, "indicator_unit")


@indexer(IIndicatorTemplate)
def template_unit(obj):
    return _value(obj.unit, "indicator_unit")


@indexer(IIndicator)
def indicator_weight(obj):
    return _value(obj.weight, "indicator_weight")


@indexer(IIndicator)
def indicator_actual_value(obj):
    return _value(obj.actual_value, "indicator_actual_value")


def last_transition(obj):
    """The newest entry of ``obj``'s workflow history (a dict), or None."""
    workflow_tool = getToolByName(obj, "portal_workflow")
    for workflow_id in workflow_tool.getChainFor(obj):
        history = (
            obj.workflow_history.get(workflow_id)
            if hasattr(obj, "workflow_history")
            else None
        )
        if history:
            return history[-1]
    return None


@indexer(IBudgetProject)
def state_since(obj):
    """When the project entered its present state (the queue's age)."""
    entry = last_transition(obj)
    if entry is None or entry.get("time") is None:
        raise AttributeError("state_since")
    return entry["time"]


@indexer(IBudgetProject)
def return_reason(obj):
    """The reviewer's reason, while the project is returned."""
    entry = last_transition(obj)
    if entry is None or entry.get("review_state") != RETURNED:
        raise AttributeError("return_reason")
    return _value((entry.get("comments") or "").strip(), "return_reason")


def reindex_state_since(project, event):
    """IAfterTransitionEvent: the workflow tool reindexes only its own
    variables; the queue sorts by ``state_since``."""
    project.reindexObject(idxs=["state_since"])
