"""The annual report's page: its text, its figures with their sources, the
downloads."""

from plone import api
from Products.Five.browser import BrowserView
from zope.i18n import translate

from changde.perfmgmt.reporting.browser.base import MANAGE
from changde.perfmgmt.reporting.documents import outputs
from changde.perfmgmt.reporting.vocabularies import AUDIENCE_TITLES


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
