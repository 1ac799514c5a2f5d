"""A measure's page: its leader, offices, status and dated progress notes."""

from plone import api
from Products.Five.browser import BrowserView
from zope.i18n import translate

from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.reporting.plans import measure_row
from changde.perfmgmt.reporting.rules import measures as rules
from changde.perfmgmt.reporting.vocabularies import STATUS_TITLES


class MeasureView(BrowserView):
    def row(self):
        return measure_row(self.context, self.request)

    def statuses(self):
        return [
            {
                "id": status,
                "title": translate(STATUS_TITLES[status], context=self.request),
            }
            for status in rules.STATUSES
        ]

    def may_edit(self):
        return api.user.has_permission("Modify portal content", obj=self.context)

    def today(self):
        return today_in_china().isoformat()
