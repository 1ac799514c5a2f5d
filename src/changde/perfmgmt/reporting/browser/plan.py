"""The work plan's page: every measure with its leader, lead office and
status, linking to the module that carries it out."""

from plone import api
from Products.Five.browser import BrowserView
from zope.i18n import translate

from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.reporting.browser.base import MANAGE
from changde.perfmgmt.reporting.plans import measure_row
from changde.perfmgmt.reporting.rules import measures as rules
from changde.perfmgmt.reporting.vocabularies import STATUS_TITLES

#: the Bootstrap colours of a status badge
BADGES = {
    "not_started": "text-bg-light border",
    "in_progress": "text-bg-primary",
    "done": "text-bg-success",
    "delayed": "text-bg-danger",
}


class PlanView(BrowserView):
    def badge(self, status):
        return BADGES.get(status, "text-bg-light border")

    def may_manage(self):
        return api.user.has_permission(MANAGE, obj=self.context)

    def rows(self):
        return [
            measure_row(measure, self.request) for measure in self.context.measures()
        ]

    def counts(self):
        counts = rules.status_counts(m.status for m in self.context.measures())
        return [
            {
                "id": status,
                "title": translate(STATUS_TITLES[status], context=self.request),
                "count": count,
            }
            for status, count in counts.items()
        ]

    def next_year(self):
        return (self.context.year or today_in_china().year) + 1
