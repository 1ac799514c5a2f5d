"""A monitoring round's report to the leadership group as Word or PDF."""

from changde.perfmgmt.reporting.browser.base import Download
from changde.perfmgmt.reporting.documents import outputs


class LeadershipReportDownload(Download):
    kind = "leadership_report"

    def filename(self):
        return f"运行监控情况报告-{self.context.Title()}"

    def make(self, file_format):
        return outputs.render(
            "leadership_report",
            outputs.leadership_report_data(self.context),
            file_format,
        )
