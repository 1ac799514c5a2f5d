"""The evaluation demo data: a published key evaluation with items, a
pre-evaluation, a self-evaluation, a listed negative-list entry and the
listed project's next-year declaration, refused with the reason; loading
twice creates nothing twice."""

import unittest

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import applyProfile
from plone.app.testing import setRoles
from Products.CMFCore.WorkflowCore import WorkflowException

from changde.perfmgmt.core import demo
from changde.perfmgmt.core.relations import target_of
from changde.perfmgmt.declaration import gates
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

    def next_year(self):
        entry = self.portal["negative-list"]["demo-entry"]
        listed = target_of(entry.target)
        unit = listed.__parent__
        return listed, unit[f"{listed.getId()}-2027"]

    def test_the_listed_projects_next_year_is_refused_with_the_reason(self):
        listed, project = self.next_year()
        self.assertEqual(project.year, 2027)
        self.assertEqual(project.project_code, listed.project_code)
        self.assertEqual(api.content.get_state(project), "draft")
        violations = gates.submission_violations(project)
        self.assertEqual(
            [violation.code for violation in violations],
            ["gate_negative_list_project"],
        )
        # the project page shows the gates' verdict with the reason
        view = api.content.get_view("view", project, self.layer["request"])
        (message,) = view.checks()
        self.assertIn("负面清单", message)
        self.assertIn("监控发现严重问题", message)
        self.assertIn("资金被挤占挪用", message)
        with self.assertRaises(WorkflowException) as raised:
            api.portal.get_tool("portal_workflow").doActionFor(project, "submit")
        self.assertIn("监控发现严重问题", str(raised.exception))

    def test_loading_twice_creates_nothing(self):
        counts = demo.load_demo(self.portal)
        self.assertNotIn("EvaluationReport", counts)
        self.assertNotIn("NegativeListEntry", counts)
        self.assertNotIn("BudgetProject", counts)
