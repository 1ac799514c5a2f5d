"""POST @assessment ``{"year": 2026}``: create the year's missing cards for
every municipal unit and every district, pre-filled from what the system
holds; answer the ones created and the ranking."""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides

from changde.perfmgmt.assessment import yearly
from changde.perfmgmt.assessment.services.assessment.get import ranking_data
from changde.perfmgmt.core.rest import bad_request
from changde.perfmgmt.core.rest import field_error
from changde.perfmgmt.core.rest import invalid_body
from changde.perfmgmt.core.rest import read_json_object
from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.i18n import _


class AssessmentPost(Service):
    def reply(self):
        # a JSON API call authenticated per request: no CSRF token to check
        alsoProvides(self.request, IDisableCSRFProtection)
        body = read_json_object(self.request)
        if body is None:
            return invalid_body(self.request)
        year = year_or_none(body.get("year"))
        if year is None:
            message = _(
                "api_assessment_year_required",
                default="year must be a year from 2000 to 2100.",
            )
            return bad_request(
                self.request, message, [field_error(self.request, "year", message)]
            )
        created = yearly.create_cards(year, self.request)
        self.request.response.setStatus(201 if created else 200)
        return {
            "@id": f"{self.context.absolute_url()}/@assessment?year={year}",
            "year": year,
            "created": [card.absolute_url() for card in created],
            **ranking_data(year, self.request),
        }
