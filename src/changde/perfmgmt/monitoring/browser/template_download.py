"""The round's Excel template for the units' data."""

from plone import api
from Products.Five.browser import BrowserView

from changde.perfmgmt.core.excel import xlsx_response
from changde.perfmgmt.monitoring import excel
from changde.perfmgmt.monitoring.rounds import approved_projects


class TemplateDownload(BrowserView):
    """The upload template, filled with the year's approved projects the user
    may see and their indicators."""

    def __call__(self):
        catalog = api.portal.get_tool("portal_catalog")
        projects = []
        for brain in approved_projects(self.context.year):
            indicators = catalog.searchResults(
                portal_type="Indicator",
                path={"query": brain.getPath(), "depth": 1},
                sort_on="getObjPositionInParent",
            )
            projects.append(
                {
                    "code": brain.project_code,
                    "uid": brain.UID,
                    "title": brain.Title,
                    "amount": brain.amount,
                    "indicators": [
                        {
                            "title": indicator.Title,
                            "target_value": indicator.target_value,
                        }
                        for indicator in indicators
                    ],
                }
            )
        data = excel.template_workbook(projects, focus=self.context.focus)
        return xlsx_response(
            self.request, data, f"monitoring-template-{self.context.getId()}.xlsx"
        )
