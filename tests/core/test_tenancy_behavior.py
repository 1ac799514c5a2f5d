"""Tenancy is one behavior: every tenant-owned type that lives outside its
unit takes its jurisdiction and unit from it, and none declares them again
(integration)."""

import unittest

from plone import api
from plone.dexterity.schema import SCHEMA_CACHE
from tests.evaluation.base import create_report
from tests.evaluation.base import set_up_city
from zope.schema import getFieldNames

from changde.perfmgmt.core.behaviors.tenancy import TENANCY_FIELDS
from changde.perfmgmt.core.behaviors.tenancy import ITenancy
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING

#: the types that copy their project's or unit's tenancy
TENANT_OWNED = (
    "MonitoringRecord",
    "EvaluationReport",
    "RectificationItem",
    "NegativeListEntry",
)


class TestTenancyBehavior(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]

    def test_every_tenant_owned_type_has_the_behavior(self):
        types = api.portal.get_tool("portal_types")
        for portal_type in TENANT_OWNED:
            with self.subTest(portal_type=portal_type):
                self.assertIn("changde.perfmgmt.tenancy", types[portal_type].behaviors)
                schema = SCHEMA_CACHE.get(portal_type)
                self.assertEqual(
                    set(getFieldNames(schema)) & set(TENANCY_FIELDS), set()
                )

    def test_the_copied_values_are_the_behaviors(self):
        _city, projects, _members = set_up_city(self.portal)
        report = create_report(projects["b1"], id="key-b1")
        self.assertTrue(ITenancy.providedBy(report))
        tenancy = ITenancy(report)
        self.assertEqual(tenancy.jurisdiction, report.jurisdiction)
        self.assertEqual(report.budget_unit, projects["b1"].__parent__.getId())
        self.assertEqual(report.unit_title, projects["b1"].__parent__.Title())
