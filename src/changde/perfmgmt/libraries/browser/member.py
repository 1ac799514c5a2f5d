"""A member's page (its public fields; contact and ratings for the office)
and the office's rating form."""

import datetime

from plone import api
from plone.dexterity.browser.view import DefaultView
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage

from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.i18n import _
from changde.perfmgmt.libraries.interfaces import IRatedMember
from changde.perfmgmt.libraries.members import add_rating
from changde.perfmgmt.libraries.members import rating_summary
from changde.perfmgmt.libraries.members import ratings_of

VIEW_RATINGS = "changde.perfmgmt: View library ratings"
MANAGE = "changde.perfmgmt: Manage libraries"


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

    def summary(self):
        return rating_summary(self.context) if self.can_see_ratings() else None


class RateForm(BrowserView):
    errors = ()

    def today(self):
        return datetime.date.today().isoformat()

    def __call__(self):
        form = self.request.form
        if self.request.method == "POST" and form.get("form.submitted"):
            CheckAuthenticator(self.request)
            violations = add_rating(
                self.context,
                form.get("date", ""),
                form.get("engagement", ""),
                form.get("score", ""),
                api.user.get_current().getId(),
                form.get("note", ""),
            )
            if violations:
                self.errors = [
                    {
                        "field": violation.field or "",
                        "message": translate_violation(violation, self.request),
                    }
                    for violation in violations
                ]
                return self.index()
            IStatusMessage(self.request).add(_("rating_saved", default="评分已保存。"))
            return self.request.response.redirect(self.context.absolute_url())
        return self.index()
