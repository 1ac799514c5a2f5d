"""A report's scorecard on the Plone side: the default template attached,
facts read from the project and the final round, the total becoming the
score and the grade, overriding with a reason, re-scoring when the facts
change, the submission gate, facts frozen once submitted, the template
never changing under the report."""

import unittest
from decimal import Decimal

from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from tests.assessment.base import create_report
from tests.assessment.base import do
from tests.assessment.base import set_up
from zExceptions import BadRequest
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

from changde.perfmgmt.assessment.actuals import set_actual_values
from changde.perfmgmt.assessment.cardview import card_data
from changde.perfmgmt.assessment.scorecards import card_result
from changde.perfmgmt.assessment.scorecards import has_card
from changde.perfmgmt.assessment.scorecards import save_entries
from changde.perfmgmt.assessment.templates import reports_using
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING

D = Decimal

#: the self-evaluation of the base project, line by line:
#: execution 3,420,000 / 3,600,000 = 95 % of 10 = 9.50
#: output 50: 18/20 of 20/50 (18.00), 100=100 (15.00), 95≥95 (15.00) = 48.00
#: outcome 30: 100=100 (15.00), qualitative 90 % of 15 (13.50) = 28.50
#: satisfaction 10: 93 ≥ 90 = 10.00
#: total 96.00 (优)
QUALITATIVE = "3/{uid}"


class ScorecardTestCase(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.request = self.layer["request"]
        self.city, self.project, self.record = set_up(self.portal)

    def qualitative_key(self):
        return f"3/{self.project['indicator-5'].UID()}"

    def self_evaluation(self, **fields):
        return create_report(self.project, **fields)

    def line(self, report, key):
        (found,) = [line for line in card_result(report).lines if line.key == key]
        return found


class TestDefaultTemplate(ScorecardTestCase):
    def test_a_self_evaluation_gets_the_years_template(self):
        report = self.self_evaluation()
        self.assertTrue(has_card(report))
        self.assertEqual(report.scorecard_template.to_object.template_kind, "self")
        self.assertEqual(len(reports_using(report.scorecard_template.to_object)), 1)

    def test_a_key_evaluation_gets_the_project_scorecard(self):
        report = create_report(self.project, id="key", kind="key")
        self.assertEqual(report.scorecard_template.to_object.template_kind, "key")

    def test_a_report_scored_by_hand_keeps_its_score(self):
        report = self.self_evaluation(score=D("85"))
        self.assertFalse(has_card(report))
        self.assertEqual(report.score, D("85"))

    def test_a_pre_evaluation_has_no_template(self):
        report = create_report(self.project, id="pre", kind="pre")
        self.assertFalse(has_card(report))


class TestScoring(ScorecardTestCase):
    def test_the_self_evaluation_is_computed_from_the_facts(self):
        report = self.self_evaluation()
        # the qualitative indicator waits for the unit's judgement
        self.assertIsNone(report.computed_score)
        self.assertIsNone(report.score)
        execution = self.line(report, "1")
        self.assertEqual(execution.points, D("9.50"))
        self.assertEqual(execution.facts[0].source, self.record.absolute_url())
        save_entries(report, {self.qualitative_key(): {"percent": "90"}})
        self.assertEqual(report.computed_score, D("96.00"))
        self.assertEqual(report.score, D("96.00"))
        self.assertEqual(report.grade, "excellent")
        brain = api.content.find(UID=report.UID())[0]
        self.assertEqual(brain.evaluation_grade, "excellent")

    def test_line_by_line(self):
        report = self.self_evaluation()
        save_entries(report, {self.qualitative_key(): {"percent": "90"}})
        points = {
            line.key: line.points
            for line in card_result(report).lines
            if line.kind != "indicator"
        }
        self.assertEqual(
            points,
            {"1": D("9.50"), "2": D("48.00"), "3": D("28.50"), "4": D("10.00")},
        )

    def test_the_card_as_the_page_reads_it(self):
        report = self.self_evaluation()
        save_entries(report, {self.qualitative_key(): {"percent": "90"}})
        card = card_data(report, self.request)
        self.assertEqual(card["total"], "96.00")
        self.assertEqual(card["grade_title"], "优")
        first = card["lines"][0]
        self.assertEqual(first["method_title"], "预算执行率")
        self.assertIn("95.00", first["explanation_text"])
        self.assertEqual(
            [fact["title"] for fact in first["facts"]],
            ["监控轮次", "调整后预算数(元)", "执行数(元)", "执行率"],
        )

    def test_new_actual_values_rescore_the_draft(self):
        report = self.self_evaluation()
        save_entries(report, {self.qualitative_key(): {"percent": "90"}})
        set_actual_values(
            self.project,
            [{"indicator": self.project["indicator-1"].UID(), "actual_value": "20"}],
        )
        self.assertEqual(report.computed_score, D("98.00"))
        self.assertEqual(report.score, D("98.00"))

    def test_a_changed_final_round_record_rescores_the_draft(self):
        report = self.self_evaluation()
        save_entries(report, {self.qualitative_key(): {"percent": "90"}})
        self.record.executed_amount = D("3600000")
        notify(ObjectModifiedEvent(self.record))
        self.assertEqual(report.computed_score, D("96.50"))


class TestOverride(ScorecardTestCase):
    def scored(self):
        report = self.self_evaluation()
        save_entries(report, {self.qualitative_key(): {"percent": "90"}})
        return report

    def test_a_different_score_without_a_reason_is_refused(self):
        report = self.scored()
        report.score = D("88")
        with self.assertRaises(BadRequest) as raised:
            notify(ObjectModifiedEvent(report))
        (error,) = raised.exception.args[0]
        self.assertEqual(error["field"], "score_override_reason")
        self.assertIn("96.00", error["message"])

    def test_with_a_reason_both_values_are_kept(self):
        report = self.scored()
        report.score = D("88")
        report.score_override_reason = "专家组复核:满意度调查样本不足。"
        notify(ObjectModifiedEvent(report))
        self.assertEqual(report.score, D("88"))
        self.assertEqual(report.computed_score, D("96.00"))
        self.assertEqual(report.grade, "good")
        card = card_data(report, self.request)
        self.assertTrue(card["overridden"])
        # new facts change the computed total, not the adopted score
        set_actual_values(
            self.project,
            [{"indicator": self.project["indicator-1"].UID(), "actual_value": "20"}],
        )
        self.assertEqual((report.score, report.computed_score), (D("88"), D("98.00")))

    def test_the_edit_form_validator(self):
        from changde.perfmgmt.assessment.scorecards import override_problem

        report = self.scored()
        self.assertIsNone(override_problem(report, D("96.00"), "", self.request))
        message = override_problem(report, D("88"), "", self.request)
        self.assertIn("96.00", message)
        self.assertIsNone(override_problem(report, D("88"), "原因", self.request))


class TestSubmission(ScorecardTestCase):
    def test_an_incomplete_card_is_refused(self):
        report = self.self_evaluation()
        with self.assertRaises(WorkflowException):
            do(report, "submit")
        self.assertEqual(api.content.get_state(report), "draft")
        # the card says what is missing
        (problem,) = card_data(report, self.request)["problems"]
        self.assertIn("城乡教育均衡水平", problem)
        # a complete card with a stale hand-typed reason-less score cannot
        # sneak through either: the gate reads the card
        from changde.perfmgmt.assessment.scorecards import check_submission

        class Event:
            class transition:
                @staticmethod
                def getId():
                    return "submit"

        report.score = Decimal("80")
        with self.assertRaises(WorkflowException) as raised:
            check_submission(report, Event)
        self.assertIn("城乡教育均衡水平", str(raised.exception))

    def test_a_low_execution_rate_needs_its_explanation(self):
        self.record.executed_amount = D("3000000")  # 83.33 %
        notify(ObjectModifiedEvent(self.record))
        report = self.self_evaluation()
        save_entries(report, {self.qualitative_key(): {"percent": "90"}})
        self.assertTrue(report.score)
        with self.assertRaises(WorkflowException) as raised:
            do(report, "submit")
        self.assertIn("90", str(raised.exception))
        save_entries(
            report,
            {
                self.qualitative_key(): {"percent": "90"},
                "1": {"note": "工程款按合同在次年一季度结算。"},
            },
        )
        do(report, "submit")
        self.assertEqual(api.content.get_state(report), "internal_review")

    def test_facts_are_frozen_once_submitted(self):
        report = self.self_evaluation()
        save_entries(report, {self.qualitative_key(): {"percent": "90"}})
        do(report, "submit")
        set_actual_values(
            self.project,
            [{"indicator": self.project["indicator-1"].UID(), "actual_value": "20"}],
        )
        self.assertEqual(report.computed_score, D("96.00"))
        self.assertEqual(card_result(report).total, D("96.00"))
        # returned to draft: live again
        do(report, "return")
        self.assertEqual(report.computed_score, D("98.00"))

    def test_an_incomplete_card_with_a_hand_score_and_a_reason_goes(self):
        report = self.self_evaluation()
        report.score = D("90")
        report.score_override_reason = "定性指标由专家组整体评定。"
        notify(ObjectModifiedEvent(report))
        do(report, "submit")
        self.assertEqual(api.content.get_state(report), "internal_review")


class TestTemplateNeverChangesUnderAReport(ScorecardTestCase):
    def test_an_active_template_cannot_be_modified(self):
        report = self.self_evaluation()
        template = report.scorecard_template.to_object
        self.assertFalse(api.user.has_permission("Modify portal content", obj=template))

    def test_the_report_keeps_the_criteria_it_was_scored_with(self):
        report = self.self_evaluation()
        template = report.scorecard_template.to_object
        rows = [dict(row) for row in template.criteria]
        # even if someone (a Manager script) changed the template
        template.criteria = [
            {**row, "weight": "40" if row["code"] == "2" else row["weight"]}
            for row in rows
            if row["code"] != "4"
        ]
        notify(ObjectModifiedEvent(report))
        self.assertEqual(report._card_rows, rows)


if __name__ == "__main__":
    unittest.main()
