"""Marker interfaces of changde.perfmgmt."""

from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IChangdePerfmgmtLayer(IDefaultBrowserLayer):
    """Browser layer: registered while the add-on is installed in a site."""
