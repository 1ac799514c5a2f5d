"""Registry settings of the libraries module (prefix
``changde.perfmgmt.libraries``): the plan's numbers for internal review and
elimination, with the rule module's defaults."""

from decimal import Decimal

from zope import schema
from zope.interface import Interface

from changde.perfmgmt.core.settings import registry_value
from changde.perfmgmt.i18n import _
from changde.perfmgmt.libraries import rules

PREFIX = "changde.perfmgmt.libraries"

_REVIEW = rules.DEFAULT_REVIEW_SETTINGS
_WEIGHTS = rules.DEFAULT_REVIEW_WEIGHTS
_ELIMINATION = rules.DEFAULT_ELIMINATION_SETTINGS


def _weight(criterion, title):
    return schema.Decimal(
        title=title,
        default=getattr(_WEIGHTS, criterion),
        min=Decimal(0),
        max=Decimal(100),
    )


class ILibrariesSettings(Interface):
    rounds_per_year = schema.Int(
        title=_("label_rounds_per_year", default="每年内部点评轮数"),
        default=_REVIEW.rounds_per_year,
        min=1,
    )
    excellent_min = schema.Int(
        title=_("label_excellent_min", default="每年优秀报告最少个数"),
        default=_REVIEW.excellent_min,
        min=0,
    )
    excellent_max = schema.Int(
        title=_("label_excellent_max", default="每年优秀报告最多个数"),
        default=_REVIEW.excellent_max,
        min=1,
    )
    weight_goal_completion = _weight(
        "goal_completion",
        _("label_weight_goal_completion", default="权重:项目目标完成情况(%)"),
    )
    weight_problem_depth = _weight(
        "problem_depth", _("label_weight_problem_depth", default="权重:问题揭示深度(%)")
    )
    weight_suggestion_feasibility = _weight(
        "suggestion_feasibility",
        _("label_weight_suggestion_feasibility", default="权重:建议可行性(%)"),
    )
    weight_text_quality = _weight(
        "text_quality", _("label_weight_text_quality", default="权重:报告文本水平(%)")
    )
    elimination_min_ratings = schema.Int(
        title=_(
            "label_elimination_min_ratings", default="参与末位淘汰排名的最少评分次数"
        ),
        default=_ELIMINATION.min_ratings,
        min=1,
    )
    elimination_share = schema.Decimal(
        title=_("label_elimination_share", default="末位淘汰比例(0–1)"),
        default=_ELIMINATION.share,
        min=Decimal(0),
        max=Decimal(1),
    )
    elimination_minimum_count = schema.Int(
        title=_("label_elimination_minimum_count", default="每次至少提议淘汰人数"),
        default=_ELIMINATION.minimum_count,
        min=0,
    )
    supervision_target_year = schema.Int(
        title=_("label_supervision_target_year", default="监督指导库建成年度"),
        default=2021,
    )


def _record(name, default):
    return registry_value(PREFIX, name, default)


def review_settings():
    return rules.ReviewSettings(
        rounds_per_year=_record("rounds_per_year", _REVIEW.rounds_per_year),
        excellent_min=_record("excellent_min", _REVIEW.excellent_min),
        excellent_max=_record("excellent_max", _REVIEW.excellent_max),
    )


def review_weights():
    return rules.ReviewWeights(
        **{
            criterion: _record(f"weight_{criterion}", getattr(_WEIGHTS, criterion))
            for criterion in rules.REVIEW_CRITERIA
        }
    )


def elimination_settings():
    return rules.EliminationSettings(
        min_ratings=_record("elimination_min_ratings", _ELIMINATION.min_ratings),
        share=_record("elimination_share", _ELIMINATION.share),
        minimum_count=_record("elimination_minimum_count", _ELIMINATION.minimum_count),
    )


def supervision_target_year():
    return _record("supervision_target_year", 2021)
