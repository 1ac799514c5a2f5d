"""The office's rating of a member's engagement."""

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage

from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.i18n import _
from changde.perfmgmt.libraries.members import add_rating
from changde.perfmgmt.libraries.members import change_rating
from changde.perfmgmt.libraries.members import delete_rating
from changde.perfmgmt.libraries.members import rating_id_violation
from changde.perfmgmt.libraries.members import rating_position
from changde.perfmgmt.libraries.members import ratings_of


class RateForm(BrowserView):
    """A new rating, or (``rating``: its id) the correction or deletion of one."""

    errors = ()

    def today(self):
        return today_in_china().isoformat()

    def rating_id(self):
        """The id of the rating corrected, or None for a new one."""
        value = self.request.form.get("rating")
        return None if value in (None, "") else str(value)

    def rating(self):
        """The values the form shows: what was posted, else the rating
        corrected, else nothing."""
        form = self.request.form
        rating_id = self.rating_id()
        current = {}
        position = rating_position(self.context, rating_id)
        if position is not None:
            current = ratings_of(self.context)[position]
        return {
            key: form.get(key, current.get(key))
            for key in ("date", "engagement", "score", "note")
        }

    def show_errors(self, violations):
        self.errors = [
            {
                "field": violation.field or "",
                "message": translate_violation(violation, self.request),
            }
            for violation in violations
        ]
        return self.index()

    def __call__(self):
        form = self.request.form
        rating_id = self.rating_id()
        if rating_id is not None and rating_id_violation(self.context, rating_id):
            return self.show_errors([rating_id_violation(self.context, rating_id)])
        if self.request.method == "POST" and form.get("form.submitted"):
            CheckAuthenticator(self.request)
            user_id = api.user.get_current().getId()
            if rating_id is not None and form.get("form.buttons.delete"):
                violations = delete_rating(self.context, rating_id)
                message = _("rating_deleted", default="评分已删除。")
            elif rating_id is not None:
                violations = change_rating(
                    self.context,
                    rating_id,
                    {
                        key: form.get(key, "")
                        for key in ("date", "engagement", "score", "note")
                    },
                    user_id,
                )
                message = _("rating_changed", default="评分已更正。")
            else:
                violations = add_rating(
                    self.context,
                    form.get("date", ""),
                    form.get("engagement", ""),
                    form.get("score", ""),
                    user_id,
                    form.get("note", ""),
                )
                message = _("rating_saved", default="评分已保存。")
            if violations:
                return self.show_errors(violations)
            IStatusMessage(self.request).add(message)
            return self.request.response.redirect(self.context.absolute_url())
        return self.index()
