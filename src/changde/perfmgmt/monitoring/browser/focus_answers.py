"""A record's answers to its round's focus items (no JSON typing)."""

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zope.event import notify
from zope.i18n import translate
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import ObjectModifiedEvent

from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.i18n import _
from changde.perfmgmt.monitoring.content.monitoring_record import IMonitoringRecord
from changde.perfmgmt.monitoring.rules.focus import clean_focus_answers
from changde.perfmgmt.monitoring.rules.focus import validate_focus_answers
from changde.perfmgmt.monitoring.vocabularies import FOCUS_TITLES


class FocusAnswersView(BrowserView):
    """One answer per focus item of the record's round."""

    errors = None

    def __call__(self):
        if self.request.method == "POST" and self.request.form.get("form.submitted"):
            CheckAuthenticator(self.request)
            if self.save():
                api.portal.show_message(
                    _("focus_answers_saved", default="监控重点的回答已保存。"),
                    request=self.request,
                )
                return self.request.response.redirect(self.context.absolute_url())
        return self.index()

    def focus(self):
        monitoring_round = self.context.monitoring_round
        return tuple(monitoring_round.focus or ()) if monitoring_round else ()

    def typed(self):
        form = self.request.form
        return {item: (form.get(f"answer_{item}") or "") for item in self.focus()}

    def items(self):
        saved = self.context.focus_answers or {}
        typed = self.typed() if self.errors is not None else {}
        return [
            {
                "id": item,
                "title": translate(FOCUS_TITLES.get(item, item), context=self.request),
                "answer": typed.get(item, saved.get(item) or ""),
                "errors": (self.errors or {}).get(item, []),
            }
            for item in self.focus()
        ]

    def save(self):
        answers = self.typed()
        violations = validate_focus_answers(answers, self.focus())
        if violations:
            self.errors = {}
            for violation in violations:
                item = (violation.field or "").rsplit(".", 1)[-1]
                self.errors.setdefault(item, []).append(
                    translate_violation(violation, self.request)
                )
            return False
        cleaned = clean_focus_answers(answers)
        if cleaned != (self.context.focus_answers or {}):
            self.context.focus_answers = cleaned
            notify(
                ObjectModifiedEvent(
                    self.context, Attributes(IMonitoringRecord, "focus_answers")
                )
            )
        return True
