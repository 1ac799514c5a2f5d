"""GET @annual-report-data?year=2026&audience=city_government on the site:
the draft the system would write now (not saved): sections and figures,
each figure with the query behind it. The office only."""

from plone.restapi.services import Service

from changde.perfmgmt.reporting.annual import draft
from changde.perfmgmt.reporting.annual import figures_json
from changde.perfmgmt.reporting.services.common import year_and_audience


def _plain(value):
    from decimal import Decimal

    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


class AnnualReportDataGet(Service):
    def reply(self):
        year, audience, refusal = year_and_audience(self.request, self.request.form)
        if refusal:
            return refusal
        drafted = draft(year, audience)
        facts = dict(drafted["facts"])
        facts.pop("reviews", None)
        return {
            "@id": f"{self.context.absolute_url()}/@annual-report-data?year={year}"
            f"&audience={audience}",
            "year": year,
            "audience": audience,
            "title": drafted["title"],
            "addressee": drafted["addressee"],
            "has_data": drafted["has_data"],
            "sections": [section.as_dict() for section in drafted["sections"]],
            "figures": figures_json(drafted["figures"]),
            "facts": _plain(facts),
        }
