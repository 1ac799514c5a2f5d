"""A library as Excel."""

from Products.Five.browser import BrowserView

from changde.perfmgmt.core.excel import xlsx_response
from changde.perfmgmt.libraries import excel


class ExportView(BrowserView):
    def __call__(self):
        data = excel.export_library(self.context)
        return xlsx_response(self.request, data, f"{self.context.getId()}.xlsx")
