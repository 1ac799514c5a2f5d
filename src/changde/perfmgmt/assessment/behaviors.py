"""Behaviors the assessment module provides to other modules' types; its
profile enables them (evaluation and core import nothing of assessment).

- ``changde.perfmgmt.scorecard`` on EvaluationReport: the report's scorecard
  (评分表): which template, the scorer's entries, the computed total and the
  reason for a score that differs from it (:mod:`.scorecards`).
- ``changde.perfmgmt.it_system`` on Jurisdiction: the year its performance
  management system was built and put in use (信息化奖补, :mod:`.subsidies`).
"""

from plone.app.vocabularies.catalog import StaticCatalogVocabulary
from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.schema import JSONField
from plone.supermodel import model
from z3c.form.interfaces import IDisplayForm
from z3c.relationfield.schema import RelationChoice
from zope import schema
from zope.interface import provider

from changde.perfmgmt.core.rules.years import MAX_YEAR
from changde.perfmgmt.core.rules.years import MIN_YEAR
from changde.perfmgmt.i18n import _

MANAGE_EVALUATION = "changde.perfmgmt.ManageEvaluation"
MANAGE_ASSESSMENT = "changde.perfmgmt.ManageAssessment"


@provider(IFormFieldProvider)
class IReportScorecard(model.Schema):
    """A report's scorecard. The office picks the template (a report created
    without a score gets the one of its kind and year); the entries are
    written on the card's page (``@@scorecard``) or ``PATCH @scorecard``."""

    model.fieldset(
        "scorecard",
        label=_("fieldset_scorecard", default="评分表"),
        fields=["scorecard_template", "computed_score", "score_override_reason"],
    )
    # the report page shows them in the card (the viewlet), not as fields
    directives.omitted(
        IDisplayForm, "scorecard_template", "computed_score", "score_override_reason"
    )
    directives.write_permission(scorecard_template=MANAGE_EVALUATION)
    scorecard_template = RelationChoice(
        title=_("label_scorecard_template", default="评分表模板"),
        description=_(
            "help_scorecard_template",
            default="已启用的评分表模板。评分按模板逐项计算,总分即评分。",
        ),
        vocabulary=StaticCatalogVocabulary(
            {
                "portal_type": "ScorecardTemplate",
                "review_state": "active",
                "sort_on": "sortable_title",
            },
            title_template="{brain.Title}",
        ),
        required=False,
    )
    computed_score = schema.Decimal(
        title=_("label_computed_score", default="评分表计算得分"),
        description=_(
            "help_computed_score",
            default="由评分表逐项计算;评分表填完后即为报告的评分。",
        ),
        readonly=True,
        required=False,
    )
    score_override_reason = schema.Text(
        title=_("label_score_override_reason", default="评分调整原因"),
        description=_(
            "help_score_override_reason",
            default="评分与评分表计算得分不同时必须填写;两个分数都会保留。",
        ),
        required=False,
    )
    directives.omitted("scorecard_entries")
    scorecard_entries = JSONField(
        title=_("label_scorecard_entries", default="评分表打分"),
        schema='{"type": "object"}',
        readonly=True,
        default={},
        missing_value={},
        required=False,
    )


@provider(IFormFieldProvider)
class IITSystem(model.Schema):
    """The jurisdiction's performance management system (信息化建设)."""

    model.fieldset(
        "it_system",
        label=_("fieldset_it_system", default="信息化建设"),
        fields=["it_system_year"],
    )
    directives.write_permission(it_system_year=MANAGE_ASSESSMENT)
    it_system_year = schema.Int(
        title=_("label_it_system_year", default="信息系统建成并投入使用年度"),
        description=_(
            "help_it_system_year",
            default="预算绩效管理信息系统建成并投入使用的年度,按年度计算信息化奖补。",
        ),
        min=MIN_YEAR,
        max=MAX_YEAR,
        required=False,
    )
