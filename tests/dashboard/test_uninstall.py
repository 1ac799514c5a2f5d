"""Uninstalling the add-on takes the dashboard's tab and bundles with it."""

import unittest

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.base.utils import get_installer

from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING


class TestUninstall(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def test_tab_and_bundles_removed(self):
        portal = self.layer["portal"]
        setRoles(portal, TEST_USER_ID, ["Manager"])
        get_installer(portal).uninstall_product("changde.perfmgmt")
        tabs = api.portal.get_tool("portal_actions").portal_tabs
        self.assertNotIn("perfmgmt-dashboard", tabs.objectIds())
        registry = api.portal.get_tool("portal_registry")
        self.assertEqual(
            [k for k in registry.records.keys() if "changde-perfmgmt" in k], []
        )
