"""Upgrade steps: a site installed with an earlier version of a profile gets
what the later version adds, and a fresh site has nothing left to upgrade."""

import unittest

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

from changde.perfmgmt.setuphandlers import MODULE_PROFILES
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING
from changde.perfmgmt.testing import create_city
from changde.perfmgmt.testing import create_project

PACKAGE_PROFILE = "changde.perfmgmt:default"


class TestUpgrades(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.setup_tool = api.portal.get_tool("portal_setup")
        self.catalog = api.portal.get_tool("portal_catalog")

    def configlets(self):
        return {a.id for a in api.portal.get_tool("portal_controlpanel").listActions()}

    def test_a_fresh_site_has_nothing_to_upgrade(self):
        for profile_id in (PACKAGE_PROFILE, *MODULE_PROFILES):
            self.assertEqual(self.setup_tool.listUpgrades(profile_id), [], profile_id)

    def test_declaration_1000_to_1001(self):
        library = api.content.create(
            container=self.portal, type="IndicatorLibrary", id="library", title="指标库"
        )
        api.content.create(
            container=library,
            type="IndicatorTemplate",
            title="学校改造数量",
            level1="产出指标",
            level2="数量指标",
            comparator="ge",
            sector="教育",
        )
        city = create_city(self.portal)
        create_project(city["unit_a"], id="p", indicators=2)
        # a site of version 1000: no picker indexes, no control panel, no
        # target values in the catalog, "Return to unit" without a reason
        self.catalog.delIndex("sector")
        self.catalog.delColumn("target_value")
        api.portal.get_tool("portal_controlpanel").unregisterConfiglet(
            "perfmgmt-declaration"
        )
        workflow = api.portal.get_tool("portal_workflow")
        transition = workflow["perfmgmt_declaration_workflow"].transitions["return"]
        transition.actbox_url = (
            "%(content_url)s/content_status_modify?workflow_action=return"
        )
        profile = "changde.perfmgmt.declaration:default"
        self.setup_tool.setLastVersionForProfile(profile, "1000")
        self.setup_tool.upgradeProfile(profile, "1002")
        self.assertEqual(self.setup_tool.getLastVersionForProfile(profile), ("1002",))
        self.assertEqual(len(self.catalog(sector="教育")), 1)
        self.assertIn("perfmgmt-declaration", self.configlets())
        (brain, _) = self.catalog(portal_type="Indicator", sort_on="getId")
        self.assertEqual(brain.target_value, "20")
        transition = workflow["perfmgmt_declaration_workflow"].transitions["return"]
        self.assertEqual(transition.actbox_url, "%(content_url)s/@@return-to-unit")

    def test_core_1000_to_1001(self):
        create_city(self.portal)
        api.portal.get_tool("portal_controlpanel").unregisterConfiglet(
            "perfmgmt-calendar"
        )
        profile = "changde.perfmgmt.core:default"
        self.setup_tool.setLastVersionForProfile(profile, "1000")
        self.setup_tool.upgradeProfile(profile)
        self.assertIn("perfmgmt-calendar", self.configlets())
        with api.env.adopt_user(username="unit-a-staff"):
            found = [b.getId for b in api.content.find(portal_type="Jurisdiction")]
        self.assertEqual(found, [])

    def test_package_1000_to_1001_installs_the_new_modules(self):
        for module in ("monitoring", "libraries", "evaluation"):
            self.setup_tool.unsetLastVersionForProfile(
                f"changde.perfmgmt.{module}:default"
            )
        self.setup_tool.setLastVersionForProfile(PACKAGE_PROFILE, "1000")
        self.setup_tool.upgradeProfile(PACKAGE_PROFILE)
        for module in ("monitoring", "libraries", "evaluation"):
            self.assertNotEqual(
                self.setup_tool.getLastVersionForProfile(
                    f"changde.perfmgmt.{module}:default"
                ),
                "unknown",
            )
