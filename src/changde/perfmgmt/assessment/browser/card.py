"""An assessment card's page: each criterion with its pre-filled number and
where it came from, the office's entries (draft), the total."""

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zope.event import notify
from zope.i18n import translate
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import ObjectModifiedEvent

from changde.perfmgmt.assessment import yearly
from changde.perfmgmt.assessment.browser.base import state_title
from changde.perfmgmt.assessment.cardview import explanation_text
from changde.perfmgmt.assessment.content.assessment_card import IAssessmentCard
from changde.perfmgmt.assessment.labels import KIND_TITLES
from changde.perfmgmt.assessment.labels import SOURCE_TITLES
from changde.perfmgmt.assessment.rules import yearly as yearly_rules
from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.i18n import _


class CardView(BrowserView):
    """The card's page; the office enters points and notes on a draft."""

    errors = None

    def __call__(self):
        form = self.request.form
        if self.request.method == "POST" and self.may_enter():
            CheckAuthenticator(self.request)
            if form.get("refresh_facts"):
                yearly.refresh_facts(self.context)
                notify(ObjectModifiedEvent(self.context))
                api.portal.show_message(
                    _(
                        "assessment_facts_refreshed",
                        default="已按系统当前数据重新预填。",
                    ),
                    request=self.request,
                )
                return self.request.response.redirect(self.context.absolute_url())
            if form.get("form.submitted") and self.save():
                api.portal.show_message(
                    _("assessment_saved", default="考核评分已保存。"),
                    request=self.request,
                )
                return self.request.response.redirect(self.context.absolute_url())
        return self.index()

    def may_enter(self):
        return api.content.get_state(self.context) == "draft" and (
            api.user.has_permission("Modify portal content", obj=self.context)
        )

    def kind_title(self):
        kind = self.context.assessment_kind
        return translate(KIND_TITLES[kind], context=self.request) if kind else ""

    def target(self):
        target = self.context.target.to_object if self.context.target else None
        if target is None:
            return None
        return {"title": target.Title(), "url": target.absolute_url()}

    def state_title(self):
        return state_title(
            api.content.get_state(self.context), "AssessmentCard", self.request
        )

    def as_of(self):
        return (self.context.facts or {}).get("as_of")

    def result(self):
        return yearly.card_result(self.context)

    def lines(self):
        result = self.result()
        typed = self.typed() if self.errors is not None else None
        answer = []
        for line in result.lines:
            facts = line.facts
            entry = (typed or self.context.entries or {}).get(line.id) or {}
            answer.append(
                {
                    "id": line.id,
                    "title": yearly.criterion_title(line.id, line.title, self.request),
                    "weight": line.weight,
                    "source": translate(
                        SOURCE_TITLES.get(line.source, line.source),
                        context=self.request,
                    ),
                    "points": line.points,
                    "prefilled": line.prefilled,
                    "entered": line.entered,
                    "explanation": explanation_text(line.explanation, self.request),
                    "sources": list(facts.sources) if facts else [],
                    "note": line.note,
                    "value": ""
                    if entry.get("points") is None
                    else str(entry["points"]),
                    "note_value": entry.get("note") or "",
                    "errors": (self.errors or {}).get(line.id, []),
                }
            )
        return answer

    def typed(self):
        form = self.request.form
        entries = {}
        for criterion in yearly.criteria_of(self.context):
            points = (form.get(f"points_{criterion.id}") or "").strip()
            note = (form.get(f"note_{criterion.id}") or "").strip()
            entry = {}
            if points:
                entry["points"] = points
            if note:
                entry["note"] = note
            if entry:
                entries[criterion.id] = entry
        return entries

    def save(self):
        entries = self.typed()
        violations = yearly_rules.validate_assessment_entries(
            yearly.criteria_of(self.context), entries, yearly.facts_of(self.context)
        )
        if violations:
            errors = {}
            for violation in violations:
                errors.setdefault(violation.params.get("key"), []).append(
                    translate_violation(violation, self.request)
                )
            self.errors = errors
            return False
        self.context.entries = entries
        yearly.update_total(self.context)
        notify(
            ObjectModifiedEvent(self.context, Attributes(IAssessmentCard, "entries"))
        )
        return True
