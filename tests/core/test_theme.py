"""Sites use Plone's Classic UI theme Barceloneta: a site created with the
add-on gets it, and an existing site gets it through the upgrade step."""

import unittest

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.app.theming.interfaces import IThemeSettings
from plone.registry.interfaces import IRegistry
from zope.component import getUtility
from zope.component.hooks import getSite
from zope.component.hooks import setSite

from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING

CORE_PROFILE = "changde.perfmgmt.core:default"


def theme_settings():
    return getUtility(IRegistry).forInterface(IThemeSettings, False)


class TestTheme(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.setup_tool = api.portal.get_tool("portal_setup")

    def test_the_test_site_uses_barceloneta(self):
        settings = theme_settings()
        self.assertTrue(settings.enabled)
        self.assertEqual(settings.currentTheme, "barceloneta")

    def test_a_site_created_with_the_add_on_alone_gets_barceloneta(self):
        # as `make start` created sites before: no theme profile asked for
        from Products.CMFPlone.factory import addPloneSite

        app = self.layer["app"]
        site = getSite()
        try:
            fresh = addPloneSite(
                app,
                "fresh",
                extension_ids=[
                    "plone.app.contenttypes:default",
                    "changde.perfmgmt:default",
                ],
                default_language="zh-cn",
            )
            setSite(fresh)
            settings = theme_settings()
            self.assertTrue(settings.enabled)
            self.assertEqual(settings.currentTheme, "barceloneta")
            self.assertNotEqual(
                fresh.portal_setup.getLastVersionForProfile(
                    "plonetheme.barceloneta:default"
                ),
                "unknown",
            )
        finally:
            setSite(site)

    def test_core_1001_to_1002_installs_barceloneta(self):
        # a site of version 1001: created without a theme, theming disabled
        settings = theme_settings()
        settings.enabled = False
        settings.currentTheme = None
        self.setup_tool.unsetLastVersionForProfile("plonetheme.barceloneta:default")
        self.setup_tool.setLastVersionForProfile(CORE_PROFILE, "1001")
        self.setup_tool.upgradeProfile(CORE_PROFILE, "1002")
        settings = theme_settings()
        self.assertTrue(settings.enabled)
        self.assertEqual(settings.currentTheme, "barceloneta")
        self.assertNotEqual(
            self.setup_tool.getLastVersionForProfile("plonetheme.barceloneta:default"),
            "unknown",
        )
