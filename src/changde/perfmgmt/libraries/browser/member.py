"""A member's page: its public fields; contact, status and ratings for the
office."""

from plone import api
from plone.dexterity.browser.view import DefaultView

from changde.perfmgmt.core.display import omit_settings
from changde.perfmgmt.libraries.browser.base import MANAGE
from changde.perfmgmt.libraries.browser.base import VIEW_RATINGS
from changde.perfmgmt.libraries.interfaces import IRatedMember
from changde.perfmgmt.libraries.members import rating_summary
from changde.perfmgmt.libraries.members import ratings_of


class MemberView(DefaultView):
    def updateFieldsFromSchemata(self):
        super().updateFieldsFromSchemata()
        omit_settings(self)

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

    def person(self, user_id):
        """A rater by name (the user id only when the user is gone)."""
        user = api.user.get(userid=user_id) if user_id else None
        return (user.getProperty("fullname") if user else "") or user_id or ""

    def rate_url(self):
        return f"{self.context.absolute_url()}/@@rate"

    def summary(self):
        return rating_summary(self.context) if self.can_see_ratings() else None
