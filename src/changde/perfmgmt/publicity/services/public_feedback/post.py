"""POST @public-feedback on the site root: ``{"id": <opinion id>,
"answered": true|false, "note": "…"}`` marks one opinion answered (or
not) with the office's note; answers the opinion. 400 with field errors
for a missing or unknown id, a non-boolean ``answered`` or a note the rules
refuse; nothing is changed then."""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides

from changde.perfmgmt.core.rest import bad_request
from changde.perfmgmt.core.rest import field_error
from changde.perfmgmt.core.rest import invalid_body
from changde.perfmgmt.core.rest import read_json_object
from changde.perfmgmt.core.rest import violation_errors
from changde.perfmgmt.i18n import _
from changde.perfmgmt.publicity import public_feedback
from changde.perfmgmt.publicity.rules.public_forms import text_violations
from changde.perfmgmt.publicity.services.json import jsonable
from changde.perfmgmt.publicity.settings import public_form_settings


class PublicFeedbackPost(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        data = read_json_object(self.request)
        if data is None:
            return invalid_body(self.request)
        errors = []
        row_id = data.get("id")
        if isinstance(row_id, bool) or not isinstance(row_id, int):
            errors.append(
                field_error(
                    self.request,
                    "id",
                    _(
                        "api_feedback_id",
                        default="The id of an opinion (a whole number).",
                    ),
                )
            )
        answered = data.get("answered", True)
        if not isinstance(answered, bool):
            errors.append(
                field_error(
                    self.request,
                    "answered",
                    _("api_feedback_answered", default="true or false."),
                )
            )
        note = data.get("note")
        if note is not None and not isinstance(note, str):
            errors.append(
                field_error(
                    self.request, "note", _("api_feedback_note", default="Text.")
                )
            )
        elif note is not None:
            errors.extend(
                violation_errors(
                    text_violations(
                        "note", note, multiline=True, settings=public_form_settings()
                    ),
                    self.request,
                )
            )
        if not errors and not public_feedback.mark(
            row_id, answered=answered, note=note
        ):
            errors.append(
                field_error(
                    self.request,
                    "id",
                    _("api_feedback_unknown", default="No opinion has this id."),
                )
            )
        if errors:
            return bad_request(
                self.request,
                _("api_feedback_not_marked", default="The opinion was not changed."),
                errors,
            )
        (row,) = [r for r in public_feedback.feedback_rows() if r["id"] == row_id]
        return jsonable(row)
