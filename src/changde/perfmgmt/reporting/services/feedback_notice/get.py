"""GET @feedback-notice on a fed-back key evaluation: the notice to the
unit with its rectification items and deadlines (404 for other reports)."""

from plone.restapi.services import Service

from changde.perfmgmt.reporting.documents.outputs import feedback_notice_data
from changde.perfmgmt.reporting.documents.outputs import notice_available
from changde.perfmgmt.reporting.services.common import not_applicable


class FeedbackNoticeGet(Service):
    def reply(self):
        if not notice_available(self.context):
            return not_applicable(self.request)
        answer = feedback_notice_data(self.context)
        base = self.context.absolute_url()
        answer["downloads"] = {
            "docx": f"{base}/@@feedback-notice.docx",
            "pdf": f"{base}/@@feedback-notice.pdf",
        }
        return answer
