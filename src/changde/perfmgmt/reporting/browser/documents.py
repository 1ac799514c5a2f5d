"""The annual report's page, the templates' page, the downloads (Word and
PDF) of every document, and the download buttons under the pages of the
other modules.

A download that cannot be made answers a page that says why, never a
server error: a broken template (409, naming the template and the
paragraph), LibreOffice missing for the PDF (503, saying what to install),
a notice for a report that was not fed back (404).
"""

from html import escape
from urllib.parse import quote

from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from Products.Five.browser import BrowserView
from zope.i18n import translate

from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.i18n import _
from changde.perfmgmt.reporting.documents import outputs
from changde.perfmgmt.reporting.documents.pdf import PdfUnavailable
from changde.perfmgmt.reporting.documents.render import TemplateProblem
from changde.perfmgmt.reporting.vocabularies import AUDIENCE_TITLES
from changde.perfmgmt.reporting.vocabularies import DOCUMENT_KIND_TITLES

MANAGE = "changde.perfmgmt: Manage reporting"


def _problem_page(request, status, message, link=None):
    request.response.setStatus(status)
    request.response.setHeader("Content-Type", "text/html; charset=utf-8")
    title = translate(_("document_not_made", default="文书未能生成"), context=request)
    extra = f'<p><a href="{escape(link[0])}">{escape(link[1])}</a></p>' if link else ""
    return (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title></head><body>"
        f'<h1>{escape(title)}</h1><p class="portalMessage error">{escape(message)}</p>'
        f"{extra}</body></html>"
    )


class Download(BrowserView):
    """Base of the downloads: ``docx`` and ``pdf`` are the two pages."""

    kind = None

    def filename(self):
        raise NotImplementedError

    def make(self, file_format):
        raise NotImplementedError

    def docx(self):
        return self._send("docx")

    def pdf(self):
        return self._send("pdf")

    def _template_link(self):
        catalog = api.portal.get_tool("portal_catalog")
        for brain in catalog.unrestrictedSearchResults(portal_type="DocumentTemplate"):
            template = brain._unrestrictedGetObject()
            if template.document_kind == self.kind and api.user.has_permission(
                MANAGE, obj=template
            ):
                return (
                    brain.getURL() + "/edit",
                    translate(
                        _("document_template_fix", default="修改文书模板"),
                        context=self.request,
                    ),
                )
        return None

    def _send(self, file_format):
        try:
            data = self.make(file_format)
        except TemplateProblem as problem:
            return _problem_page(
                self.request, 409, problem.message, self._template_link()
            )
        except PdfUnavailable as problem:
            return _problem_page(self.request, 503, problem.message)
        if data is None:
            return _problem_page(
                self.request,
                404,
                translate(
                    _("document_not_applicable", default="此内容没有这份文书。"),
                    context=self.request,
                ),
            )
        name = f"{self.filename()}.{file_format}"
        response = self.request.response
        response.setHeader("Content-Type", outputs.FORMATS[file_format])
        response.setHeader(
            "Content-Disposition",
            f'attachment; filename="document.{file_format}"; '
            f"filename*=UTF-8''{quote(name)}",
        )
        response.setHeader("Content-Length", str(len(data)))
        return data


class AnnualReportDownload(Download):
    kind = "annual_report"

    def filename(self):
        return self.context.Title()

    def make(self, file_format):
        return outputs.annual_report_file(self.context, file_format)


class GoalFormDownload(Download):
    kind = "goal_form"

    def filename(self):
        return f"绩效目标申报表-{self.context.Title()}"

    def make(self, file_format):
        return outputs.goal_forms_file([self.context], file_format)


class UnitGoalFormsDownload(Download):
    """The unit's goal forms in one file (``?year=2026``: that year's)."""

    kind = "goal_form"

    def year(self):
        return year_or_none(self.request.form.get("year"))

    def filename(self):
        year = self.year()
        return f"绩效目标申报表-{self.context.Title()}" + (f"-{year}" if year else "")

    def make(self, file_format):
        projects = outputs.unit_projects(self.context, self.year())
        if not projects:
            return None
        return outputs.goal_forms_file(projects, file_format)


class FeedbackNoticeDownload(Download):
    kind = "feedback_notice"

    def filename(self):
        return (
            f"评价结果反馈通知书-{self.context.project_title or self.context.Title()}"
        )

    def make(self, file_format):
        if not outputs.notice_available(self.context):
            return None
        return outputs.render(
            "feedback_notice", outputs.feedback_notice_data(self.context), file_format
        )


class LeadershipReportDownload(Download):
    kind = "leadership_report"

    def filename(self):
        return f"运行监控情况报告-{self.context.Title()}"

    def make(self, file_format):
        return outputs.render(
            "leadership_report",
            outputs.leadership_report_data(self.context),
            file_format,
        )


class AnnualReportView(BrowserView):
    def data(self):
        return outputs.annual_report_data(self.context)

    def audience_title(self):
        return translate(
            AUDIENCE_TITLES.get(self.context.audience, self.context.audience),
            context=self.request,
        )

    def may_manage(self):
        return api.user.has_permission(MANAGE, obj=self.context)

    def body(self):
        body = self.context.body
        return body.output if body is not None else ""

    def list_url(self, figure):
        listing = (figure.get("source") or {}).get("list")
        if not listing:
            return None
        if listing.startswith("http"):
            return listing
        return f"{api.portal.get().absolute_url()}/{listing}"


class TemplateView(BrowserView):
    def kind_title(self):
        kind = self.context.document_kind
        return translate(DOCUMENT_KIND_TITLES.get(kind, kind), context=self.request)

    def download_url(self):
        return f"{self.context.absolute_url()}/@@download/template_file"


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
