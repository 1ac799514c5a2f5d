"""content_status_modify for projects: show a refused transition's reason."""

from plone.app.content.browser.content_status_modify import ContentStatusModifyView
from Products.CMFCore.WorkflowCore import WorkflowException
from Products.statusmessages.interfaces import IStatusMessage

from changde.perfmgmt.declaration.gates import RETURN


class ProjectStatusModifyView(ContentStatusModifyView):
    def __call__(self, workflow_action=None, comment="", *args, **kwargs):
        if workflow_action == RETURN and not (comment or "").strip():
            # an old link without the reason: ask for it instead of refusing
            url = f"{self.context.absolute_url()}/@@return-to-unit"
            return self.request.response.redirect(url)
        try:
            return super().__call__(workflow_action, comment, *args, **kwargs)
        except WorkflowException as refused:
            # the gate doomed the transaction: nothing is written; say why
            IStatusMessage(self.request).add(str(refused), type="error")
            return self.request.response.redirect(self.context.absolute_url())
