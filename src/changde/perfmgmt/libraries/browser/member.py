"""A member's page: its public fields; contact, status and ratings for the
office."""

from plone import api
from plone.dexterity.browser.view import DefaultView

from changde.perfmgmt.libraries.browser.base import MANAGE
from changde.perfmgmt.libraries.browser.base import VIEW_RATINGS
from changde.perfmgmt.libraries.interfaces import IRatedMember
from changde.perfmgmt.libraries.members import rating_summary
from changde.perfmgmt.libraries.members import ratings_of


class MemberView(DefaultView):
    def is_rated(self):
        return IRatedMember.providedBy(self.context)

    def can_see_ratings(self):
        return self.is_rated() and api.user.has_permission(
            VIEW_RATINGS, obj=self.context
        )

    def can_rate(self):
        return self.is_rated() and api.user.has_permission(MANAGE, obj=self.context)

    def ratings(self):
        return ratings_of(self.context) if self.can_see_ratings() else []

    def rate_url(self):
        return f"{self.context.absolute_url()}/@@rate"

    def summary(self):
        return rating_summary(self.context) if self.can_see_ratings() else None
