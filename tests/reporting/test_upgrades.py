"""The upgrade steps the reporting module brought: the package profile
installs the module on an existing site (1004 → 1005), and the declaration
profile indexes indicators by ``quantifiable`` (1006 → 1007)."""

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

    def test_declaration_1006_to_1007(self):
        city = create_city(self.portal)
        project = create_project(city["unit_a"], id="p", indicators=4, quantifiable=3)
        api.portal.get_tool("portal_workflow").doActionFor(project, "submit")
        catalog = api.portal.get_tool("portal_catalog")
        catalog.delIndex("quantifiable")
        self.setup_tool.setLastVersionForProfile(
            "changde.perfmgmt.declaration:default", "1006"
        )
        self.setup_tool.upgradeProfile("changde.perfmgmt.declaration:default")
        self.assertIn("quantifiable", catalog.indexes())
        # the project's indicators are in the new index
        path = {"query": "/".join(project.getPhysicalPath()), "depth": 1}
        self.assertEqual(
            (
                len(
                    catalog.unrestrictedSearchResults(
                        portal_type="Indicator", path=path
                    )
                ),
                len(
                    catalog.unrestrictedSearchResults(
                        portal_type="Indicator", path=path, quantifiable=True
                    )
                ),
            ),
            (4, 3),
        )

    def test_the_module_is_installed_on_an_older_site(self):
        from changde.perfmgmt.setuphandlers import install_missing_modules

        self.portal.manage_delObjects(["reporting"])
        self.setup_tool.unsetLastVersionForProfile("changde.perfmgmt.reporting:default")
        install_missing_modules(self.setup_tool)
        plan = self.portal["reporting"]["work-plan-2019"]
        self.assertEqual(len(plan.measures()), 14)
        templates = [
            obj
            for obj in self.portal["reporting"].objectValues()
            if obj.portal_type == "DocumentTemplate"
        ]
        self.assertEqual(len(templates), 4)
