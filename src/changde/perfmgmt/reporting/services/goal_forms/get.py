"""GET @goal-forms?year=2026 on a unit: the forms of its projects the
caller may see (a unit's staff: their own)."""

from plone.restapi.services import Service

from changde.perfmgmt.core.rest import bad_request
from changde.perfmgmt.core.rest import field_error
from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.i18n import _
from changde.perfmgmt.reporting.documents.outputs import goal_form_data
from changde.perfmgmt.reporting.documents.outputs import unit_projects


class GoalFormsGet(Service):
    def reply(self):
        value = self.request.form.get("year")
        year = year_or_none(value) if value else None
        if value and year is None:
            message = _("goal_forms_year", default="year 应为年度,例如 2026。")
            return bad_request(
                self.request, message, [field_error(self.request, "year", message)]
            )
        forms = [
            goal_form_data(project) for project in unit_projects(self.context, year)
        ]
        base = self.context.absolute_url()
        query = f"?year={year}" if year else ""
        return {
            "@id": f"{base}/@goal-forms{query}",
            "year": year,
            "items": forms,
            "items_total": len(forms),
            "downloads": {
                "docx": f"{base}/@@goal-forms.docx{query}",
                "pdf": f"{base}/@@goal-forms.pdf{query}",
            },
        }
