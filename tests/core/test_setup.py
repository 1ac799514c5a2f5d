"""The add-on installs and uninstalls cleanly."""

import unittest

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.browserlayer import utils as browserlayer_utils
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

from changde.perfmgmt.interfaces import IChangdePerfmgmtLayer
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING

PACKAGE = "changde.perfmgmt"


def installer(portal):
    return api.content.get_view("installer", portal, portal.REQUEST)


class TestInstall(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]

    def test_product_installed(self):
        self.assertTrue(installer(self.portal).is_product_installed(PACKAGE))

    def test_browserlayer_registered(self):
        self.assertIn(IChangdePerfmgmtLayer, browserlayer_utils.registered_layers())

    def test_core_settings_registered_with_defaults(self):
        registry = getUtility(IRegistry)
        self.assertEqual(registry["changde.perfmgmt.core.extra_holidays"], [])
        self.assertEqual(registry["changde.perfmgmt.core.extra_workdays"], [])

    def test_site_language_is_simplified_chinese(self):
        self.assertEqual(self.portal.Language(), "zh-cn")

    def test_module_profiles_hidden_from_addons_panel(self):
        from changde.perfmgmt.setuphandlers import HiddenProfiles

        hidden = HiddenProfiles().getNonInstallableProfiles()
        self.assertIn("changde.perfmgmt.core:default", hidden)
        self.assertIn("changde.perfmgmt:uninstall", hidden)


class TestUninstall(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        installer(self.portal).uninstall_product(PACKAGE)
        setRoles(self.portal, TEST_USER_ID, ["Member"])

    def test_product_uninstalled(self):
        self.assertFalse(installer(self.portal).is_product_installed(PACKAGE))

    def test_browserlayer_removed(self):
        self.assertNotIn(IChangdePerfmgmtLayer, browserlayer_utils.registered_layers())

    def test_no_registry_records_left(self):
        registry = getUtility(IRegistry)
        left = [key for key in registry.records.keys() if key.startswith(PACKAGE)]
        self.assertEqual(left, [])

    def test_configlets_removed(self):
        configlets = {
            action.id
            for action in api.portal.get_tool("portal_controlpanel").listActions()
        }
        # every module's settings panel goes with the add-on
        self.assertEqual(
            {name for name in configlets if name.startswith("perfmgmt-")}, set()
        )

    def test_module_profiles_forgotten(self):
        setup_tool = api.portal.get_tool("portal_setup")
        self.assertEqual(
            setup_tool.getLastVersionForProfile("changde.perfmgmt.core:default"),
            "unknown",
        )

    def test_reinstall_restores_settings(self):
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        installer(self.portal).install_product(PACKAGE)
        registry = getUtility(IRegistry)
        self.assertEqual(registry["changde.perfmgmt.core.extra_holidays"], [])


class TestNewModuleOnAnExistingSite(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def test_a_module_the_site_lacks_is_installed(self):
        from changde.perfmgmt.setuphandlers import install_missing_modules

        setRoles(self.layer["portal"], TEST_USER_ID, ["Manager"])
        setup_tool = api.portal.get_tool("portal_setup")
        self.assertEqual(install_missing_modules(setup_tool), [])
        setup_tool.unsetLastVersionForProfile("changde.perfmgmt.declaration:default")
        self.assertEqual(
            install_missing_modules(setup_tool),
            ["changde.perfmgmt.declaration:default"],
        )
        self.assertNotEqual(
            setup_tool.getLastVersionForProfile("changde.perfmgmt.declaration:default"),
            "unknown",
        )
