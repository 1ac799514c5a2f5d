"""GET @review-summary?year=2026 on the internal-review folder: the year's
rounds against the plan (5 by default) and its excellent reports (3–5)."""

from plone.restapi.services import Service

from changde.perfmgmt.core.rest import query_year
from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.libraries.reviews import year_summary


class ReviewSummaryGet(Service):
    def reply(self):
        year = query_year(self.request, default=today_in_china().year)
        answer = year_summary(year)
        answer["@id"] = f"{self.context.absolute_url()}/@review-summary?year={year}"
        return answer
