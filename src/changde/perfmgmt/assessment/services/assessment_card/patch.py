"""PATCH @assessment-card on a draft card: ``{"entries": {criterion:
{points, note} or null}, "refresh_facts": true}``. Entries are checked by
:func:`rules.yearly.validate_assessment_entries` (a 400 naming
``entries`` and the criterion; nothing written); ``refresh_facts``
pre-fills the card again from what the system holds now."""

from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.event import notify
from zope.interface import alsoProvides
from zope.lifecycleevent import ObjectModifiedEvent

from changde.perfmgmt.assessment import yearly
from changde.perfmgmt.assessment.rules.yearly import validate_assessment_entries
from changde.perfmgmt.assessment.services.assessment_card.get import card_answer
from changde.perfmgmt.core.rest import bad_request
from changde.perfmgmt.core.rest import error
from changde.perfmgmt.core.rest import field_error
from changde.perfmgmt.core.rest import invalid_body
from changde.perfmgmt.core.rest import read_json_object
from changde.perfmgmt.core.rest import violation_errors
from changde.perfmgmt.i18n import _


class CardPatch(Service):
    def reply(self):
        # a JSON API call authenticated per request: no CSRF token to check
        alsoProvides(self.request, IDisableCSRFProtection)
        if api.content.get_state(self.context) != "draft":
            return error(
                self.request,
                409,
                "Conflict",
                _(
                    "assessment_card_not_draft",
                    default="考核评分表已确认,退回草稿后才能修改。",
                ),
            )
        body = read_json_object(self.request)
        if body is None:
            return invalid_body(self.request)
        entries = body.get("entries")
        if entries is not None and not isinstance(entries, dict):
            message = _(
                "api_assessment_entries_object",
                default="entries must be an object keyed by criterion id.",
            )
            return bad_request(
                self.request, message, [field_error(self.request, "entries", message)]
            )
        refresh = bool(body.get("refresh_facts"))
        target = self.context.target.to_object if self.context.target else None
        facts = (
            yearly.gather_facts(target, self.context.year)
            if refresh and target is not None
            else yearly.facts_of(self.context)
        )
        merged = dict(self.context.entries or {})
        for key, value in (entries or {}).items():
            if value is None:
                merged.pop(key, None)
            else:
                merged[key] = value
        violations = validate_assessment_entries(
            yearly.criteria_of(self.context), merged, facts
        )
        if violations:
            # nothing written: the facts are refreshed only with valid entries
            return bad_request(
                self.request,
                _(
                    "api_assessment_entries_refused",
                    default="The assessment entries were refused.",
                ),
                violation_errors(violations, self.request),
            )
        if refresh:
            yearly.refresh_facts(self.context)
        if entries is not None:
            self.context.entries = merged
        yearly.update_total(self.context)
        notify(ObjectModifiedEvent(self.context))
        return card_answer(self.context, self.request)
