"""A dated progress note on a measure, with its evidence links (POST)."""

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView

from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.i18n import _
from changde.perfmgmt.reporting.rules import measures as rules


class AddProgressNote(BrowserView):
    """POST date, text, evidence (one link a line): a dated progress note."""

    def __call__(self):
        if self.request.method != "POST":
            return self.request.response.redirect(self.context.absolute_url())
        CheckAuthenticator(self.request)
        form = self.request.form
        row = {
            "date": form.get("date"),
            "text": form.get("text"),
            "evidence": (form.get("evidence") or "").splitlines(),
        }
        existing = list(self.context.progress_notes or [])
        notes, violations = rules.parse_progress_notes([row, *existing])
        if violations:
            api.portal.show_message(
                " ".join(translate_violation(v, self.request) for v in violations),
                request=self.request,
                type="error",
            )
            return self.request.response.redirect(self.context.absolute_url())
        self.context.progress_notes = [note.as_dict() for note in notes]
        status = form.get("status")
        if status in rules.STATUSES:
            self.context.status = status
        self.context.reindexObject()
        api.portal.show_message(
            _("progress_note_added", default="进展记录已保存。"), request=self.request
        )
        return self.request.response.redirect(self.context.absolute_url())
