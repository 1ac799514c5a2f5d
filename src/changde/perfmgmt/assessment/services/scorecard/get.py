"""GET @scorecard on a report: the card as the page and the Excel show it
(template, lines with facts, formula and points, total, grade, computed and
adopted score); 404 when the report has none."""

from plone.restapi.services import Service

from changde.perfmgmt.assessment.cardview import card_data
from changde.perfmgmt.core.rest import error
from changde.perfmgmt.i18n import _


def no_card(request):
    return error(
        request,
        404,
        "NotFound",
        _("scorecard_none", default="此评价报告没有评分表。"),
    )


class ScorecardGet(Service):
    def reply(self):
        card = card_data(self.context, self.request)
        if card is None:
            return no_card(self.request)
        return {"@id": f"{self.context.absolute_url()}/@scorecard", **card}
