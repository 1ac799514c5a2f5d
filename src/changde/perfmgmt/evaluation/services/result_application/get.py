"""GET @result-application?year=2026 (filters ``action``, ``project``): the
stored run of the year; GET @result-application-export?year=2026: as .xlsx."""

from plone.restapi.services import Service

from changde.perfmgmt.core.excel import xlsx_response
from changde.perfmgmt.core.rest import NothingFound
from changde.perfmgmt.core.rest import query_value
from changde.perfmgmt.core.rest import query_year
from changde.perfmgmt.evaluation import excel
from changde.perfmgmt.evaluation.application import filter_run
from changde.perfmgmt.evaluation.application import stored_run
from changde.perfmgmt.i18n import _


def not_run():
    return NothingFound(
        _(
            "error_result_application_not_run",
            default="该年度尚未运行结果应用。",
        )
    )


class ResultApplicationGet(Service):
    def reply(self):
        year = query_year(self.request)
        run = stored_run(self.context, year) if year else None
        if run is None:
            raise not_run()
        answer = filter_run(
            run,
            action=query_value(self.request, "action"),
            project=query_value(self.request, "project"),
        )
        answer["@id"] = f"{self.context.absolute_url()}/@result-application?year={year}"
        return answer


class ResultApplicationExport(Service):
    def render(self):
        self.check_permission()
        year = query_year(self.request)
        run = stored_run(self.context, year) if year else None
        if run is None:
            raise not_run()
        data = excel.export_run(run)
        return xlsx_response(self.request, data, f"result-application-{year}.xlsx")
