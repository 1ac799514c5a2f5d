"""What the core profile's XML cannot say: the global groups, the bureau's
title, logo and favicon (Plone's site settings keep them as data)."""

from pathlib import Path

from plone import api

from changde.perfmgmt.core.roles import GLOBAL_GROUPS

SITE_TITLE = "常德市预算绩效管理"
#: titles a site gets when nobody chose one: replaced by SITE_TITLE
DEFAULT_TITLES = ("", "Plone site", "Site", "Plone")
STATIC = Path(__file__).parent / "browser" / "static"
LOGO_FILENAME = "changde-perfmgmt-logo.svg"
FAVICON_FILENAME = "changde-perfmgmt-favicon.svg"


def post_install(context):
    """Create the office's and the reviewers' groups with their global roles."""
    for group_id, (title, roles) in GLOBAL_GROUPS.items():
        if api.group.get(groupname=group_id) is None:
            api.group.create(groupname=group_id, title=title, roles=list(roles))
    apply_identity(api.portal.get())


def apply_identity(portal):
    """The bureau's title, logo and favicon in Plone's site settings
    (网站设置 → 站点), where the office may change them: never over a logo,
    favicon or title someone chose."""
    from plone.base.interfaces import ISiteSchema
    from plone.formwidget.namedfile.converter import b64encode_file
    from plone.registry.interfaces import IRegistry
    from zope.component import getUtility

    settings = getUtility(IRegistry).forInterface(ISiteSchema, prefix="plone")
    if (settings.site_title or "") in DEFAULT_TITLES:
        settings.site_title = SITE_TITLE
        portal.title = SITE_TITLE
    if not settings.site_logo:
        settings.site_logo = b64encode_file(
            LOGO_FILENAME, (STATIC / "logo.svg").read_bytes()
        )
    if not settings.site_favicon:
        settings.site_favicon = b64encode_file(
            FAVICON_FILENAME, (STATIC / "favicon.svg").read_bytes()
        )
        settings.site_favicon_mimetype = "image/svg+xml"
