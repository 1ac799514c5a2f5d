"""The declaration workflow and the gates of the plan (integration)."""

import unittest
from decimal import Decimal

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.namedfile.file import NamedBlobFile
from Products.CMFCore.WorkflowCore import WorkflowException
from zope.component import getGlobalSiteManager

from changde.perfmgmt.declaration.gates import GateRefusal
from changde.perfmgmt.declaration.interfaces import INegativeListSource
from changde.perfmgmt.declaration.rules.gates import NegativeListHit
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING
from changde.perfmgmt.testing import create_city
from changde.perfmgmt.testing import create_project


def state(obj):
    return api.content.get_state(obj)


class GateTestCase(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.request = self.layer["request"]
        # messages come in the site language, Simplified Chinese
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.city = create_city(self.portal)
        self.unit = self.city["unit_a"]

    def assertRefused(self, project, transition, *fragments, comment=""):
        before = state(project)
        # what the UI (content_status_modify) and REST (@workflow) call
        workflow = api.portal.get_tool("portal_workflow")
        with self.assertRaises(WorkflowException) as raised:
            workflow.doActionFor(project, transition, comment=comment)
        self.assertEqual(state(project), before)
        for fragment in fragments:
            self.assertIn(fragment, str(raised.exception))
        return str(raised.exception)

    def approve(self, project):
        for transition in ("submit", "review", "approve"):
            api.content.transition(obj=project, transition=transition)


class TestSubmissionGates(GateTestCase):
    def test_happy_path_draft_submitted_reviewed_approved(self):
        project = create_project(self.unit, indicators=3)
        self.assertEqual(state(project), "draft")
        self.approve(project)
        self.assertEqual(state(project), "approved")

    def test_no_indicators_refused(self):
        project = create_project(self.unit, indicators=0)
        self.assertRefused(project, "submit", "绩效指标")

    def test_no_performance_goal_refused(self):
        project = create_project(self.unit, indicators=3, performance_goal=None)
        self.assertRefused(project, "submit", "绩效目标")

    def test_special_fund_with_9_quantifiable_indicators_refused(self):
        project = create_project(
            self.unit, indicators=12, quantifiable=9, is_special_fund=True
        )
        message = self.assertRefused(project, "submit", "10", "9")
        self.assertIn("可量化指标", message)

    def test_special_fund_with_10_and_11_quantifiable_indicators_submitted(self):
        for count in (10, 11):
            project = create_project(
                self.unit, id=f"p{count}", indicators=count, is_special_fund=True
            )
            api.content.transition(obj=project, transition="submit")
            self.assertEqual(state(project), "submitted")

    def test_special_fund_counts_quantifiable_indicators_with_targets(self):
        # 10 quantifiable, one without a target: 9 count, refused naming it
        project = create_project(
            self.unit, id="nine", indicators=10, is_special_fund=True
        )
        project["indicator-4"].target_value = None
        project["indicator-4"].reindexObject()
        message = self.assertRefused(project, "submit", "10", "9", "指标 4")
        self.assertIn("目标值", message)
        # refusal carries the rule's answer for REST
        workflow = api.portal.get_tool("portal_workflow")
        with self.assertRaises(GateRefusal) as raised:
            workflow.doActionFor(project, "submit")
        (violation,) = raised.exception.violations
        self.assertEqual(
            violation.code, "gate_special_fund_quantifiable_without_target"
        )
        self.assertEqual(violation.params["missing"], "指标 4")
        # 11 quantifiable with one lacking a target: 10 count
        project = create_project(
            self.unit, id="ten", indicators=11, is_special_fund=True
        )
        project["indicator-11"].target_value = "  "
        project["indicator-11"].reindexObject()
        api.content.transition(obj=project, transition="submit")
        self.assertEqual(state(project), "submitted")

    def test_new_major_without_passed_pre_evaluation_refused(self):
        # the message names the result by its label, not its id
        for result, label in (("none", "“未评估”"), ("failed", "“未通过”")):
            project = create_project(
                self.unit,
                id=f"major-{result}",
                indicators=2,
                is_new_major=True,
                pre_evaluation_result=result,
            )
            self.assertRefused(project, "submit", "事前评估", label)
        project = create_project(
            self.unit,
            id="major-passed",
            indicators=2,
            is_new_major=True,
            pre_evaluation_result="passed",
        )
        api.content.transition(obj=project, transition="submit")
        self.assertEqual(state(project), "submitted")

    def test_management_measure_needed_from_5_million(self):
        below = create_project(
            self.unit,
            id="below",
            indicators=10,
            is_special_fund=True,
            amount=Decimal("4999999.99"),
        )
        api.content.transition(obj=below, transition="submit")
        at = create_project(
            self.unit,
            id="at",
            indicators=10,
            is_special_fund=True,
            amount=Decimal("5000000"),
        )
        self.assertRefused(at, "submit", "专项资金管理办法")
        at.management_measure_reference = "常财预〔2026〕12号"
        api.content.transition(obj=at, transition="submit")
        self.assertEqual(state(at), "submitted")

    def test_management_measure_file_counts(self):
        project = create_project(
            self.unit, indicators=10, is_special_fund=True, amount=Decimal("8000000")
        )
        project.management_measure = NamedBlobFile(b"%PDF-1.4", filename="measure.pdf")
        api.content.transition(obj=project, transition="submit")
        self.assertEqual(state(project), "submitted")

    def test_return_needs_a_reason(self):
        project = create_project(self.unit, indicators=2)
        api.content.transition(obj=project, transition="submit")
        self.assertRefused(project, "return", "原因")
        api.content.transition(obj=project, transition="return", comment="目标不清晰")
        self.assertEqual(state(project), "returned")
        history = api.content.get_view("history", project, self.request)
        self.assertTrue(history)
        api.content.transition(obj=project, transition="submit")
        self.assertEqual(state(project), "submitted")

    def test_thresholds_are_registry_settings(self):
        api.portal.set_registry_record(
            "changde.perfmgmt.declaration.min_quantifiable_indicators", 3
        )
        project = create_project(self.unit, indicators=3, is_special_fund=True)
        api.content.transition(obj=project, transition="submit")
        self.assertEqual(state(project), "submitted")


class TestApprovalGates(GateTestCase):
    """Approval checks the submission gates again: what changed after the
    review refuses it (the cap is tested below)."""

    def reviewed(self, **fields):
        project = create_project(self.unit, indicators=10, **fields)
        for transition in ("submit", "review"):
            api.content.transition(obj=project, transition=transition)
        return project

    def test_management_measure_removed_after_review(self):
        project = self.reviewed(
            is_special_fund=True,
            amount=Decimal("6000000"),
            management_measure_reference="常财预〔2026〕12号",
        )
        project.management_measure_reference = None
        message = self.assertRefused(project, "approve", "专项资金管理办法")
        self.assertIn("6,000,000", message)
        self.assertIn("5,000,000", message)

    def test_negative_list_entry_added_after_review(self):
        registry = getGlobalSiteManager()
        original = registry.queryUtility(INegativeListSource)
        source = FakeNegativeList([])
        registry.registerUtility(source, INegativeListSource)
        try:
            project = self.reviewed()
            source.hits = [
                NegativeListHit(
                    target_title=project.title,
                    target_kind="project",
                    reason="绩效评价结果为差",
                    year=2025,
                )
            ]
            self.assertRefused(project, "approve", "负面清单", "绩效评价结果为差")
        finally:
            registry.unregisterUtility(source, INegativeListSource)
            if original is not None:
                registry.registerUtility(original, INegativeListSource)


class TestSpecialFundCap(GateTestCase):
    def test_90th_approved_91st_refused_at_municipal_level(self):
        api.portal.set_registry_record(
            "changde.perfmgmt.declaration.min_quantifiable_indicators", 0
        )
        for number in range(89):
            project = create_project(
                self.unit, id=f"fund-{number}", is_special_fund=True, indicators=1
            )
            self.approve(project)
        ninetieth = create_project(
            self.unit, id="fund-90", is_special_fund=True, indicators=1
        )
        self.approve(ninetieth)
        self.assertEqual(state(ninetieth), "approved")
        ninety_first = create_project(
            self.unit, id="fund-91", is_special_fund=True, indicators=1
        )
        api.content.transition(obj=ninety_first, transition="submit")
        api.content.transition(obj=ninety_first, transition="review")
        self.assertRefused(ninety_first, "approve", "90")
        # another year, and a district, are not counted
        next_year = create_project(
            self.unit, id="next-year", is_special_fund=True, indicators=1, year=2027
        )
        self.approve(next_year)
        district = create_project(
            self.city["unit_w"], id="district-fund", is_special_fund=True, indicators=1
        )
        self.approve(district)


class FakeNegativeList:
    def __init__(self, hits):
        self.hits = hits

    def hits_for(self, project):
        return self.hits


class TestNegativeListGate(GateTestCase):
    def setUp(self):
        super().setUp()
        registry = getGlobalSiteManager()
        # the evaluation module's real list, put back afterwards
        self.original = registry.queryUtility(INegativeListSource)
        self.source = FakeNegativeList([])
        registry.registerUtility(self.source, INegativeListSource)

    def tearDown(self):
        registry = getGlobalSiteManager()
        registry.unregisterUtility(self.source, INegativeListSource)
        if self.original is not None:
            registry.registerUtility(self.original, INegativeListSource)

    def test_empty_list_lets_the_project_through(self):
        project = create_project(self.unit, indicators=2)
        api.content.transition(obj=project, transition="submit")
        self.assertEqual(state(project), "submitted")

    def test_listed_unit_cannot_submit_with_the_reason(self):
        self.source.hits = [
            NegativeListHit(
                target_title="市教育局",
                target_kind="unit",
                reason="unclear_goals",
                year=2025,
            )
        ]
        project = create_project(self.unit, indicators=2)
        self.assertRefused(project, "submit", "市教育局", "unclear_goals", "2025")
