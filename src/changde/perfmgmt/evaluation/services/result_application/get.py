"""GET @result-application?year=2026 (filters ``action``, ``project``): the
stored run of the year; GET @result-application-export?year=2026: as .xlsx."""

from plone.restapi.services import Service

from changde.perfmgmt.core.excel import xlsx_response
from changde.perfmgmt.core.rest import error
from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.evaluation import excel
from changde.perfmgmt.evaluation.application import filter_run
from changde.perfmgmt.evaluation.application import stored_run
from changde.perfmgmt.i18n import _


def _not_run(request, year):
    return error(
        request,
        404,
        "NotFound",
        _(
            "error_result_application_not_run",
            default="该年度尚未运行结果应用。",
        ),
    )


class ResultApplicationGet(Service):
    def reply(self):
        form = self.request.form
        year = year_or_none(form.get("year"))
        run = stored_run(self.context, year) if year else None
        if run is None:
            return _not_run(self.request, year)
        answer = filter_run(run, action=form.get("action"), project=form.get("project"))
        answer["@id"] = f"{self.context.absolute_url()}/@result-application?year={year}"
        return answer


class ResultApplicationExport(Service):
    def render(self):
        self.check_permission()
        year = year_or_none(self.request.form.get("year"))
        run = stored_run(self.context, year) if year else None
        if run is None:
            self.request.response.setHeader("Content-Type", "application/json")
            import json

            return json.dumps(_not_run(self.request, year))
        data = excel.export_run(run)
        return xlsx_response(self.request, data, f"result-application-{year}.xlsx")
