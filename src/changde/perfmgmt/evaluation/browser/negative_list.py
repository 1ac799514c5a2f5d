"""The negative list (R-M13): entries by year and state."""

from plone import api
from Products.Five.browser import BrowserView

from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.core.workflows import state_titles
from changde.perfmgmt.evaluation.browser.base import ENTRY_WORKFLOW
from changde.perfmgmt.evaluation.browser.base import Labels
from changde.perfmgmt.evaluation.browser.base import _meta


class NegativeListView(BrowserView, Labels):
    """负面清单: the entries the user may see (catalog), with filters by year
    and state; anonymous visitors are refused."""

    def __call__(self):
        self.refuse_anonymous()
        return self.index()

    def filters(self):
        form = self.request.form
        query = {}
        if year_or_none(form.get("year")):
            query["year"] = year_or_none(form.get("year"))
        if form.get("review_state") in state_titles(ENTRY_WORKFLOW):
            query["review_state"] = form["review_state"]
        return query

    def entries(self):
        rows = []
        for brain in api.content.find(
            context=self.context,
            portal_type="NegativeListEntry",
            sort_on="year",
            sort_order="descending",
            **self.filters(),
        ):
            rows.append(
                {
                    "url": brain.getURL(),
                    "target": _meta(brain.target_title) or brain.Title,
                    "target_kind": self.target_kind_label(_meta(brain.target_kind)),
                    "target_code": _meta(brain.target_code),
                    "unit": _meta(brain.unit_title) or _meta(brain.jurisdiction_title),
                    "reason": self.reason_label(_meta(brain.negative_reason)),
                    "reason_detail": _meta(brain.reason_detail),
                    "year": brain.year,
                    "review_state": brain.review_state,
                    "state": self.entry_state_label(brain.review_state),
                }
            )
        return rows

    def state_options(self):
        return [
            (state, self.entry_state_label(state))
            for state in state_titles(ENTRY_WORKFLOW)
        ]

    def selected(self, name, value):
        return str(self.request.form.get(name, "")) == str(value)
