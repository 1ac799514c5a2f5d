"""Catalog indexers of the evaluation module."""

from plone.indexer import indexer

from changde.perfmgmt.evaluation.content.evaluation_report import IEvaluationReport
from changde.perfmgmt.evaluation.content.negative_list_entry import INegativeListEntry
from changde.perfmgmt.evaluation.negative_list import entry_targets


@indexer(IEvaluationReport)
def evaluation_grade(obj):
    grade = obj.grade
    if grade is None:
        raise AttributeError("evaluation_grade")
    return grade


@indexer(IEvaluationReport)
def report_project_uid(obj):
    if not obj.project:
        raise AttributeError("project_uid")
    return obj.project


@indexer(IEvaluationReport)
def evaluation_members(obj):
    """UIDs of the report's agency and experts: which reports name a member."""
    uids = [obj.evaluator_agency] if obj.evaluator_agency else []
    uids += [uid for uid in obj.experts or () if uid]
    if not uids:
        raise AttributeError("evaluation_members")
    return uids


@indexer(INegativeListEntry)
def negative_targets(obj):
    return entry_targets(obj)


@indexer(INegativeListEntry)
def negative_reason(obj):
    return obj.reason
