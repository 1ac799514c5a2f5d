"""GET @library-export on a library: the members as an .xlsx file (office
only: it holds the contact and the ratings' count and average)."""

from plone.restapi.services import Service

from changde.perfmgmt.libraries import excel


class LibraryExportGet(Service):
    def render(self):
        self.check_permission()
        data = excel.export_library(self.context)
        response = self.request.response
        response.setHeader("Content-Type", excel.XLSX_MIME_TYPE)
        response.setHeader(
            "Content-Disposition",
            f'attachment; filename="{self.context.getId()}.xlsx"',
        )
        response.setHeader("Content-Length", str(len(data)))
        return data
