"""A fed-back key evaluation's 评价结果反馈通知书 as Word or PDF."""

from changde.perfmgmt.reporting.browser.base import Download
from changde.perfmgmt.reporting.documents import outputs


class FeedbackNoticeDownload(Download):
    kind = "feedback_notice"

    def filename(self):
        return (
            f"评价结果反馈通知书-{self.context.project_title or self.context.Title()}"
        )

    def make(self, file_format):
        if not outputs.notice_available(self.context):
            return None
        return outputs.render(
            "feedback_notice", outputs.feedback_notice_data(self.context), file_format
        )
