"""POST @workflow/<transition> on a budget project: plone.restapi's own
service, whose refusal by the gates of the plan also answers the rules that
refused it, one entry each (code, field, message, params):

    {"error": {"type": "WorkflowException", "message": "<the messages>",
               "errors": [{"code": "gate_indicators_missing", ...}]}}

Everything else (the transition, the answer on success, other refusals) is
plone.restapi's.
"""

from plone.restapi.services.workflow.transition import WorkflowTransition

from changde.perfmgmt.declaration.gates import GateRefusal
from changde.perfmgmt.declaration.messages import violations_json


class ProjectWorkflowTransition(WorkflowTransition):
    refusal = None

    def recurse_transition(self, objs, comment, publication_dates, *args):
        try:
            return super().recurse_transition(objs, comment, publication_dates, *args)
        except GateRefusal as refusal:
            self.refusal = refusal
            raise

    def reply(self):
        answer = super().reply()
        error = answer.get("error") if isinstance(answer, dict) else None
        if self.refusal is not None and isinstance(error, dict):
            error["errors"] = violations_json(self.refusal.violations, self.request)
        return answer
