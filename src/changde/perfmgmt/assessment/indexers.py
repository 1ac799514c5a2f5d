"""Catalog indexers of the assessment module."""

from plone.indexer import indexer

from changde.perfmgmt.assessment.behaviors import IReportScorecard
from changde.perfmgmt.assessment.content.assessment_card import IAssessmentCard
from changde.perfmgmt.assessment.content.scorecard_template import IScorecardTemplate


@indexer(IScorecardTemplate)
def template_kind(obj):
    return obj.template_kind


@indexer(IReportScorecard)
def scorecard_template_uid(obj):
    """Which template a report uses: a template in use is never changed."""
    uid = obj.__dict__.get("_card_template_uid")
    if not uid:
        raise AttributeError("scorecard_template_uid")
    return uid


@indexer(IAssessmentCard)
def assessment_kind(obj):
    kind = obj.assessment_kind
    if kind is None:
        raise AttributeError("assessment_kind")
    return kind


@indexer(IAssessmentCard)
def assessment_target(obj):
    uid = obj.target_uid
    if not uid:
        raise AttributeError("assessment_target")
    return uid


@indexer(IAssessmentCard)
def assessment_total(obj):
    if obj.assessment_total is None:
        raise AttributeError("assessment_total")
    return obj.assessment_total
