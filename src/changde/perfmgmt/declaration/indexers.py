"""Catalog indexers of the declaration module: a project's indicator counts.

``indicator_count`` and ``quantified_indicator_count`` are catalog metadata
of a BudgetProject, so the dashboards and the annual report count the share
of quantified indicators per unit and district from the projects' rows,
without waking 100,000 indicators. An indicator added, edited, moved or
removed reindexes its project (:func:`reindex_project_of`)."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from plone.indexer import indexer

from changde.perfmgmt.declaration.content.budget_project import IBudgetProject
from changde.perfmgmt.declaration.rules.quantified import is_quantified


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
