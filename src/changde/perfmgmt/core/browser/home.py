"""The home page (``@@home``), the site root's default view: a frame whose
content comes from the modules' viewlets (``changde.perfmgmt.home``); while
none renders anything, it welcomes the reader and lists the areas they may
use (the top tabs they see)."""

from plone import api
from Products.Five import BrowserView
from zope.component import queryMultiAdapter
from zope.contentprovider.interfaces import IContentProvider
from zope.i18n import translate

MANAGER = "changde.perfmgmt.home"


class HomeView(BrowserView):
    def __call__(self):
        self.viewlets = self.render_viewlets()
        return self.index()

    def render_viewlets(self):
        manager = queryMultiAdapter(
            (self.context, self.request, self), IContentProvider, name=MANAGER
        )
        if manager is None:
            return ""
        manager.update()
        return manager.render().strip()

    def site_title(self):
        return api.portal.get_registry_record("plone.site_title", default="") or (
            self.context.Title()
        )

    def anonymous(self):
        return api.user.is_anonymous()

    def areas(self):
        """The top tabs this reader sees, but the home tab: [{title, url}]."""
        tabs = queryMultiAdapter((self.context, self.request), name="portal_tabs_view")
        if tabs is None:
            return []
        return [
            {
                "id": tab["id"].removeprefix("perfmgmt-"),
                "title": translate(tab["name"], domain="plone", context=self.request),
                "url": tab["url"],
            }
            for tab in tabs.topLevelTabs()
            if tab["id"] != "index_html"
        ]
