"""The annual report as Word or PDF (the office's)."""

from changde.perfmgmt.reporting.browser.base import Download
from changde.perfmgmt.reporting.documents import outputs


class AnnualReportDownload(Download):
    kind = "annual_report"

    def filename(self):
        return self.context.Title()

    def make(self, file_format):
        return outputs.annual_report_file(self.context, file_format)
