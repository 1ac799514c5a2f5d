"""GET @workbench on the site root: the current user's workbench for
``year`` (default: this year in China), the numbers of the page: the
office's, a reviewer's queue, and a section for each unit and jurisdiction
whose staff the user is. Anonymous is refused (401); a year that is not one
answers 400."""

from plone import api
from plone.restapi.services import Service
from zExceptions import Unauthorized

from changde.perfmgmt.core.jsonable import jsonable
from changde.perfmgmt.core.rest import bad_request
from changde.perfmgmt.core.rest import field_error
from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.i18n import _
from changde.perfmgmt.workbench.figures import workbench_figures


class WorkbenchGet(Service):
    def reply(self):
        if api.user.is_anonymous():
            raise Unauthorized("The workbench is for signed-in users.")
        value = self.request.form.get("year")
        year = None
        if value not in (None, ""):
            year = year_or_none(value)
            if year is None:
                return bad_request(
                    self.request,
                    _(
                        "error_workbench_refused",
                        default="The workbench cannot answer this query.",
                    ),
                    [
                        field_error(
                            self.request,
                            "year",
                            _("error_year_required", default="请填写年度(2000–2100)。"),
                        )
                    ],
                )
        figures = workbench_figures(self.request, year=year)
        return {
            "@id": f"{self.context.absolute_url()}/@workbench?year={figures['year']}",
            **jsonable(figures),
        }
