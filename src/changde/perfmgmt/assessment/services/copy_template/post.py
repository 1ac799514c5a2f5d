"""POST @copy-template ``{"year": 2027}`` on a template: a draft copy for
that year, whose criteria the office may then change (201, its URL)."""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides

from changde.perfmgmt.assessment.templates import copy_template
from changde.perfmgmt.core.rest import bad_request
from changde.perfmgmt.core.rest import field_error
from changde.perfmgmt.core.rest import invalid_body
from changde.perfmgmt.core.rest import read_json_object
from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.i18n import _


class CopyTemplatePost(Service):
    def reply(self):
        # a JSON API call authenticated per request: no CSRF token to check
        alsoProvides(self.request, IDisableCSRFProtection)
        body = read_json_object(self.request)
        if body is None:
            return invalid_body(self.request)
        year = year_or_none(body.get("year"))
        if year is None:
            message = _(
                "api_copy_template_year",
                default="year must be a year from 2000 to 2100.",
            )
            return bad_request(
                self.request, message, [field_error(self.request, "year", message)]
            )
        copy = copy_template(self.context, year)
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", copy.absolute_url())
        return {
            "@id": copy.absolute_url(),
            "UID": copy.UID(),
            "title": copy.Title(),
            "year": copy.year,
            "review_state": "draft",
        }
