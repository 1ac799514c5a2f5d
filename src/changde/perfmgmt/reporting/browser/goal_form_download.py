"""A project's 绩效目标申报表 as Word or PDF."""

from changde.perfmgmt.reporting.browser.base import Download
from changde.perfmgmt.reporting.documents import outputs


class GoalFormDownload(Download):
    kind = "goal_form"

    def filename(self):
        return f"绩效目标申报表-{self.context.Title()}"

    def make(self, file_format):
        return outputs.goal_forms_file([self.context], file_format)
