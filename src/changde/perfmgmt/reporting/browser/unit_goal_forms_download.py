"""All of a unit's 绩效目标申报表 in one Word or PDF file, one form a page."""

from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.reporting.browser.base import Download
from changde.perfmgmt.reporting.documents import outputs


class UnitGoalFormsDownload(Download):
    """The unit's goal forms in one file (``?year=2026``: that year's)."""

    kind = "goal_form"

    def year(self):
        return year_or_none(self.request.form.get("year"))

    def filename(self):
        year = self.year()
        return f"绩效目标申报表-{self.context.Title()}" + (f"-{year}" if year else "")

    def make(self, file_format):
        projects = outputs.unit_projects(self.context, self.year())
        if not projects:
            return None
        return outputs.goal_forms_file(projects, file_format)
