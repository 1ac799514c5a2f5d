"""What the top tabs ask before they show: may this user use an area?

Each module's tab (its profile's ``actions.xml``, category ``portal_tabs``)
asks in its condition, for example::

    python:portal.restrictedTraverse('@@perfmgmt-area').usable('monitoring')

Actions check their permission on the site root, not on the page they lead
to; these answers look at the area itself.
"""

from AccessControl import getSecurityManager
from plone import api
from Products.Five import BrowserView
from zope.component import queryMultiAdapter


class AreaView(BrowserView):
    """Answers for the tabs' conditions and URLs (on the site root)."""

    def usable(self, path, permission="View", finds=None, signed_in=False):
        """True when the current user may use the area at ``path`` (relative
        to the site root; a last segment ``@@name`` is a view that must
        exist): ``permission`` on the object, at least one item of portal
        type ``finds`` visible to the user, and signed in if asked."""
        if signed_in and api.user.is_anonymous():
            return False
        portal = api.portal.get()
        segments = [s for s in path.split("/") if s]
        view_name = None
        if segments and segments[-1].startswith("@@"):
            view_name = segments.pop()[2:]
        obj = portal
        if segments:
            obj = portal.unrestrictedTraverse("/".join(segments), None)
        if obj is None:
            return False
        if view_name and queryMultiAdapter((obj, self.request), name=view_name) is None:
            return False
        if not getSecurityManager().checkPermission(permission, obj):
            return False
        return not finds or self.first(finds) is not None

    def first(self, portal_type):
        """The first item (by title) of ``portal_type`` the user may see."""
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog.searchResults(
            portal_type=portal_type, sort_on="sortable_title", sort_limit=1
        )[:1]
        return brains[0] if brains else None

    def url_of_first(self, portal_type):
        """The address of :meth:`first`, or the site's."""
        brain = self.first(portal_type)
        return brain.getURL() if brain else api.portal.get().absolute_url()
