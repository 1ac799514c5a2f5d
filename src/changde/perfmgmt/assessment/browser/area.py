"""The assessment area (绩效考核): the scorecard templates by year (the
office), links to the year's assessment ranking and the subsidy table."""

from plone import api
from Products.Five.browser import BrowserView
from zope.i18n import translate

from changde.perfmgmt.assessment.browser.base import MANAGE
from changde.perfmgmt.assessment.browser.base import requested_year
from changde.perfmgmt.assessment.browser.base import state_title
from changde.perfmgmt.evaluation.vocabularies import KIND_TITLES as EVALUATION_KINDS


class AreaView(BrowserView):
    def year(self):
        return requested_year(self.request)

    def may_manage(self):
        return api.user.has_permission(MANAGE, obj=self.context)

    def templates(self):
        brains = api.content.find(
            context=self.context,
            portal_type="ScorecardTemplate",
            sort_on="sortable_title",
        )
        rows = [
            {
                "url": brain.getURL(),
                "title": brain.Title,
                "year": brain.year,
                "kind": translate(
                    EVALUATION_KINDS.get(brain.template_kind, ""), context=self.request
                ),
                "state": state_title(
                    brain.review_state, "ScorecardTemplate", self.request
                ),
            }
            for brain in brains
        ]
        return sorted(rows, key=lambda row: (-(row["year"] or 0), row["title"]))

    def card_years(self):
        catalog = api.portal.get_tool("portal_catalog")
        years = {
            brain.year for brain in catalog(portal_type="AssessmentCard") if brain.year
        }
        return sorted(years, reverse=True)
