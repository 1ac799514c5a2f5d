"""The page ``@@return-to-unit`` (退回单位, R-P1): the status menu's "Return to
unit" opens it, the reviewer writes the reason, and the project goes back to
its unit with that reason in its history. The reason is the rule's
(:func:`changde.perfmgmt.declaration.rules.gates.return_reason_gate`): without one
nothing changes and the form says why, next to the field.
"""

from AccessControl import Unauthorized
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView

from changde.perfmgmt.declaration import gates
from changde.perfmgmt.declaration.messages import translate_violations
from changde.perfmgmt.declaration.rules.gates import return_reason_gate
from changde.perfmgmt.i18n import _


def may_return(project):
    workflow = api.portal.get_tool("portal_workflow")
    return gates.RETURN in [t["id"] for t in workflow.getTransitionsFor(project)]


class ReturnToUnitView(BrowserView):
    error = None

    def __call__(self):
        if not may_return(self.context):
            raise Unauthorized("This project cannot be returned by you now.")
        form = self.request.form
        if self.request.method == "POST" and form.get("form.submitted"):
            CheckAuthenticator(self.request)
            if self.return_to_unit(form.get("comment")):
                return self.request.response.redirect(self.next_url())
        elif self.request.method == "POST" and form.get("form.cancelled"):
            return self.request.response.redirect(self.context.absolute_url())
        return self.index()

    def return_to_unit(self, comment):
        comment = (comment or "").strip()
        violations = return_reason_gate(comment)
        if not violations:
            try:
                api.portal.get_tool("portal_workflow").doActionFor(
                    self.context, gates.RETURN, comment=comment
                )
            except gates.GateRefusal as refusal:
                violations = refusal.violations
        if violations:
            self.error = " ".join(translate_violations(violations, self.request))
            return False
        api.portal.show_message(
            _("return_to_unit_done", default="The project was returned to its unit."),
            request=self.request,
        )
        return True

    def next_url(self):
        """The project, or the site when the reviewer no longer sees it (a
        returned project is the unit's again)."""
        if api.user.has_permission("View", obj=self.context):
            return self.context.absolute_url()
        return api.portal.get().absolute_url()

    def comment(self):
        return self.request.form.get("comment") or ""
