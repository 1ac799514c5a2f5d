"""GET @measures on a work plan: every measure with its leader, offices
(the first is the lead office), status, progress notes and module page."""

from plone.restapi.services import Service

from changde.perfmgmt.reporting.plans import measure_row
from changde.perfmgmt.reporting.rules.measures import status_counts


class MeasuresGet(Service):
    def reply(self):
        measures = self.context.measures()
        return {
            "@id": f"{self.context.absolute_url()}/@measures",
            "year": self.context.year,
            "title": self.context.Title(),
            "status_counts": status_counts(m.status for m in measures),
            "items": [measure_row(m, self.request) for m in measures],
            "items_total": len(measures),
        }
