"""The workbench (工作台) on the home page: the viewlet
``changde.perfmgmt.workbench`` of the home page's manager (CONTRACTS.md), the
first for signed-in users."""

from plone import api
from plone.app.layout.viewlets.common import ViewletBase

from changde.perfmgmt.workbench.browser.base import WorkbenchBody


class WorkbenchViewlet(WorkbenchBody, ViewletBase):
    """The workbench on the home page, for signed-in users that have one."""

    show_heading = True

    def update(self):
        super().update()
        self.figures = None
        if api.user.is_anonymous():
            return
        self.update_figures()

    def render(self):
        if not self.figures or self.figures["empty"]:
            return ""
        return self.body()
