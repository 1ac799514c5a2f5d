"""GET @review-summary?year=2026 on the internal-review folder: the year's
rounds against the plan (5 by default) and its excellent reports (3–5)."""

from plone.restapi.services import Service

from changde.perfmgmt.core.rest import bad_request
from changde.perfmgmt.core.rest import translated
from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.i18n import _
from changde.perfmgmt.libraries.reviews import year_summary


class ReviewSummaryGet(Service):
    def reply(self):
        value = self.request.form.get("year") or str(today_in_china().year)
        year = year_or_none(value)
        if year is None:
            message = _("review_summary_year", default="请以 ?year=2026 给出年度。")
            return bad_request(
                self.request,
                message,
                [{"field": "year", "message": translated(self.request, message)}],
            )
        answer = year_summary(year)
        answer["@id"] = f"{self.context.absolute_url()}/@review-summary?year={year}"
        return answer
