"""Vocabularies of the reporting module (literal msgids, so that i18ndude
extracts them): measure statuses, report audiences, document kinds, the
modules that carry a measure out."""

from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory

from changde.perfmgmt.core.vocabularies import simple_vocabulary
from changde.perfmgmt.i18n import _
from changde.perfmgmt.reporting.rules import figures
from changde.perfmgmt.reporting.rules import measures

STATUS_TITLES = {
    "not_started": _("measure_status_not_started", default="未启动"),
    "in_progress": _("measure_status_in_progress", default="推进中"),
    "done": _("measure_status_done", default="已完成"),
    "delayed": _("measure_status_delayed", default="滞后"),
}
AUDIENCE_TITLES = {
    "city_government": _("audience_city_government", default="向市人民政府的报告"),
    "npc_standing_committee": _(
        "audience_npc_standing_committee", default="向市人大常委会的报告"
    ),
}
DOCUMENT_KIND_TITLES = {
    "annual_report": _(
        "document_kind_annual_report", default="年度预算绩效管理工作报告"
    ),
    "goal_form": _("document_kind_goal_form", default="绩效目标申报表"),
    "feedback_notice": _("document_kind_feedback_notice", default="评价结果反馈通知书"),
    "leadership_report": _(
        "document_kind_leadership_report", default="运行监控情况报告(领导小组)"
    ),
}
MODULE_TITLES = {
    "publicity": _("module_publicity", default="宣传与培训"),
    "assessment": _("module_assessment", default="考核与补助"),
    "declaration": _("module_declaration", default="绩效目标申报"),
    "libraries": _("module_libraries", default="专家库与内部点评"),
    "monitoring": _("module_monitoring", default="运行监控"),
    "evaluation": _("module_evaluation", default="绩效评价与结果应用"),
    "reporting": _("module_reporting", default="报告与文书"),
    "none": _("module_none", default="线下推进"),
}
assert set(STATUS_TITLES) == set(measures.STATUSES)
assert set(AUDIENCE_TITLES) == set(figures.AUDIENCES)
assert set(DOCUMENT_KIND_TITLES) == set(figures.DOCUMENT_KINDS)


@provider(IVocabularyFactory)
def measure_statuses(context=None):
    return simple_vocabulary(measures.STATUSES, STATUS_TITLES)


@provider(IVocabularyFactory)
def audiences(context=None):
    return simple_vocabulary(figures.AUDIENCES, AUDIENCE_TITLES)


@provider(IVocabularyFactory)
def document_kinds(context=None):
    return simple_vocabulary(figures.DOCUMENT_KINDS, DOCUMENT_KIND_TITLES)


@provider(IVocabularyFactory)
def modules(context=None):
    return simple_vocabulary(tuple(MODULE_TITLES), MODULE_TITLES)
