"""The evaluation demo data: a published key evaluation with items, a
pre-evaluation, a self-evaluation and a listed negative-list entry; loading
twice creates nothing twice."""

import unittest

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import applyProfile
from plone.app.testing import setRoles

from changde.perfmgmt import demo
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING


class TestEvaluationDemo(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        applyProfile(self.portal, "changde.perfmgmt:demo")

    def test_demo(self):
        folder = self.portal["evaluation"]
        key = folder["demo-key-2026"]
        self.assertEqual(api.content.get_state(key), "published")
        self.assertEqual(key.grade, "good")
        states = sorted(api.content.get_state(item) for item in key.objectValues())
        self.assertEqual(states, ["accepted", "open"])
        self.assertEqual(folder["demo-pre-2026"].evaluation_kind, "pre")
        self.assertIn("demo-self-2026", folder)
        entry = self.portal["negative-list"]["demo-entry"]
        self.assertEqual(api.content.get_state(entry), "listed")

    def test_loading_twice_creates_nothing(self):
        counts = demo.load_demo(self.portal)
        self.assertNotIn("EvaluationReport", counts)
        self.assertNotIn("NegativeListEntry", counts)
