"""GET @elimination?year=2026 on an expert or agency library: the year's
proposals of bottom-ranked elimination (末位淘汰) from the ratings given that
year (default: this year), the ranking, the members with too few ratings,
and the confirmed runs. Nothing is written."""

from plone.restapi.services import Service

from changde.perfmgmt.core.rest import query_value
from changde.perfmgmt.libraries.members import elimination_as_json
from changde.perfmgmt.libraries.services import bad_year
from changde.perfmgmt.libraries.services import year_of


class EliminationGet(Service):
    def reply(self):
        year = year_of(query_value(self.request, "year"))
        if year is False:
            return bad_year(self.request)
        return elimination_as_json(self.context, year=year)
