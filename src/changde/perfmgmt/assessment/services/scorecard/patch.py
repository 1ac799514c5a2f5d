"""PATCH @scorecard on a report: ``{"entries": {key: entry or null}}``
merges the scorer's entries (null removes one); ``"replace": true``
replaces them all. Checked by :func:`rules.scoring.validate_entries`: a bad
entry is a 400 naming the field ``scorecard_entries`` and the entry's key,
and nothing is written. Only while the report is a draft."""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides

from changde.perfmgmt.assessment.cardview import card_data
from changde.perfmgmt.assessment.rules.scoring import validate_entries
from changde.perfmgmt.assessment.scorecards import card_facts
from changde.perfmgmt.assessment.scorecards import card_rows
from changde.perfmgmt.assessment.scorecards import has_card
from changde.perfmgmt.assessment.scorecards import is_draft
from changde.perfmgmt.assessment.scorecards import save_entries
from changde.perfmgmt.assessment.services.scorecard.get import no_card
from changde.perfmgmt.core.rest import bad_request
from changde.perfmgmt.core.rest import error
from changde.perfmgmt.core.rest import field_error
from changde.perfmgmt.core.rest import invalid_body
from changde.perfmgmt.core.rest import read_json_object
from changde.perfmgmt.core.rest import violation_errors
from changde.perfmgmt.i18n import _


class ScorecardPatch(Service):
    def reply(self):
        # a JSON API call authenticated per request: no CSRF token to check
        alsoProvides(self.request, IDisableCSRFProtection)
        if not has_card(self.context):
            return no_card(self.request)
        if not is_draft(self.context):
            return error(
                self.request,
                409,
                "Conflict",
                _(
                    "scorecard_not_draft",
                    default="评价报告已提交,评分表不能再修改;退回草稿后才能修改。",
                ),
            )
        body = read_json_object(self.request)
        if body is None:
            return invalid_body(self.request)
        entries = body.get("entries")
        if not isinstance(entries, dict):
            message = _(
                "api_scorecard_entries_required",
                default="entries must be an object keyed by criterion code.",
            )
            return bad_request(
                self.request,
                message,
                [field_error(self.request, "scorecard_entries", message)],
            )
        if body.get("replace"):
            merged = {key: value for key, value in entries.items() if value is not None}
        else:
            merged = dict(self.context.scorecard_entries or {})
            for key, value in entries.items():
                if value is None:
                    merged.pop(key, None)
                else:
                    merged[key] = value
        violations = validate_entries(
            card_rows(self.context), merged, card_facts(self.context)
        )
        if violations:
            return bad_request(
                self.request,
                _(
                    "api_scorecard_refused",
                    default="The scorecard entries were refused.",
                ),
                violation_errors(violations, self.request),
            )
        save_entries(self.context, merged)
        return {
            "@id": f"{self.context.absolute_url()}/@scorecard",
            **card_data(self.context, self.request),
        }
