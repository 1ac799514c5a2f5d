"""GET @supervision-coverage on the supervision library: whether the five
groups are covered (the plan: complete by 2021)."""

from plone.restapi.services import Service

from changde.perfmgmt.libraries.browser.library import supervision_coverage_json


class SupervisionCoverageGet(Service):
    def reply(self):
        answer = supervision_coverage_json(self.context, self.request)
        answer["@id"] = f"{self.context.absolute_url()}/@supervision-coverage"
        return answer
