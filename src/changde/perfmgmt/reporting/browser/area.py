"""The reporting area (报告与文书): the work plans, the annual reports and the
document templates, and the form that drafts a year's report."""

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zope.i18n import translate

from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.i18n import _
from changde.perfmgmt.reporting.annual import create_report
from changde.perfmgmt.reporting.rules.figures import AUDIENCES
from changde.perfmgmt.reporting.vocabularies import AUDIENCE_TITLES
from changde.perfmgmt.reporting.vocabularies import DOCUMENT_KIND_TITLES


def _find(context, portal_type, **query):
    return api.content.find(context=context, portal_type=portal_type, depth=1, **query)


class AreaView(BrowserView):
    def may_manage(self):
        return api.user.has_permission(
            "changde.perfmgmt: Manage reporting", obj=self.context
        )

    def plans(self):
        brains = _find(self.context, "WorkPlan")
        return sorted(
            ({"title": b.Title, "url": b.getURL(), "year": b.year} for b in brains),
            key=lambda row: row["year"] or 0,
            reverse=True,
        )

    def reports(self):
        rows = []
        for brain in _find(
            self.context, "AnnualReport", sort_on="created", sort_order="descending"
        ):
            rows.append(
                {
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "year": brain.year,
                    "modified": brain.modified.strftime("%Y-%m-%d %H:%M"),
                }
            )
        return rows

    def templates(self):
        rows = []
        for brain in _find(self.context, "DocumentTemplate", sort_on="sortable_title"):
            rows.append({"title": brain.Title, "url": brain.getURL()})
        return rows

    def audiences(self):
        return [
            {"id": id, "title": translate(AUDIENCE_TITLES[id], context=self.request)}
            for id in AUDIENCES
        ]

    def document_kinds(self):
        return [
            translate(title, context=self.request)
            for title in DOCUMENT_KIND_TITLES.values()
        ]

    def default_year(self):
        return today_in_china().year


class DraftAnnualReport(BrowserView):
    """POST year and audience: the system drafts the report and opens it."""

    def __call__(self):
        if self.request.method != "POST":
            return self.request.response.redirect(self.context.absolute_url())
        CheckAuthenticator(self.request)
        form = self.request.form
        year = year_or_none(form.get("year"))
        audience = form.get("audience")
        if year is None or audience not in AUDIENCES:
            api.portal.show_message(
                _(
                    "annual_report_draft_invalid",
                    default="请填写报告年度(如 2026)并选择报送对象。",
                ),
                request=self.request,
                type="error",
            )
            self.request.response.setStatus(400)
            return self.request.response.redirect(self.context.absolute_url())
        report, drafted = create_report(self.context, year, audience)
        if drafted["has_data"]:
            message = _(
                "annual_report_drafted",
                default="已根据系统数据起草 ${year} 年度报告,请核对后修改正文。",
                mapping={"year": year},
            )
        else:
            message = _(
                "annual_report_drafted_no_data",
                default="系统中没有 ${year} 年度的数据:报告已起草,并注明暂无数据。",
                mapping={"year": year},
            )
        api.portal.show_message(message, request=self.request)
        return self.request.response.redirect(report.absolute_url())
