"""GET @rectification on the evaluation folder (``year``, ``jurisdiction``,
``budget_unit``): rates of accepted items per report, unit, jurisdiction and
year against the target, and the overdue items — of the items the user may
see (a unit sees its own)."""

from plone.restapi.services import Service

from changde.perfmgmt.core.rest import query_value
from changde.perfmgmt.core.rest import query_year
from changde.perfmgmt.evaluation.rectification import rectification_summary


class RectificationGet(Service):
    def reply(self):
        summary = rectification_summary(
            year=query_year(self.request),
            jurisdiction=query_value(self.request, "jurisdiction"),
            budget_unit=query_value(self.request, "budget_unit"),
        )
        return {"@id": f"{self.context.absolute_url()}/@rectification", **summary}
