"""The reporting area (报告与文书): the work plans, the annual reports and the
document templates."""

from plone import api
from Products.Five.browser import BrowserView
from zope.i18n import translate

from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.reporting.browser.base import MANAGE
from changde.perfmgmt.reporting.browser.base import find
from changde.perfmgmt.reporting.rules.figures import AUDIENCES
from changde.perfmgmt.reporting.vocabularies import AUDIENCE_TITLES
from changde.perfmgmt.reporting.vocabularies import DOCUMENT_KIND_TITLES


class AreaView(BrowserView):
    def may_manage(self):
        return api.user.has_permission(MANAGE, obj=self.context)

    def plans(self):
        brains = find(self.context, "WorkPlan")
        return sorted(
            ({"title": b.Title, "url": b.getURL(), "year": b.year} for b in brains),
            key=lambda row: row["year"] or 0,
            reverse=True,
        )

    def reports(self):
        rows = []
        for brain in find(
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
        for brain in find(self.context, "DocumentTemplate", sort_on="sortable_title"):
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
