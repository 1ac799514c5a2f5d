"""GET @library-export on a library: the members as an .xlsx file (office
only: it holds the contact and the ratings' count and average)."""

from plone.restapi.services import Service

from changde.perfmgmt.core.excel import xlsx_response
from changde.perfmgmt.libraries import excel


class LibraryExportGet(Service):
    def render(self):
        self.check_permission()
        data = excel.export_library(self.context)
        return xlsx_response(self.request, data, f"{self.context.getId()}.xlsx")
