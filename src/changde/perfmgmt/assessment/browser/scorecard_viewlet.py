"""The card on the report page: a table, each line with its facts (linked to
where they are held), how it was scored and its points."""

from plone.app.layout.viewlets import ViewletBase

from changde.perfmgmt.assessment.browser.base import may_score
from changde.perfmgmt.assessment.cardview import card_data
from changde.perfmgmt.assessment.scorecards import has_card


class ScorecardViewlet(ViewletBase):
    """The card on the report page (nothing when the report has none)."""

    def update(self):
        super().update()
        self.card = (
            card_data(self.context, self.request) if has_card(self.context) else None
        )

    def render(self):
        # not under the card's own form, which shows the same lines
        if self.card is None or getattr(self.view, "__name__", "") == "scorecard":
            return ""
        return self.index()

    def may_score(self):
        return may_score(self.context)

    def url(self):
        return self.context.absolute_url()
