"""Upgrade steps of the core profile (``changde.perfmgmt.core:default``)."""

from plone import api

PROFILE = "profile-changde.perfmgmt.core:default"


def to_1001(context):
    """Settings control panel (工作日历) and its permission; search results
    of jurisdictions and units follow View (the tenant folders' own
    ``allowedRolesAndUsers`` indexer)."""
    context.runImportStepFromProfile(PROFILE, "controlpanel")
    context.runImportStepFromProfile(PROFILE, "rolemap")
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(
        portal_type=["Jurisdiction", "BudgetUnit"]
    ):
        brain._unrestrictedGetObject().reindexObject(idxs=["allowedRolesAndUsers"])


THEME_PROFILES = ("plone.app.layout:default", "plonetheme.barceloneta:default")


def to_1002(context):
    """Plone's Classic UI theme Barceloneta: sites created without it render
    unstyled. Install the theme's profiles (plone.app.theming with them) and
    make Barceloneta the enabled theme."""
    from plone.app.theming.interfaces import IThemeSettings
    from plone.app.theming.utils import applyTheme
    from plone.app.theming.utils import getTheme
    from plone.registry.interfaces import IRegistry
    from zope.component import getUtility

    for profile_id in THEME_PROFILES:
        if context.getLastVersionForProfile(profile_id) == "unknown":
            context.runAllImportStepsFromProfile(f"profile-{profile_id}")
    settings = getUtility(IRegistry).forInterface(IThemeSettings, False)
    if settings.currentTheme != "barceloneta" or not settings.enabled:
        applyTheme(getTheme("barceloneta"))
        settings.enabled = True


def to_1003(context):
    """The bureau's face: the stylesheet bundle, the money unit setting
    (页面显示 panel), the footer with the bureau's name and contact, the
    home page as the site root's default view, and the bureau's title, logo
    and favicon."""
    from changde.perfmgmt.core.setuphandlers import apply_identity

    for step in ("plone.app.registry", "controlpanel", "portlets", "typeinfo"):
        context.runImportStepFromProfile(PROFILE, step)
    apply_identity(api.portal.get())
