"""Registry settings of the assessment module (prefix
``changde.perfmgmt.assessment``), with the plan's defaults from the rules:
scoring thresholds, the yearly assessment's weights and grade shares, and
the IT subsidies' amounts by year, the management zones' share and which
jurisdictions are management zones. The control panel (考核与奖补设置,
``@controlpanels/perfmgmt-assessment``) refuses what the rules refuse;
stored values the rules refuse fall back to the defaults (logged)."""

import logging
from decimal import Decimal

from zope import schema
from zope.globalrequest import getRequest
from zope.interface import Interface
from zope.interface import Invalid
from zope.interface import invariant

from changde.perfmgmt.assessment.rules import scoring
from changde.perfmgmt.assessment.rules import subsidies
from changde.perfmgmt.assessment.rules import yearly
from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.core.settings import registry_value
from changde.perfmgmt.core.validation import SettingsInvalid
from changde.perfmgmt.i18n import _

PREFIX = "changde.perfmgmt.assessment"

logger = logging.getLogger("changde.perfmgmt.assessment")

_SCORING = scoring.DEFAULT_SCORING_SETTINGS
UNIT_WEIGHTS = {c.id: c.weight for c in yearly.UNIT_CRITERIA}
DISTRICT_WEIGHTS = {c.id: c.weight for c in yearly.DISTRICT_CRITERIA}
DEFAULT_AMOUNT_LINES = [
    f"{year}: {amount}" for year, amount in subsidies.DEFAULT_AMOUNTS
]


def _percent(name, title, default, description=None):
    return schema.Decimal(
        title=title,
        description=description,
        default=default,
        min=Decimal(0),
        max=Decimal(100),
    )


def _setting(data, name, default):
    try:
        value = getattr(data, name)
    except (AttributeError, TypeError, Invalid):
        value = None
    return _record(name, default) if value is None else value


def _refuse(violations, fields=None):
    if violations:
        violation = violations[0]
        raise SettingsInvalid(
            translate_violation(violation, getRequest()),
            fields or (violation.field,),
        )


class IAssessmentSettings(Interface):
    explanation_below_rate = _percent(
        "explanation_below_rate",
        _(
            "label_explanation_below_rate",
            default="自评:执行率低于此值须书面说明原因(%)",
        ),
        _SCORING.explanation_below_rate,
    )
    approx_tolerance = _percent(
        "approx_tolerance",
        _("label_approx_tolerance", default="“≈”指标允许偏差(目标值的 %)"),
        _SCORING.approx_tolerance,
    )
    unit_weight_attention = _percent(
        "unit_weight_attention",
        _("label_unit_weight_attention", default="市直单位考核:重视度权重"),
        UNIT_WEIGHTS["attention"],
        _("help_unit_weight_attention", default="按时提交自评的项目占比。"),
    )
    unit_weight_execution = _percent(
        "unit_weight_execution",
        _("label_unit_weight_execution", default="市直单位考核:执行力权重"),
        UNIT_WEIGHTS["execution"],
        _("help_unit_weight_execution", default="按时提交的运行监控记录占比。"),
    )
    unit_weight_evaluation_grade = _percent(
        "unit_weight_evaluation_grade",
        _(
            "label_unit_weight_evaluation_grade",
            default="市直单位考核:绩效评价等级权重",
        ),
        UNIT_WEIGHTS["evaluation_grade"],
    )
    unit_weight_management = _percent(
        "unit_weight_management",
        _("label_unit_weight_management", default="市直单位考核:综合管理水平权重"),
        UNIT_WEIGHTS["management"],
        _("help_unit_weight_management", default="由绩效科评分。"),
    )
    district_weight_rectification = _percent(
        "district_weight_rectification",
        _("label_district_weight_rectification", default="区县市考核:问题整改权重"),
        DISTRICT_WEIGHTS["rectification"],
    )
    district_weight_quantification = _percent(
        "district_weight_quantification",
        _(
            "label_district_weight_quantification",
            default="区县市考核:绩效指标的细化量化权重",
        ),
        DISTRICT_WEIGHTS["quantification"],
    )
    district_weight_report_quality = _percent(
        "district_weight_report_quality",
        _(
            "label_district_weight_report_quality",
            default="区县市考核:报告文本质量权重",
        ),
        DISTRICT_WEIGHTS["report_quality"],
    )
    grade_share_excellent = _percent(
        "grade_share_excellent",
        _("label_grade_share_excellent", default="评价等级“优”得分比例(%)"),
        yearly.DEFAULT_GRADE_SHARES["excellent"],
    )
    grade_share_good = _percent(
        "grade_share_good",
        _("label_grade_share_good", default="评价等级“良”得分比例(%)"),
        yearly.DEFAULT_GRADE_SHARES["good"],
    )
    grade_share_average = _percent(
        "grade_share_average",
        _("label_grade_share_average", default="评价等级“中”得分比例(%)"),
        yearly.DEFAULT_GRADE_SHARES["average"],
    )
    grade_share_poor = _percent(
        "grade_share_poor",
        _("label_grade_share_poor", default="评价等级“差”得分比例(%)"),
        yearly.DEFAULT_GRADE_SHARES["poor"],
    )
    self_evaluation_due_month = schema.Int(
        title=_("label_self_evaluation_due_month", default="自评按时提交截止:次年月份"),
        default=yearly.DEFAULT_ASSESSMENT_SETTINGS.self_evaluation_due[0],
        min=1,
        max=12,
    )
    self_evaluation_due_day = schema.Int(
        title=_("label_self_evaluation_due_day", default="自评按时提交截止:日"),
        description=_(
            "help_self_evaluation_due_day", default="超过该月天数的,按月末计。"
        ),
        default=yearly.DEFAULT_ASSESSMENT_SETTINGS.self_evaluation_due[1],
        min=1,
        max=31,
    )
    subsidy_amounts = schema.List(
        title=_("label_subsidy_amounts", default="信息化奖补标准(年度: 元)"),
        description=_(
            "help_subsidy_amounts",
            default="每行一个年度,如“2019: 150000”:该年度建成并投入使用的区县市"
            "获得的奖补金额。其他年度不予奖补。",
        ),
        value_type=schema.TextLine(),
        default=list(DEFAULT_AMOUNT_LINES),
        required=False,
    )
    zone_share = _percent(
        "zone_share",
        _("label_zone_share", default="管理区奖补比例(%)"),
        subsidies.DEFAULT_ZONE_SHARE,
    )
    management_zones = schema.List(
        title=_("label_management_zones", default="按管理区标准奖补的地区"),
        description=_(
            "help_management_zones",
            default="每行一个地区的 id(如 xihuguanliqu)。不填时,类别为“管理区”"
            "的地区按管理区标准奖补。",
        ),
        value_type=schema.TextLine(),
        default=[],
        required=False,
    )

    @invariant
    def scoring_thresholds(data):
        _refuse(
            scoring.validate_scoring_settings(
                scoring.ScoringSettings(
                    explanation_below_rate=_setting(
                        data, "explanation_below_rate", _SCORING.explanation_below_rate
                    ),
                    approx_tolerance=_setting(
                        data, "approx_tolerance", _SCORING.approx_tolerance
                    ),
                )
            )
        )

    @invariant
    def weights_add_up_to_100(data):
        for kind, weights in (("unit", UNIT_WEIGHTS), ("district", DISTRICT_WEIGHTS)):
            names = [f"{kind}_weight_{id_}" for id_ in weights]
            criteria = [
                yearly.AssessmentCriterion(
                    id_, id_, _setting(data, name, weights[id_]), yearly.MANUAL
                )
                for id_, name in zip(weights, names, strict=True)
            ]
            _refuse(yearly.validate_weights(criteria, names[0]), names)

    @invariant
    def subsidy_settings(data):
        _amounts, violations = subsidies.parse_amount_lines(
            _setting(data, "subsidy_amounts", DEFAULT_AMOUNT_LINES)
        )
        _refuse(violations, ("subsidy_amounts",))
        _refuse(
            subsidies.validate_zone_share(
                _setting(data, "zone_share", subsidies.DEFAULT_ZONE_SHARE)
            )
        )


def _record(name, default):
    return registry_value(PREFIX, name, default)


def scoring_settings():
    settings = scoring.ScoringSettings(
        explanation_below_rate=_record(
            "explanation_below_rate", _SCORING.explanation_below_rate
        ),
        approx_tolerance=_record("approx_tolerance", _SCORING.approx_tolerance),
    )
    if scoring.validate_scoring_settings(settings):
        logger.warning("scoring settings refused, using the defaults")
        return _SCORING
    return settings


def assessment_settings():
    """The yearly assessment's criteria with the office's weights."""

    def criteria(kind, defaults):
        return tuple(
            yearly.AssessmentCriterion(
                c.id,
                c.title,
                _record(f"{kind}_weight_{c.id}", c.weight),
                c.source,
            )
            for c in defaults
        )

    unit = criteria("unit", yearly.UNIT_CRITERIA)
    district = criteria("district", yearly.DISTRICT_CRITERIA)
    shares = {
        grade: _record(f"grade_share_{grade}", share)
        for grade, share in yearly.DEFAULT_GRADE_SHARES.items()
    }
    problems = (
        yearly.validate_weights(unit, "unit")
        + yearly.validate_weights(district, "district")
        + yearly.validate_grade_shares(shares)
    )
    if problems:
        logger.warning("assessment settings refused, using the defaults")
        return yearly.DEFAULT_ASSESSMENT_SETTINGS
    due = (
        _record("self_evaluation_due_month", 4),
        _record("self_evaluation_due_day", 30),
    )
    return yearly.AssessmentSettings(
        unit_criteria=unit,
        district_criteria=district,
        grade_shares=shares,
        self_evaluation_due=due,
    )


def subsidy_settings():
    amounts, violations = subsidies.parse_amount_lines(
        _record("subsidy_amounts", DEFAULT_AMOUNT_LINES)
    )
    share = _record("zone_share", subsidies.DEFAULT_ZONE_SHARE)
    if violations or subsidies.validate_zone_share(share):
        logger.warning("subsidy settings refused, using the defaults")
        return subsidies.DEFAULT_SUBSIDY_SETTINGS
    return subsidies.SubsidySettings(amounts=amounts, zone_share=share)


def management_zone_ids():
    """The jurisdiction ids the office named, or None: by kind."""
    ids = [each.strip() for each in _record("management_zones", []) or () if each]
    return [each for each in ids if each] or None
