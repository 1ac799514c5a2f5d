"""The download buttons under the pages of the other modules (their views
know nothing of reporting)."""

from html import escape

from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from zope.i18n import translate

from changde.perfmgmt.i18n import _
from changde.perfmgmt.reporting.browser.base import MANAGE
from changde.perfmgmt.reporting.documents import outputs


class DocumentsViewlet(ViewletBase):
    """Word and PDF buttons under a project (its goal form), a unit (its
    goal forms), a fed-back key evaluation (its feedback notice) and, for
    the office, a monitoring round (its report to the leadership group)."""

    def links(self):
        context = self.context
        portal_type = getattr(context, "portal_type", None)
        base = context.absolute_url()
        if portal_type == "BudgetProject":
            name = _("document_goal_form", default="绩效目标申报表")
            return name, f"{base}/@@goal-form"
        if portal_type == "BudgetUnit":
            name = _(
                "document_unit_goal_forms", default="本单位全部项目的绩效目标申报表"
            )
            return name, f"{base}/@@goal-forms"
        if portal_type == "EvaluationReport" and outputs.notice_available(context):
            name = _("document_feedback_notice", default="评价结果反馈通知书")
            return name, f"{base}/@@feedback-notice"
        if portal_type == "MonitoringRound" and api.user.has_permission(
            MANAGE, obj=context
        ):
            name = _(
                "document_leadership_report", default="运行监控情况报告(报领导小组)"
            )
            return name, f"{base}/@@leadership-report"
        return None

    def index(self):
        found = self.links()
        if found is None:
            return ""
        name, base = found
        label = escape(translate(name, context=self.request))
        return (
            '<div class="perfmgmt-documents my-3"><span class="me-2">'
            f"{label}:</span>"
            '<a class="btn btn-outline-primary btn-sm me-1" '
            f'href="{escape(base)}.docx">Word</a>'
            f'<a class="btn btn-outline-primary btn-sm" href="{escape(base)}.pdf">'
            "PDF</a></div>"
        )
