"""The words of the assessment module's ids, as i18n messages (literal
msgids, so that i18ndude extracts them)."""

from changde.perfmgmt.assessment.rules import scorecards
from changde.perfmgmt.assessment.rules import scoring
from changde.perfmgmt.assessment.rules import subsidies
from changde.perfmgmt.assessment.rules import yearly
from changde.perfmgmt.i18n import _

METHOD_TITLES = {
    "formula": _("scorecard_method_formula", default="公式计算"),
    "band": _("scorecard_method_band", default="按档次评分"),
    "manual": _("scorecard_method_manual", default="人工评分"),
}
FORMULA_TITLES = {
    "execution_rate": _("scorecard_formula_execution_rate", default="预算执行率"),
    "unit_execution_rate": _(
        "scorecard_formula_unit_execution_rate", default="单位预算执行率"
    ),
    "output_indicators": _("scorecard_formula_output_indicators", default="产出指标"),
    "outcome_indicators": _("scorecard_formula_outcome_indicators", default="效益指标"),
    "satisfaction_indicators": _(
        "scorecard_formula_satisfaction_indicators", default="满意度指标"
    ),
    "quantity_indicators": _(
        "scorecard_formula_quantity_indicators", default="数量指标"
    ),
    "quality_indicators": _("scorecard_formula_quality_indicators", default="质量指标"),
    "timeliness_indicators": _(
        "scorecard_formula_timeliness_indicators", default="时效指标"
    ),
    "cost_indicators": _("scorecard_formula_cost_indicators", default="成本指标"),
}
STATUS_TITLES = {
    "scored": _("scorecard_status_scored", default="已评分"),
    "missing": _("scorecard_status_missing", default="待评分"),
    "cannot_score": _("scorecard_status_cannot_score", default="无法计算"),
    "not_applicable": _("scorecard_status_not_applicable", default="不适用"),
}
BAND_TITLES = {
    "fully_met": _("scorecard_band_fully_met", default="完全达成"),
    "largely_met": _("scorecard_band_largely_met", default="基本达成"),
    "not_met": _("scorecard_band_not_met", default="未达成"),
}
FACT_TITLES = {
    "round": _("scorecard_fact_round", default="监控轮次"),
    "budget": _("scorecard_fact_budget", default="调整后预算数(元)"),
    "executed": _("scorecard_fact_executed", default="执行数(元)"),
    "rate": _("scorecard_fact_rate", default="执行率"),
    "comparator": _("scorecard_fact_comparator", default="比较方式"),
    "target": _("scorecard_fact_target", default="目标值"),
    "actual": _("scorecard_fact_actual", default="实际值"),
}
WHICH_TITLES = {
    "target": _("scorecard_value_target", default="目标值"),
    "actual": _("scorecard_value_actual", default="实际值"),
}
SOURCE_TITLES = {
    "self_evaluations_on_time": _(
        "assessment_source_self_evaluations_on_time", default="按时完成自评"
    ),
    "monitoring_on_time": _(
        "assessment_source_monitoring_on_time", default="按时报送监控"
    ),
    "evaluation_grades": _("assessment_source_evaluation_grades", default="评价等级"),
    "rectification_rate": _("assessment_source_rectification_rate", default="整改率"),
    "quantified_share": _("assessment_source_quantified_share", default="指标量化比例"),
    "text_quality": _("assessment_source_text_quality", default="内部点评文本得分"),
    "manual": _("assessment_source_manual", default="人工评分"),
}
CRITERION_TITLES = {
    "attention": _("assessment_criterion_attention", default="重视度"),
    "execution": _("assessment_criterion_execution", default="执行力"),
    "evaluation_grade": _(
        "assessment_criterion_evaluation_grade", default="绩效评价等级"
    ),
    "management": _("assessment_criterion_management", default="综合管理水平"),
    "rectification": _("assessment_criterion_rectification", default="问题整改"),
    "quantification": _(
        "assessment_criterion_quantification", default="绩效指标的细化量化"
    ),
    "report_quality": _("assessment_criterion_report_quality", default="报告文本质量"),
}
KIND_TITLES = {
    "unit": _("assessment_kind_unit", default="市直单位"),
    "district": _("assessment_kind_district", default="区县市"),
}
SUBSIDY_STATUS_TITLES = {
    "granted": _("subsidy_status_granted", default="全额奖补"),
    "granted_zone": _("subsidy_status_granted_zone", default="按管理区比例奖补"),
    "not_in_use": _("subsidy_status_not_in_use", default="尚未建成投入使用"),
    "outside_schedule": _("subsidy_status_outside_schedule", default="不在奖补年度内"),
}

assert set(METHOD_TITLES) == set(scorecards.METHODS)
assert set(FORMULA_TITLES) == set(scorecards.FORMULAS)
assert set(STATUS_TITLES) == set(scoring.STATUSES)
assert set(BAND_TITLES) == set(scoring.BAND_LABELS)
assert set(SOURCE_TITLES) == set(yearly.SOURCES)
assert set(KIND_TITLES) == set(yearly.TARGET_KINDS)
assert set(SUBSIDY_STATUS_TITLES) == set(subsidies.STATUSES)

#: how the card rounds (shown under every card, and in its Excel)
ROUNDING_NOTE = _(
    "scorecard_rounding_note",
    default="各行得分四舍五入保留两位小数显示;上级得分和总分由未舍入的得分相加后"
    "再四舍五入,可能与各行显示值之和相差 0.01;等级按总分确定。不适用项的分值按"
    "比例分配给同级其他项,调整后的分值显示两位小数。",
)
