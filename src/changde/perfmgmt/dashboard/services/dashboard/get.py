"""GET @dashboard on the site root: the dashboard's numbers for ``year``
(default: this year in China) and, optionally, one ``jurisdiction`` (its id),
counted as the user may see them: the same numbers as the page
``@@dashboard`` and its Excel export. A year that is not one, or a
jurisdiction the user may not view, answers 400 naming the parameter."""

from plone.restapi.services import Service

from changde.perfmgmt.core.jsonable import jsonable
from changde.perfmgmt.core.rest import bad_request
from changde.perfmgmt.core.rest import field_error
from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.dashboard.figures import dashboard_figures
from changde.perfmgmt.dashboard.figures import scope_for
from changde.perfmgmt.i18n import _


class DashboardGet(Service):
    def reply(self):
        form = self.request.form
        errors = []
        year = today_in_china().year
        if form.get("year") not in (None, ""):
            year = year_or_none(form.get("year"))
            if year is None:
                errors.append(
                    field_error(
                        self.request,
                        "year",
                        _("error_year_required", default="请填写年度(2000–2100)。"),
                    )
                )
        scope = None
        if not errors:
            try:
                scope = scope_for(year, form.get("jurisdiction") or None)
            except ValueError:
                errors.append(
                    field_error(
                        self.request,
                        "jurisdiction",
                        _(
                            "error_dashboard_jurisdiction",
                            default="No jurisdiction of this id that you may see.",
                        ),
                    )
                )
        if errors:
            return bad_request(
                self.request,
                _(
                    "error_dashboard_refused",
                    default="The dashboard cannot answer this query.",
                ),
                errors,
            )
        query = f"year={year}"
        if scope.jurisdiction_id:
            query += f"&jurisdiction={scope.jurisdiction_id}"
        return {
            "@id": f"{self.context.absolute_url()}/@dashboard?{query}",
            **jsonable(dashboard_figures(scope, self.request)),
        }
