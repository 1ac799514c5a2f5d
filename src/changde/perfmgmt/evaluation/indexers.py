"""Catalog indexers of the evaluation module."""

from plone.indexer import indexer

from changde.perfmgmt.core.relations import target_uid
from changde.perfmgmt.core.relations import target_uids
from changde.perfmgmt.evaluation.content.evaluation_report import IEvaluationReport
from changde.perfmgmt.evaluation.content.negative_list_entry import INegativeListEntry
from changde.perfmgmt.evaluation.content.rectification_item import IRectificationItem
from changde.perfmgmt.evaluation.negative_list import entry_targets


@indexer(IEvaluationReport)
def evaluation_grade(obj):
    grade = obj.grade
    if grade is None:
        raise AttributeError("evaluation_grade")
    return grade


@indexer(IEvaluationReport)
def report_project_uid(obj):
    uid = target_uid(obj.project)
    if not uid:
        raise AttributeError("project_uid")
    return uid


@indexer(IEvaluationReport)
def evaluation_members(obj):
    """UIDs of the report's agency and experts: which reports name a member."""
    uids = target_uids([obj.evaluator_agency, *(obj.experts or ())])
    if not uids:
        raise AttributeError("evaluation_members")
    return uids


@indexer(IRectificationItem)
def owner_unit(obj):
    """The UID of the unit that rectifies (index and metadata)."""
    uid = target_uid(obj.owner_unit)
    if not uid:
        raise AttributeError("owner_unit")
    return uid


@indexer(INegativeListEntry)
def negative_targets(obj):
    return entry_targets(obj)


@indexer(INegativeListEntry)
def negative_reason(obj):
    return obj.reason
