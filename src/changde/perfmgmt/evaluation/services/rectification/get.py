"""GET @rectification on the evaluation folder (``year``, ``jurisdiction``,
``budget_unit``): rates of accepted items per report, unit, jurisdiction and
year against the target, and the overdue items — of the items the user may
see (a unit sees its own)."""

from plone.restapi.services import Service

from changde.perfmgmt.evaluation.rectification import rectification_summary
from changde.perfmgmt.evaluation.services.result_application.post import read_year


class RectificationGet(Service):
    def reply(self):
        form = self.request.form
        summary = rectification_summary(
            year=read_year(form.get("year")),
            jurisdiction=form.get("jurisdiction"),
            budget_unit=form.get("budget_unit"),
        )
        return {"@id": f"{self.context.absolute_url()}/@rectification", **summary}
