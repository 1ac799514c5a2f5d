"""Drafting a year's annual report from the system's data (POST)."""

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView

from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.i18n import _
from changde.perfmgmt.reporting.annual import create_report
from changde.perfmgmt.reporting.rules.figures import AUDIENCES


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
