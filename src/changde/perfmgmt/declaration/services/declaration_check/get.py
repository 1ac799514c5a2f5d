"""GET @declaration-check on a budget project: the violations that would refuse
its submission and its approval now, field by field, in the user's language.
An empty list means the gate is passed."""

from plone.restapi.services import Service

from changde.perfmgmt.declaration import gates
from changde.perfmgmt.declaration.messages import violations_json


class DeclarationCheckGet(Service):
    def reply(self):
        project = self.context
        return {
            "@id": f"{project.absolute_url()}/@declaration-check",
            "submission": violations_json(
                gates.submission_violations(project), self.request
            ),
            "approval": violations_json(
                gates.approval_violations(project), self.request
            ),
        }
