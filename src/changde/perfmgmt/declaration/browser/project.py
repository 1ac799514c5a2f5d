"""The project page (项目): fields, indicators, and what the gates say now."""

from plone import api
from plone.dexterity.browser.view import DefaultView

from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.declaration import gates
from changde.perfmgmt.declaration.indicators import may_add_indicators


class ProjectView(DefaultView):
    def indicators(self):
        """The project's indicators from the catalog (no objects woken)."""
        return api.content.find(
            context=self.context,
            depth=1,
            portal_type="Indicator",
            sort_on="getObjPositionInParent",
        )

    def may_add_indicators(self):
        return may_add_indicators(self.context)

    def state(self):
        return api.content.get_state(self.context)

    def checks(self):
        """The messages that would refuse the next step, in the user's language."""
        state = self.state()
        if state in ("draft", "returned"):
            violations = gates.submission_violations(self.context)
        elif state in ("submitted", "reviewed"):
            violations = gates.approval_violations(self.context)
        else:
            return []
        return [translate_violation(v, self.request) for v in violations]

    def next_step_checked(self):
        return self.state() != "approved"
