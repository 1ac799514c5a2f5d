"""POST @training-attendance on a training: ``{"attended": [ids],
"absent": [ids]}`` ticks who came and unticks who did not (ids of the
sign-ups, as GET answers them); answers what GET answers. Nothing is
changed when an id is not a sign-up of this training (400)."""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides

from changde.perfmgmt.core.rest import bad_request
from changde.perfmgmt.core.rest import field_error
from changde.perfmgmt.core.rest import invalid_body
from changde.perfmgmt.core.rest import read_json_object
from changde.perfmgmt.i18n import _
from changde.perfmgmt.publicity import training
from changde.perfmgmt.publicity.services.training_attendance.get import (
    attendance_answer,
)

FIELDS = ("attended", "absent")


def _ids(value):
    if not isinstance(value, list):
        return None
    ids = []
    for item in value:
        if isinstance(item, bool) or not isinstance(item, int):
            return None
        ids.append(item)
    return ids


class TrainingAttendancePost(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        data = read_json_object(self.request)
        if data is None:
            return invalid_body(self.request)
        errors = []
        lists = {}
        for name in FIELDS:
            ids = _ids(data.get(name, []))
            if ids is None:
                errors.append(
                    field_error(
                        self.request,
                        name,
                        _(
                            "api_attendance_not_ids",
                            default="A list of sign-up ids (whole numbers).",
                        ),
                    )
                )
            lists[name] = ids or []
        unknown_fields = sorted(set(data) - set(FIELDS))
        for name in unknown_fields:
            errors.append(
                field_error(
                    self.request,
                    name,
                    _(
                        "api_unknown_field",
                        default="Unknown field: ${name}.",
                        mapping={"name": name},
                    ),
                )
            )
        if not errors:
            both = set(lists["attended"]) & set(lists["absent"])
            if both:
                errors.append(
                    field_error(
                        self.request,
                        "absent",
                        _(
                            "api_attendance_both",
                            default="A sign-up cannot be both attended and absent.",
                        ),
                        ids=sorted(both),
                    )
                )
        if not errors:
            unknown = training.set_attendance(
                self.context, attended=lists["attended"], absent=lists["absent"]
            )
            if unknown:
                errors.append(
                    field_error(
                        self.request,
                        "attended",
                        _(
                            "api_attendance_unknown",
                            default="Not a sign-up of this training.",
                        ),
                        ids=unknown,
                    )
                )
        if errors:
            return bad_request(
                self.request,
                _("api_attendance_refused", default="The attendance was not saved."),
                errors,
            )
        return attendance_answer(self.context)
