"""Vocabularies of the evaluation module: kinds, grades, rectification
statuses, negative-list reasons and recommended actions (literal msgids, so
that i18ndude extracts them)."""

from plone import api
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

from changde.perfmgmt.core.vocabularies import simple_vocabulary
from changde.perfmgmt.evaluation.rules.application import ACTIONS
from changde.perfmgmt.evaluation.rules.grades import GRADES
from changde.perfmgmt.evaluation.rules.kinds import EVALUATION_KINDS
from changde.perfmgmt.evaluation.rules.negative_list import NEGATIVE_LIST_REASONS
from changde.perfmgmt.i18n import _

KIND_TITLES = {
    "self": _("evaluation_kind_self", default="单位自评"),
    "key": _("evaluation_kind_key", default="重点评价"),
    "pre": _("evaluation_kind_pre", default="事前评估"),
    "unit_overall": _("evaluation_kind_unit_overall", default="部门整体支出评价"),
}
GRADE_TITLES = {
    "excellent": _("grade_excellent", default="优"),
    "good": _("grade_good", default="良"),
    "average": _("grade_average", default="中"),
    "poor": _("grade_poor", default="差"),
}
REASON_TITLES = {
    "unclear_goals": _("negative_reason_unclear_goals", default="目标不明确"),
    "execution_below_standard": _(
        "negative_reason_execution_below_standard", default="执行率不达标"
    ),
    "incomplete_systems": _("negative_reason_incomplete_systems", default="制度不健全"),
    "poor_evaluation_inadequate_rectification": _(
        "negative_reason_poor_evaluation_inadequate_rectification",
        default="重点评价结果不理想且整改不到位",
    ),
    "serious_monitoring_problem": _(
        "negative_reason_serious_monitoring_problem", default="监控发现严重问题"
    ),
    "other": _("negative_reason_other", default="其他"),
}
ACTION_TITLES = {
    "reduce_or_merge": _("action_reduce_or_merge", default="调减或整合"),
    "key_evaluation_scope": _(
        "action_key_evaluation_scope", default="纳入重点评价范围"
    ),
    "suspend_funding": _("action_suspend_funding", default="暂缓或停止预算拨款"),
    "priority": _("action_priority", default="优先保障"),
    "improve": _("action_improve", default="督促改进"),
    "cut_or_cancel": _("action_cut_or_cancel", default="削减或取消"),
    "adjust_or_merge": _("action_adjust_or_merge", default="调整或整合"),
    "recover_funds": _("action_recover_funds", default="收回统筹使用"),
}
#: the result-application rules as the office names them (ids: rules.application)
RULE_TITLES = {
    "goal_review_unclear": _(
        "rule_goal_review_unclear", default="目标审核认定绩效目标不明确"
    ),
    "execution_below_target_years": _(
        "rule_execution_below_target_years", default="连续多年执行率未达目标"
    ),
    "monitoring_serious_problem": _(
        "rule_monitoring_serious_problem", default="运行监控发现严重问题"
    ),
    "key_evaluation_ineffective": _(
        "rule_key_evaluation_ineffective", default="重点评价认定资金低效或无效"
    ),
    "key_evaluation_poor": _("rule_key_evaluation_poor", default="重点评价等级为差"),
    "key_evaluation_average": _(
        "rule_key_evaluation_average", default="重点评价等级为中"
    ),
    "key_evaluation_good": _("rule_key_evaluation_good", default="重点评价等级为优良"),
    "overlapping_or_fragmented": _(
        "rule_overlapping_or_fragmented", default="交叉重复或碎片化"
    ),
    "idle_funds": _("rule_idle_funds", default="资金闲置"),
}
assert set(KIND_TITLES) == set(EVALUATION_KINDS)
assert set(GRADE_TITLES) == set(GRADES)
assert set(REASON_TITLES) == set(NEGATIVE_LIST_REASONS)
assert set(ACTION_TITLES) == set(ACTIONS)


@provider(IVocabularyFactory)
def evaluation_kinds(context=None):
    return simple_vocabulary(EVALUATION_KINDS, KIND_TITLES)


@provider(IVocabularyFactory)
def grades(context=None):
    return simple_vocabulary(GRADES, GRADE_TITLES)


@provider(IVocabularyFactory)
def negative_list_reasons(context=None):
    return simple_vocabulary(NEGATIVE_LIST_REASONS, REASON_TITLES)


@provider(IVocabularyFactory)
def published_reports(context=None):
    """The published evaluation reports (anyone may read them), newest year
    first, for the public feedback form: the token is the report's UID (a
    report's page links to the form with it chosen), the value its name with
    the year, which is what the saved feedback shows."""
    brains = sorted(
        api.content.find(portal_type="EvaluationReport", review_state="published"),
        key=lambda brain: (-(brain.year or 0), brain.Title or ""),
    )
    terms, values = [], set()
    for brain in brains:
        value = f"{brain.Title}（{brain.year}）" if brain.year else brain.Title
        if value in values:  # two reports of the same name and year
            value = f"{value} [{brain.getId}]"
        values.add(value)
        terms.append(SimpleTerm(value=value, token=brain.UID, title=value))
    return SimpleVocabulary(terms)
