"""Evaluation content: the folders, reports with the computed grade, items,
entries, their tenancy and the catalog."""

import unittest
from decimal import Decimal

from plone import api
from tests.evaluation.base import create_report
from tests.evaluation.base import do
from tests.evaluation.base import set_up_city
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

from changde.perfmgmt.core.relations import relation_to
from changde.perfmgmt.core.relations import set_relation
from changde.perfmgmt.core.relations import target_uid
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING


class TestSetup(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def test_folders_are_created(self):
        portal = self.layer["portal"]
        self.assertEqual(portal["evaluation"].portal_type, "EvaluationFolder")
        self.assertEqual(api.content.get_state(portal["evaluation"]), "published")
        self.assertEqual(portal["negative-list"].portal_type, "NegativeListFolder")
        self.assertEqual(api.content.get_state(portal["negative-list"]), "private")


class TestReport(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.city, self.projects, self.members = set_up_city(self.portal)

    def test_grade_band_edges(self):
        expected = {
            "59.99": "poor",
            "60": "average",
            "79.99": "average",
            "80": "good",
            "89.99": "good",
            "90": "excellent",
            "0": "poor",
            "100": "excellent",
        }
        for number, (score, grade) in enumerate(expected.items()):
            report = create_report(self.projects["a1"], id=f"r{number}", score=score)
            self.assertEqual(report.grade, grade, score)
            brain = api.content.find(UID=report.UID())[0]
            self.assertEqual(brain.evaluation_grade, grade)

    def test_bands_come_from_the_registry(self):
        api.portal.set_registry_record(
            "changde.perfmgmt.evaluation.excellent_min", Decimal("95")
        )
        report = create_report(self.projects["a1"], score="92")
        self.assertEqual(report.grade, "good")

    def test_no_score_no_grade(self):
        report = create_report(self.projects["a1"], score=None)
        self.assertIsNone(report.grade)

    def test_report_copies_tenancy_and_gives_local_roles(self):
        report = create_report(self.projects["a1"])
        self.assertEqual(report.jurisdiction, "shibenji")
        self.assertEqual(report.budget_unit, "unit-a")
        self.assertEqual(target_uid(report.unit), self.city["unit_a"].UID())
        self.assertEqual(report.project_code, "A-001")
        roles = dict(report.get_local_roles())
        self.assertEqual(roles[self.city["unit_a"].staff_group], ("Reader",))
        self.assertEqual(roles[self.city["municipal"].staff_group], ("Reader",))

    def test_self_evaluation_gives_editor(self):
        report = create_report(self.projects["a1"], kind="self")
        roles = dict(report.get_local_roles())
        self.assertIn("Editor", roles[self.city["unit_a"].staff_group])

    def test_pre_evaluation_sets_the_project_result(self):
        project = self.projects["a2"]
        report = create_report(project, kind="pre", score="59.99")
        do(report, "submit", "approve")
        self.assertEqual(project.pre_evaluation_result, "failed")
        report2 = create_report(project, id="r2", kind="pre", score="60")
        do(report2, "submit", "approve")
        self.assertEqual(project.pre_evaluation_result, "passed")


class TestPreEvaluationResult(unittest.TestCase):
    """The project's pre-evaluation result follows its pre-evaluations: set
    when one is approved, taken back when it is returned, deleted or its
    score edited, back to what the project had before."""

    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.city, self.projects, self.members = set_up_city(self.portal)
        self.project = self.projects["a2"]

    def pre(self, id="pre", score="85", project=None, **fields):
        return create_report(
            project or self.project, id=id, kind="pre", score=score, **fields
        )

    def result(self, project=None):
        return (project or self.project).pre_evaluation_result

    def test_returned_to_draft_takes_the_result_back(self):
        report = do(self.pre(), "submit", "approve")
        self.assertEqual(self.result(), "passed")
        do(report, "return", comment="评分依据不足")
        self.assertEqual(self.result(), "none")
        brain = api.content.find(UID=self.project.UID())[0]
        self.assertEqual(brain.getObject().pre_evaluation_result, "none")
        do(report, "submit", "approve")
        self.assertEqual(self.result(), "passed")

    def test_the_result_follows_the_score_edited_afterwards(self):
        report = do(self.pre(score="85"), "submit", "approve", "feed_back")
        self.assertEqual(self.result(), "passed")
        report.score = Decimal("59.99")
        notify(ObjectModifiedEvent(report))
        self.assertEqual(self.result(), "failed")
        report.score = None  # no grade: it decides nothing any more
        notify(ObjectModifiedEvent(report))
        self.assertEqual(self.result(), "none")

    def test_the_result_entered_before_comes_back(self):
        self.project.pre_evaluation_result = "passed"
        report = do(self.pre(score="50"), "submit", "approve")
        self.assertEqual(self.result(), "failed")
        do(report, "return")
        self.assertEqual(self.result(), "passed")

    def test_the_latest_approved_decides_and_deleting_takes_it_back(self):
        first = do(self.pre(id="first", score="50"), "submit", "approve")
        second = do(self.pre(id="second", score="90"), "submit", "approve")
        self.assertEqual(self.result(), "passed")
        do(second, "return")
        self.assertEqual(self.result(), "failed")
        api.content.delete(obj=first)
        self.assertEqual(self.result(), "none")

    def test_a_draft_or_another_kind_changes_nothing(self):
        self.project.pre_evaluation_result = "failed"
        report = self.pre(score="90")
        notify(ObjectModifiedEvent(report))
        self.assertEqual(self.result(), "failed")
        do(create_report(self.project, id="key", score="90"), "submit", "approve")
        self.assertEqual(self.result(), "failed")

    def test_moving_the_report_to_another_project(self):
        other = self.projects["a1"]
        report = do(self.pre(score="90"), "submit", "approve")
        self.assertEqual(self.result(), "passed")
        set_relation(report, "project", other)
        notify(ObjectModifiedEvent(report))
        self.assertEqual(self.result(), "none")
        self.assertEqual(self.result(other), "passed")


class TestItemsAndEntries(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.city, self.projects, self.members = set_up_city(self.portal)

    def test_item_in_a_report(self):
        report = create_report(self.projects["b1"])
        item = api.content.create(
            container=report, type="RectificationItem", id="i1", problem="问题一"
        )
        self.assertEqual(target_uid(item.owner_unit), self.city["unit_b"].UID())
        self.assertEqual(item.year, 2026)
        self.assertEqual(item.budget_unit, "unit-b")
        self.assertEqual(item.Title(), "问题一")
        self.assertEqual(api.content.get_state(item), "draft")

    def test_entry_copies_its_target(self):
        entry = api.content.create(
            container=self.portal["negative-list"],
            type="NegativeListEntry",
            id="e1",
            target=relation_to(self.projects["a1"]),
            reason="execution_below_standard",
            year=2026,
        )
        self.assertEqual(entry.target_kind, "project")
        self.assertEqual(entry.target_code, "A-001")
        self.assertEqual(api.content.get_state(entry), "proposed")
        brains = api.content.find(negative_targets="code:A-001")
        self.assertEqual(len(brains), 1)
