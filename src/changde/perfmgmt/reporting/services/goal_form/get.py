"""GET @goal-form on a project: its performance-goal form as data (the
budget system takes it as JSON; the page offers Word and PDF)."""

from plone.restapi.services import Service

from changde.perfmgmt.reporting.documents.outputs import goal_form_data


class GoalFormGet(Service):
    def reply(self):
        answer = goal_form_data(self.context)
        base = self.context.absolute_url()
        answer["downloads"] = {
            "docx": f"{base}/@@goal-form.docx",
            "pdf": f"{base}/@@goal-form.pdf",
        }
        return answer
