"""content_status_modify for projects: run the transition, say in plain
words what happened (or, when a gate refuses, why not), and back to the
project.

Plone's own view also stamps the item's publication date on its first
transition, so that search results call a submitted project "published"
(已发布): a project is never published, so none is stamped here.
"""

from AccessControl import Unauthorized
from plone import api
from plone.protect import CheckAuthenticator
from Products.CMFCore.WorkflowCore import WorkflowException
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage

from changde.perfmgmt.declaration.gates import RETURN
from changde.perfmgmt.i18n import _

DONE = {
    "submit": _(
        "project_submitted",
        default="The project was submitted. The reviewers now check its goal "
        "and indicators; until they return it, the unit cannot change it.",
    ),
    "review": _(
        "project_reviewed",
        default="The goal review is passed; the project waits for approval.",
    ),
    "approve": _("project_approved", default="The project is approved."),
}


class ProjectStatusModifyView(BrowserView):
    def __call__(self, workflow_action=None, comment="", *args, **kwargs):
        project_url = self.context.absolute_url()
        workflow_action = workflow_action or self.request.form.get("workflow_action")
        comment = comment or self.request.form.get("comment") or ""
        if workflow_action == RETURN and not comment.strip():
            # an old link without the reason: ask for it instead of refusing
            return self.request.response.redirect(f"{project_url}/@@return-to-unit")
        CheckAuthenticator(self.request)
        messages = IStatusMessage(self.request)
        workflow = api.portal.get_tool("portal_workflow")
        allowed = [t["id"] for t in workflow.getTransitionsFor(self.context)]
        if workflow_action not in allowed:
            if api.user.is_anonymous():
                raise Unauthorized("Log in to change the project's state.")
            messages.add(
                _(
                    "project_transition_not_allowed",
                    default="This step is not open to you in the project's "
                    "present state.",
                ),
                type="error",
            )
            return self.request.response.redirect(project_url)
        try:
            workflow.doActionFor(self.context, workflow_action, comment=comment)
        except WorkflowException as refused:
            # the gate doomed the transaction: nothing is written; say why
            messages.add(str(refused), type="error")
            return self.request.response.redirect(project_url)
        messages.add(
            DONE.get(
                workflow_action,
                _("project_state_changed", default="The project's state changed."),
            ),
            type="info",
        )
        if api.user.has_permission("View", obj=self.context):
            return self.request.response.redirect(project_url)
        return self.request.response.redirect(api.portal.get().absolute_url())
