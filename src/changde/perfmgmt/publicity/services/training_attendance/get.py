"""GET @training-attendance on a training: every sign-up (name,
organisation with its district and unit, position, phone, note, attended)
and the attendance by district and unit."""

from plone.restapi.services import Service

from changde.perfmgmt.publicity import training
from changde.perfmgmt.publicity.services.json import jsonable


def attendance_answer(context):
    return {
        "@id": f"{context.absolute_url()}/@training-attendance",
        "signups": jsonable(training.signups(context)),
        "summary": jsonable(training.attendance(context)),
    }


class TrainingAttendanceGet(Service):
    def reply(self):
        return attendance_answer(self.context)
