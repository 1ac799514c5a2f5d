"""GET @declaration-check on a budget project: the violations that would refuse
its submission and its approval now, field by field, in the user's language.
An empty list means the gate is passed."""

from plone.restapi.services import Service

from changde.perfmgmt.core.messages import violations_as_json
from changde.perfmgmt.declaration import gates


class DeclarationCheckGet(Service):
    def reply(self):
        project = self.context
        return {
            "@id": f"{project.absolute_url()}/@declaration-check",
            "submission": violations_as_json(
                gates.submission_violations(project), self.request
            ),
            "approval": violations_as_json(
                gates.approval_violations(project), self.request
            ),
        }
