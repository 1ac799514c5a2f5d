"""The public portal: the column's page and the home page's viewlet
(``changde.perfmgmt.public-portal``), one template macro for both."""

from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from plone.memoize.view import memoize
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile

from changde.perfmgmt.publicity import public_feedback
from changde.perfmgmt.publicity.browser.base import Labels
from changde.perfmgmt.publicity.browser.base import PublicityView
from changde.perfmgmt.publicity.column import section
from changde.perfmgmt.publicity.portal import portal_data


class PortalMixin(Labels):
    #: the portal's sections, rendered by the column's page and the viewlet
    block = ViewPageTemplateFile("templates/portal_block.pt")

    @memoize
    def portal(self):
        return portal_data()

    def sections(self):
        data = self.portal()
        return data["sections"] if data else []

    def portal_url(self):
        return api.portal.get().absolute_url()

    def drafts(self):
        """The office's to-do: drafts waiting in the column (the policies'
        placeholders first)."""
        if not self.can_manage():
            return []
        found = section("policies")
        column = found.aq_parent if found is not None else None
        if column is None:
            return []
        return [
            {"@id": brain.getURL(), "title": brain.Title, "type": brain.portal_type}
            for brain in api.content.find(
                context=column,
                review_state="draft",
                portal_type=["PolicyDocument", "PublicityItem", "TrainingEvent"],
                sort_on="created",
            )
        ]

    def unanswered_feedback(self):
        if not self.can_manage():
            return None
        return len(public_feedback.feedback_rows(answered=False))


class ColumnView(PublicityView, PortalMixin):
    """绩效管理专栏: the public portal."""


class PublicPortalViewlet(ViewletBase, PortalMixin):
    """The public portal on the home page: for anonymous visitors the page's
    content; for signed-in users it follows their workbench."""

    index = ViewPageTemplateFile("templates/portal_viewlet.pt")

    def available(self):
        return self.portal() is not None

    def render(self):
        if not self.available():
            return ""
        return self.index()
