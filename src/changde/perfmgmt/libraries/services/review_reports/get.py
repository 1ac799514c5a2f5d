"""GET @review-reports on an internal-review round: its reviewed reports with
their scores and totals, the weights, and the year's rounds against the plan."""

from plone.restapi.services import Service

from changde.perfmgmt.libraries.reviews import round_as_json


class ReviewReportsGet(Service):
    def reply(self):
        return round_as_json(self.context)
