"""The internal-review folder: the year's rounds and the excellent cap."""

from plone import api
from Products.Five.browser import BrowserView

from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.libraries.browser.base import MANAGE
from changde.perfmgmt.libraries.reviews import settings_warnings
from changde.perfmgmt.libraries.reviews import year_summary


class ReviewFolderView(BrowserView):
    def can_manage(self):
        return api.user.has_permission(MANAGE, obj=self.context)

    def settings_warnings(self):
        return settings_warnings() if self.can_manage() else []

    def years(self):
        """The years that have rounds, newest first, and the current year."""
        years = {
            brain.year
            for brain in api.content.find(
                context=self.context, portal_type="InternalReviewRound"
            )
        }
        years.add(today_in_china().year)
        return sorted(years, reverse=True)

    def summary(self, year):
        return year_summary(year)

    def rounds(self, year):
        return api.content.find(
            context=self.context,
            portal_type="InternalReviewRound",
            year=year,
            sort_on="getObjPositionInParent",
        )
