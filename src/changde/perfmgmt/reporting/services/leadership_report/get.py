"""GET @leadership-report on a monitoring round: the round's rates, flags
and problems as reported to the leadership group (the office only)."""

from plone.restapi.services import Service

from changde.perfmgmt.reporting.documents.outputs import leadership_report_data


class LeadershipReportGet(Service):
    def reply(self):
        answer = leadership_report_data(self.context)
        base = self.context.absolute_url()
        answer["downloads"] = {
            "docx": f"{base}/@@leadership-report.docx",
            "pdf": f"{base}/@@leadership-report.pdf",
        }
        return answer
