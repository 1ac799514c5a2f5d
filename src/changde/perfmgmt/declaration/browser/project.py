"""The project page (项目): fields, indicators, and what the gates say now."""

from plone import api
from plone.dexterity.browser.view import DefaultView

from changde.perfmgmt.declaration import gates
from changde.perfmgmt.declaration.indicators import may_add_indicators
from changde.perfmgmt.declaration.library import ADD_TEMPLATE
from changde.perfmgmt.declaration.library import APPROVED
from changde.perfmgmt.declaration.messages import translate_violations


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

    def may_copy_to_library(self):
        """The office copies an approved project's indicators to the library."""
        return self.state() == APPROVED and api.user.has_permission(
            ADD_TEMPLATE, obj=self.context
        )

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
        return translate_violations(violations, self.request)

    def next_step_checked(self):
        return self.state() != "approved"

    def special_fund_cap(self):
        """For a municipal special fund: the approved special funds of its
        year against the cap, and the count once this one is approved
        (None otherwise)."""
        if not gates.is_capped(self.context) or not self.context.year:
            return None
        approved, cap = gates.municipal_special_fund_usage(self.context.year)
        already = self.state() == APPROVED
        return {
            "year": self.context.year,
            "approved": approved,
            "cap": cap,
            "after": approved if already else approved + 1,
            "already": already,
            "exceeds": not already and approved + 1 > cap,
        }
