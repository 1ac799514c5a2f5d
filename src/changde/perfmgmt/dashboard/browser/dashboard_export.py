"""``@@dashboard-export``: the dashboard's tables as an Excel workbook."""

from Products.Five.browser import BrowserView
from zope.i18n import translate

from changde.perfmgmt.core.excel import workbook_bytes
from changde.perfmgmt.core.excel import xlsx_response
from changde.perfmgmt.dashboard.browser.base import read_scope
from changde.perfmgmt.dashboard.excel import dashboard_workbook
from changde.perfmgmt.dashboard.figures import SECTIONS
from changde.perfmgmt.dashboard.figures import dashboard_figures
from changde.perfmgmt.i18n import _


class DashboardExport(BrowserView):
    """The dashboard's tables as an Excel workbook: every section, or the one
    named by ``section``."""

    def __call__(self):
        scope, errors = read_scope(self.request)
        section = self.request.form.get("section") or None
        if section is not None and section not in SECTIONS:
            section = None
        figures = dashboard_figures(scope, self.request)
        workbook = dashboard_workbook(figures, self.request, section)
        name = translate(
            _("dashboard_export_filename", default="dashboard"), context=self.request
        )
        suffix = f"-{section}" if section else ""
        jurisdiction = f"-{scope.jurisdiction_id}" if scope.jurisdiction_id else ""
        return xlsx_response(
            self.request,
            workbook_bytes(workbook),
            f"{name}-{scope.year}{jurisdiction}{suffix}.xlsx",
        )
