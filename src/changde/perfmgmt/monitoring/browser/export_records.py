"""The round's records as Excel."""

from Products.Five.browser import BrowserView

from changde.perfmgmt.core.excel import xlsx_response
from changde.perfmgmt.monitoring import excel
from changde.perfmgmt.monitoring.summary import FILTERS
from changde.perfmgmt.monitoring.summary import round_summary


class ExportRecords(BrowserView):
    """The round's records (as the user may see them, filtered) as xlsx."""

    def __call__(self):
        form = self.request.form
        filters = {name: form.get(name) for name in FILTERS if form.get(name)}
        items = round_summary(self.context, sort_on="jurisdiction", **filters)["items"]
        data = excel.export_workbook(
            items, self.context.Title(), focus=self.context.focus
        )
        return xlsx_response(
            self.request, data, f"monitoring-{self.context.getId()}.xlsx"
        )
