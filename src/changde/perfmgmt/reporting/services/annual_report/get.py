"""GET @annual-report on an annual report: its text as edited (HTML and
plain), its figures as drafted with their sources, its version."""

from plone.restapi.services import Service

from changde.perfmgmt.reporting.documents.outputs import annual_report_data


class AnnualReportGet(Service):
    def reply(self):
        answer = annual_report_data(self.context)
        base = self.context.absolute_url()
        answer["downloads"] = {
            "docx": f"{base}/@@annual-report.docx",
            "pdf": f"{base}/@@annual-report.pdf",
        }
        return answer
