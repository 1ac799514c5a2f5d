"""Existing sites get the workbench and the dashboard: the package profile's
upgrade step 1003→1004 installs the two modules (their settings, panels, tab,
bundles and metadata, filled for what exists), and declaration's 1005→1006
puts the projects' indicator counts into the catalog."""

import unittest

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING
from changde.perfmgmt.testing import create_city
from changde.perfmgmt.testing import create_project


class TestUpgrades(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.setup_tool = api.portal.get_tool("portal_setup")
        self.catalog = api.portal.get_tool("portal_catalog")
        city = create_city(self.portal)
        self.project = create_project(
            city["unit_a"], id="p", indicators=3, quantifiable=1
        )
        api.portal.get_tool("portal_workflow").doActionFor(self.project, "submit")

    def brain(self):
        (brain,) = self.catalog(portal_type="BudgetProject", getId="p")
        return brain

    def test_declaration_1005_to_1006(self):
        for column in ("indicator_count", "quantified_indicator_count"):
            self.catalog.delColumn(column)
        profile = "changde.perfmgmt.declaration:default"
        self.setup_tool.setLastVersionForProfile(profile, "1005")
        self.setup_tool.upgradeProfile(profile, "1006")
        self.assertEqual(self.setup_tool.getLastVersionForProfile(profile), ("1006",))
        self.assertEqual(
            (self.brain().indicator_count, self.brain().quantified_indicator_count),
            (3, 1),
        )

    def test_package_1003_to_1004_installs_the_modules(self):
        panels = api.portal.get_tool("portal_controlpanel")
        for configlet in ("perfmgmt-dashboard", "perfmgmt-workbench"):
            panels.unregisterConfiglet(configlet)
        registry = api.portal.get_tool("portal_registry")
        for key in [
            k
            for k in registry.records.keys()
            if k.startswith(
                ("changde.perfmgmt.dashboard.", "changde.perfmgmt.workbench.")
            )
            or k.startswith("plone.bundles/changde-perfmgmt-")
        ]:
            del registry.records[key]
        tabs = api.portal.get_tool("portal_actions").portal_tabs
        tabs.manage_delObjects(["perfmgmt-dashboard"])
        for column in ("state_since", "state_comment"):
            self.catalog.delColumn(column)
        for module in ("workbench", "dashboard"):
            self.setup_tool.unsetLastVersionForProfile(
                f"changde.perfmgmt.{module}:default"
            )
        self.setup_tool.setLastVersionForProfile("changde.perfmgmt:default", "1003")

        self.setup_tool.upgradeProfile("changde.perfmgmt:default")

        for module in ("workbench", "dashboard"):
            self.assertEqual(
                self.setup_tool.getLastVersionForProfile(
                    f"changde.perfmgmt.{module}:default"
                ),
                ("1000",),
            )
        configlets = {action.id for action in panels.listActions()}
        self.assertTrue({"perfmgmt-dashboard", "perfmgmt-workbench"} <= configlets)
        self.assertEqual(registry["changde.perfmgmt.dashboard.special_fund_margin"], 5)
        self.assertIn("perfmgmt-dashboard", tabs.objectIds())
        self.assertFalse(registry["plone.bundles/changde-perfmgmt-echarts.enabled"])
        # the metadata of what exists was filled
        self.assertIsNotNone(self.brain().state_since)
