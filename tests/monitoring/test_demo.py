"""The monitoring demo data: the year's rounds and first-round records for the
approved demo projects, with flags; loading twice creates nothing twice."""

import unittest

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import applyProfile
from plone.app.testing import setRoles

from changde.perfmgmt.core import demo
from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING


def find(**query):
    catalog = api.portal.get_tool("portal_catalog")
    return catalog.unrestrictedSearchResults(**query)


class TestMonitoringDemo(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        applyProfile(self.portal, "changde.perfmgmt:demo")

    def test_rounds_and_records(self):
        folder = self.portal["monitoring"]
        self.assertIn("2026-1", folder)
        self.assertIn(f"{today_in_china().year}-2", folder)
        records = find(portal_type="MonitoringRecord")
        approved = find(portal_type="BudgetProject", year=2026, review_state="approved")
        self.assertEqual(len(records), len(approved))
        self.assertTrue(len(records) >= 3)
        self.assertTrue(
            find(portal_type="MonitoringRecord", monitoring_flags="below_target")
        )
        self.assertEqual(
            len(find(portal_type="MonitoringRecord", monitoring_flags="suspension")), 1
        )
        self.assertTrue(find(portal_type="MonitoringRecord", review_state="confirmed"))

    def test_idempotent(self):
        before = len(find(portal_type="MonitoringRecord"))
        counts = demo.load_demo(self.portal)
        self.assertNotIn("MonitoringRecord", counts)
        self.assertNotIn("MonitoringRound", counts)
        self.assertEqual(len(find(portal_type="MonitoringRecord")), before)
