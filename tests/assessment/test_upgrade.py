"""A site of the package profile 1002 (before the assessment module) gets the
module from the package's upgrade step 1002 → 1003; evaluation's and core's
upgrades re-importing their types keep the module's behaviors on them."""

import unittest

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING

PACKAGE = "changde.perfmgmt:default"
MODULE = "changde.perfmgmt.assessment:default"


class TestUpgrade(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def test_the_package_upgrade_installs_the_module(self):
        portal = self.layer["portal"]
        setRoles(portal, TEST_USER_ID, ["Manager"])
        setup = api.portal.get_tool("portal_setup")
        api.content.delete(portal["assessment"])
        setup.unsetLastVersionForProfile(MODULE)
        setup.setLastVersionForProfile(PACKAGE, "1002")
        setup.upgradeProfile(PACKAGE)
        self.assertEqual(setup.getLastVersionForProfile(MODULE), ("1000",))
        # on to the newest: workbench and dashboard (1004), reporting (1005)
        self.assertEqual(setup.getLastVersionForProfile(PACKAGE), ("1005",))
        folder = portal["assessment"]
        self.assertEqual(
            sorted(t.template_kind for t in folder.objectValues()),
            ["key", "self", "unit_overall"],
        )

    def test_the_behaviors_survive_other_modules_type_imports(self):
        setup = api.portal.get_tool("portal_setup")
        types = api.portal.get_tool("portal_types")
        for profile in ("changde.perfmgmt.evaluation", "changde.perfmgmt.core"):
            setup.runImportStepFromProfile(f"profile-{profile}:default", "typeinfo")
        self.assertIn("changde.perfmgmt.scorecard", types["EvaluationReport"].behaviors)
        self.assertIn("changde.perfmgmt.it_system", types["Jurisdiction"].behaviors)
        # not installed: left alone
        setup.unsetLastVersionForProfile(MODULE)
        setup.runImportStepFromProfile(
            "profile-changde.perfmgmt.evaluation:default", "typeinfo"
        )
        self.assertNotIn(
            "changde.perfmgmt.scorecard", types["EvaluationReport"].behaviors
        )
