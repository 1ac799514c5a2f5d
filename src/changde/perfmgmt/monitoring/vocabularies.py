"""Vocabularies of the monitoring module: focus items and severities."""

from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory

from changde.perfmgmt.core.messages import register_param_labels
from changde.perfmgmt.core.vocabularies import simple_vocabulary
from changde.perfmgmt.core.workflows import StateTitles
from changde.perfmgmt.i18n import _
from changde.perfmgmt.monitoring.rules.flags import SEVERITIES
from changde.perfmgmt.monitoring.rules.focus import FOCUS_ITEMS

FOCUS_TITLES = {
    "soundness": _("focus_soundness", default="科学性"),
    "fund_safety": _("focus_fund_safety", default="资金安全性"),
    "compliance": _("focus_compliance", default="规范性"),
    "timeliness": _("focus_timeliness", default="及时性"),
    "effectiveness": _("focus_effectiveness", default="有效性"),
    "completeness": _("focus_completeness", default="完整性"),
}

SEVERITY_TITLES = {
    "none": _("severity_none", default="无问题"),
    "minor": _("severity_minor", default="一般问题"),
    "serious": _("severity_serious", default="严重问题"),
}

FLAG_TITLES = {
    "below_target": _("flag_below_target", default="低于目标"),
    "suspension": _("flag_suspension", default="暂停拨款"),
    "over_budget": _("flag_over_budget", default="超预算执行"),
}

#: The workflow of monitoring records (the titles of their states).
RECORD_WORKFLOW = "perfmgmt_monitoring_record_workflow"
register_param_labels("monitoring_record_locked", "state", StateTitles(RECORD_WORKFLOW))

STATUS_TITLES = {
    "reported": _("report_status_reported", default="已按时报告"),
    "reported_late": _("report_status_reported_late", default="逾期报告"),
    "pending": _("report_status_pending", default="待报告"),
    "overdue": _("report_status_overdue", default="已逾期"),
}


@provider(IVocabularyFactory)
def focus_items(context=None):
    return simple_vocabulary(tuple(FOCUS_ITEMS), FOCUS_TITLES)


@provider(IVocabularyFactory)
def severities(context=None):
    return simple_vocabulary(SEVERITIES, SEVERITY_TITLES)
