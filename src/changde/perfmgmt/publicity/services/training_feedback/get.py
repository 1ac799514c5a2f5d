"""GET @training-feedback on a training: the number of answers, the
average (two decimals, out of 5) and number of ratings of each question,
the overall average, and every answer."""

from plone.restapi.services import Service

from changde.perfmgmt.publicity import training
from changde.perfmgmt.publicity.services.json import jsonable


class TrainingFeedbackGet(Service):
    def reply(self):
        return {
            "@id": f"{self.context.absolute_url()}/@training-feedback",
            "summary": jsonable(training.feedback_summary(self.context)),
            "items": jsonable(training.feedback_rows(self.context)),
        }
