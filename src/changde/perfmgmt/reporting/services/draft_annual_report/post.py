"""POST @draft-annual-report {"year": 2026, "audience": "city_government"}
on the reporting area: the system drafts the report (201, its data)."""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides

from changde.perfmgmt.core.rest import invalid_body
from changde.perfmgmt.core.rest import read_json_object
from changde.perfmgmt.reporting.annual import create_report
from changde.perfmgmt.reporting.documents.outputs import annual_report_data
from changde.perfmgmt.reporting.services.common import year_and_audience


class DraftAnnualReportPost(Service):
    def reply(self):
        # a JSON API call, authenticated per request (plone.restapi's way)
        alsoProvides(self.request, IDisableCSRFProtection)
        data = read_json_object(self.request)
        if data is None:
            return invalid_body(self.request)
        year, audience, refusal = year_and_audience(self.request, data)
        if refusal:
            return refusal
        report, drafted = create_report(self.context, year, audience)
        self.request.response.setStatus(201)
        self.request.response.setHeader("Location", report.absolute_url())
        answer = annual_report_data(report)
        answer["has_data"] = drafted["has_data"]
        return answer
