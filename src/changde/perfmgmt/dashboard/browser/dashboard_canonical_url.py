"""The dashboard's canonical address (a viewlet of the page's head)."""

from plone.app.layout.viewlets.common import ViewletBase


class DashboardCanonicalURL(ViewletBase):
    """The dashboard's canonical address, ``<site>/dashboard``: Plone's
    navigation marks the tab whose address is the canonical one, and the
    site root's (Plone's default here) would mark 首页 instead of 驾驶舱."""

    def render(self):
        url = f"{self.context.absolute_url()}/dashboard"
        return f'    <link rel="canonical" href="{url}" />'
