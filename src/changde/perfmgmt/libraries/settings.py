"""Registry settings of the libraries module (prefix
``changde.perfmgmt.libraries``): the plan's numbers for internal review and
elimination, with the rule module's defaults."""

from decimal import Decimal

from zope import schema
from zope.globalrequest import getRequest
from zope.interface import Interface
from zope.interface import Invalid
from zope.interface import invariant

from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.core.settings import registry_value
from changde.perfmgmt.core.validation import SettingsInvalid
from changde.perfmgmt.i18n import _
from changde.perfmgmt.libraries.rules.elimination import DEFAULT_ELIMINATION_SETTINGS
from changde.perfmgmt.libraries.rules.elimination import EliminationSettings
from changde.perfmgmt.libraries.rules.elimination import validate_elimination_settings
from changde.perfmgmt.libraries.rules.review_scoring import DEFAULT_REVIEW_SETTINGS
from changde.perfmgmt.libraries.rules.review_scoring import DEFAULT_REVIEW_WEIGHTS
from changde.perfmgmt.libraries.rules.review_scoring import REVIEW_CRITERIA
from changde.perfmgmt.libraries.rules.review_scoring import ReviewSettings
from changde.perfmgmt.libraries.rules.review_scoring import ReviewWeights
from changde.perfmgmt.libraries.rules.review_scoring import validate_review_settings
from changde.perfmgmt.libraries.rules.review_scoring import validate_review_weights

PREFIX = "changde.perfmgmt.libraries"
WEIGHT_FIELDS = tuple(f"weight_{criterion}" for criterion in REVIEW_CRITERIA)
#: the elimination rule's setting names -> the registry's field names
ELIMINATION_FIELDS = {
    "min_ratings": "elimination_min_ratings",
    "share": "elimination_share",
    "minimum_count": "elimination_minimum_count",
}

_REVIEW = DEFAULT_REVIEW_SETTINGS
_WEIGHTS = DEFAULT_REVIEW_WEIGHTS
_ELIMINATION = DEFAULT_ELIMINATION_SETTINGS


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

    # The rules' checks of values that only make sense together; the control
    # panel shows each message next to the fields it names.

    @invariant
    def excellent_range(data):
        settings = ReviewSettings(
            rounds_per_year=_value(data, "rounds_per_year"),
            excellent_min=_value(data, "excellent_min"),
            excellent_max=_value(data, "excellent_max"),
        )
        _raise_first(validate_review_settings(settings), {})

    @invariant
    def weights_sum_to_100(data):
        weights = ReviewWeights(
            **{
                criterion: _value(data, f"weight_{criterion}")
                for criterion in REVIEW_CRITERIA
            }
        )
        fields = dict(zip(REVIEW_CRITERIA, WEIGHT_FIELDS, strict=True))
        _raise_first(validate_review_weights(weights), fields, WEIGHT_FIELDS)

    @invariant
    def elimination_numbers(data):
        settings = EliminationSettings(
            **{name: _value(data, field) for name, field in ELIMINATION_FIELDS.items()}
        )
        _raise_first(validate_elimination_settings(settings), ELIMINATION_FIELDS)


def _value(data, name):
    try:
        return getattr(data, name)
    except (AttributeError, TypeError, Invalid):
        # a REST PATCH validates only the fields it sends; the others are
        # in the registry already
        return registry_value(PREFIX, name, ILibrariesSettings[name].default)


def _raise_first(violations, fields, fields_without_own=()):
    """Raise the first violation as a SettingsInvalid (translated: REST shows
    the exception's text)."""
    if not violations:
        return
    violation = violations[0]
    if violation.field:
        names = (fields.get(violation.field, violation.field),)
    else:
        names = tuple(fields_without_own)
    raise SettingsInvalid(translate_violation(violation, getRequest()), names)


def _record(name, default):
    return registry_value(PREFIX, name, default)


def stored_review_settings():
    """The registry's internal-review counts as they are (maybe invalid)."""
    return ReviewSettings(
        rounds_per_year=_record("rounds_per_year", _REVIEW.rounds_per_year),
        excellent_min=_record("excellent_min", _REVIEW.excellent_min),
        excellent_max=_record("excellent_max", _REVIEW.excellent_max),
    )


def stored_review_weights():
    return ReviewWeights(
        **{
            criterion: _record(f"weight_{criterion}", getattr(_WEIGHTS, criterion))
            for criterion in REVIEW_CRITERIA
        }
    )


def stored_elimination_settings():
    return EliminationSettings(
        min_ratings=_record("elimination_min_ratings", _ELIMINATION.min_ratings),
        share=_record("elimination_share", _ELIMINATION.share),
        minimum_count=_record("elimination_minimum_count", _ELIMINATION.minimum_count),
    )


# What the pages use: the stored values when the rules accept them, else the
# plan's defaults (values stored before the control panel checked them, or
# written in the Configuration Registry, must not break a page); the office
# sees the problems (settings_problems) as a warning.


def review_settings():
    stored = stored_review_settings()
    return _REVIEW if validate_review_settings(stored) else stored


def review_weights():
    stored = stored_review_weights()
    return _WEIGHTS if validate_review_weights(stored) else stored


def elimination_settings():
    stored = stored_elimination_settings()
    return _ELIMINATION if validate_elimination_settings(stored) else stored


def settings_problems(review=True, elimination=True):
    """Violations of the stored settings that the pages replace by defaults
    (internal review: counts and weights; elimination)."""
    problems = []
    if review:
        problems += validate_review_settings(stored_review_settings())
        problems += validate_review_weights(stored_review_weights())
    if elimination:
        problems += validate_elimination_settings(stored_elimination_settings())
    return problems


def supervision_target_year():
    return _record("supervision_target_year", 2021)
