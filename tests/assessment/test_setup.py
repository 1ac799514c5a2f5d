"""The assessment module installs: its profile, types, workflows, the
behaviors on EvaluationReport and Jurisdiction, the area with the three
shipped templates active, settings with the plan's defaults, the tab."""

import unittest
from decimal import Decimal

from plone import api

from changde.perfmgmt.setuphandlers import MODULE_PROFILES
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING


class TestSetup(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]

    def test_profile_installed(self):
        self.assertIn("changde.perfmgmt.assessment:default", MODULE_PROFILES)
        setup = api.portal.get_tool("portal_setup")
        self.assertEqual(
            setup.getLastVersionForProfile("changde.perfmgmt.assessment:default"),
            ("1000",),
        )

    def test_types_and_behaviors(self):
        types = api.portal.get_tool("portal_types")
        for name in ("AssessmentFolder", "ScorecardTemplate", "AssessmentCard"):
            self.assertIn(name, types)
        self.assertIn("changde.perfmgmt.scorecard", types["EvaluationReport"].behaviors)
        # evaluation's own behaviors are kept
        self.assertIn("plone.basic", types["EvaluationReport"].behaviors)
        self.assertIn("changde.perfmgmt.it_system", types["Jurisdiction"].behaviors)

    def test_the_area_and_the_shipped_templates(self):
        folder = self.portal["assessment"]
        self.assertEqual(folder.portal_type, "AssessmentFolder")
        templates = [
            o for o in folder.objectValues() if o.portal_type == "ScorecardTemplate"
        ]
        self.assertEqual(
            sorted(t.template_kind for t in templates), ["key", "self", "unit_overall"]
        )
        for template in templates:
            self.assertEqual(api.content.get_state(template), "active")
            self.assertTrue(template.criteria)

    def test_settings_defaults(self):
        prefix = "changde.perfmgmt.assessment"
        self.assertEqual(
            api.portal.get_registry_record(f"{prefix}.explanation_below_rate"),
            Decimal("90"),
        )
        self.assertEqual(
            api.portal.get_registry_record(f"{prefix}.subsidy_amounts"),
            ["2019: 150000", "2020: 100000", "2021: 50000"],
        )
        self.assertEqual(
            api.portal.get_registry_record(f"{prefix}.zone_share"), Decimal("50")
        )

    def test_the_tab(self):
        tabs = api.portal.get_tool("portal_actions")["portal_tabs"]
        self.assertIn("assessment", tabs.objectIds())
