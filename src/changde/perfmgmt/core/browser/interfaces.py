"""Interfaces other modules use to put things on the site's pages."""

from zope.viewlet.interfaces import IViewletManager


class IHomeViewlets(IViewletManager):
    """The home page (``@@home``, the site root's default view): modules add
    viewlets here (the workbench for signed-in users, the public portal for
    visitors). Each viewlet decides whether it renders for this user."""
