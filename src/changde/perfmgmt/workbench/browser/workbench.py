"""The workbench (工作台) as the page ``@@workbench`` (also where the year
selector of the home page's workbench leads); the home page shows the same
body through ``workbench_viewlet.py``."""

from Products.Five.browser import BrowserView

from changde.perfmgmt.workbench.browser.base import WorkbenchBody


class WorkbenchView(WorkbenchBody, BrowserView):
    def __call__(self):
        self.update_figures()
        return self.index()
