"""Catalog data of the declaration module: an indicator's comparator, unit,
weight and actual value (the project page and form show the table from the
catalog), and for a project the date it entered its state and, once
returned, the reviewer's reason (the queue and the lists by year).

A project's ``indicator_count`` and ``quantified_indicator_count`` are
catalog metadata too, so the dashboards and the annual report count the share
of quantified indicators per unit and district from the projects' rows,
without waking 100,000 indicators. An indicator added, edited, moved or
removed reindexes its project (:func:`reindex_project_of`)."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from plone.indexer import indexer
from Products.CMFCore.utils import getToolByName

from changde.perfmgmt.core.rules.numbers import stored_number
from changde.perfmgmt.declaration.content.budget_project import IBudgetProject
from changde.perfmgmt.declaration.content.indicator import IIndicator
from changde.perfmgmt.declaration.content.indicator_template import IIndicatorTemplate
from changde.perfmgmt.declaration.rules.quantified import is_quantified

RETURNED = "returned"


def _value(value, name):
    if value is None or value == "":
        raise AttributeError(name)
    return value


@indexer(IIndicator)
def indicator_searchable_text(obj):
    """Indicators are not in the full-text index: they are found through
    their project (its code and the words of its goal) and the indicator
    library. Why: a city's year holds 100,000 indicators whose words (and
    ids) flooded the text index's lexicon, and every indicator added at a
    deadline rewrote the same shared word entries, so concurrent units'
    additions conflicted (benchmarks/load.py, docs/operations.md)."""
    raise AttributeError("SearchableText")


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


@indexer(IBudgetProject)
def project_amount(obj):
    """The amount as a number (a bad one stored before the checks, NaN or
    Infinity, would break the catalog's index: not indexed)."""
    return _value(stored_number(getattr(obj, "amount", None)), "amount")


def _indicators(project):
    return [
        obj
        for obj in project.objectValues()
        if getattr(obj, "portal_type", None) == "Indicator"
    ]


@indexer(IBudgetProject)
def indicator_count(obj):
    return len(_indicators(obj))


@indexer(IBudgetProject)
def quantified_indicator_count(obj):
    return sum(
        1
        for indicator in _indicators(obj)
        if is_quantified(indicator.quantifiable, indicator.target_value)
    )


def _reindex_counts(project):
    # idxs names one cheap index: the point is the metadata row
    project.reindexObject(idxs=["getId"])


def reindex_project_of(indicator, event):
    """An indicator was added, changed, moved or removed: its project's (and
    for a move, its former project's) counts follow. Events re-dispatched to
    the indicators of a project being added, copied or deleted are left
    alone: the project is indexed (or unindexed) itself."""
    if getattr(event, "object", indicator) is not indicator:
        return
    parents = [
        getattr(event, "oldParent", None),
        getattr(event, "newParent", None),
    ]
    if not any(parents):
        parents = [aq_parent(aq_inner(indicator))]
    for parent in parents:
        if IBudgetProject.providedBy(parent):
            _reindex_counts(parent)
