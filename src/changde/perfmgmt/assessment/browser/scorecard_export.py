"""``@@scorecard.xlsx``: a report's card in Excel, as the page shows it."""

from Products.Five.browser import BrowserView
from zope.i18n import translate

from changde.perfmgmt.assessment.cardview import card_data
from changde.perfmgmt.assessment.excel import scorecard_workbook
from changde.perfmgmt.assessment.scorecards import has_card
from changde.perfmgmt.core.excel import xlsx_response
from changde.perfmgmt.i18n import _


class ScorecardExport(BrowserView):
    """``@@scorecard.xlsx``: the card's lines, as the page shows them."""

    def __call__(self):
        card = card_data(self.context, self.request) if has_card(self.context) else None
        if card is None:
            self.request.response.setStatus(404)
            return translate(
                _("scorecard_none", default="此评价报告没有评分表。"),
                context=self.request,
            )
        data = scorecard_workbook(self.context, card, self.request)
        return xlsx_response(self.request, data, f"{self.context.Title()}-评分表.xlsx")
