"""A result-application run as Excel."""

from Products.Five.browser import BrowserView
from zExceptions import BadRequest

from changde.perfmgmt.core.excel import xlsx_response
from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.evaluation import excel
from changde.perfmgmt.evaluation.application import stored_run


class ResultApplicationExport(BrowserView):
    """The stored run of ``year`` as .xlsx (same as
    @result-application-export)."""

    def __call__(self):
        year = year_or_none(self.request.form.get("year"))
        run = stored_run(self.context, year) if year else None
        if run is None:
            raise BadRequest("No result application run for this year.")
        data = excel.export_run(run)
        return xlsx_response(self.request, data, f"result-application-{year}.xlsx")
