"""GET @rectification on the evaluation folder (``year``, ``jurisdiction``,
``budget_unit``): rates of accepted items per report, unit, jurisdiction and
year against the target, and the overdue items — of the items the user may
see (a unit sees its own)."""

from plone.restapi.services import Service

from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.evaluation.rectification import rectification_summary


class RectificationGet(Service):
    def reply(self):
        form = self.request.form
        summary = rectification_summary(
            year=year_or_none(form.get("year")),
            jurisdiction=form.get("jurisdiction"),
            budget_unit=form.get("budget_unit"),
        )
        return {"@id": f"{self.context.absolute_url()}/@rectification", **summary}
