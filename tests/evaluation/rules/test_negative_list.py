"""Tests of changde.perfmgmt.evaluation.rules.negative_list
(plain unittest, no Zope)."""

import unittest
from datetime import date
from decimal import Decimal

from changde.perfmgmt.evaluation.rules.application import ProjectResultFacts
from changde.perfmgmt.evaluation.rules.negative_list import NEGATIVE_LIST_REASONS
from changde.perfmgmt.evaluation.rules.negative_list import negative_list_proposals
from changde.perfmgmt.evaluation.rules.rectification import RectificationSettings

D = Decimal


class NegativeListTests(unittest.TestCase):
    def poor(self, **overrides):
        values = {
            "year": 2020,
            "key_evaluation_grade": "poor",
            "rectification_rate": D("80"),
            "rectification_deadline": date(2020, 6, 30),
            "as_of": date(2020, 7, 1),
        }
        values.update(overrides)
        return ProjectResultFacts(**values)

    def reasons(self, facts, **kwargs):
        return [reason for reason, _params in negative_list_proposals(facts, **kwargs)]

    def test_nothing(self):
        self.assertEqual(negative_list_proposals(ProjectResultFacts(year=2020)), [])

    def test_unclear_goals(self):
        facts = ProjectResultFacts(year=2020, goals_unclear=True)
        self.assertEqual(self.reasons(facts), ["unclear_goals"])

    def test_execution_below_standard(self):
        facts = ProjectResultFacts(
            year=2020, final_execution_rates={2019: D("69.99"), 2020: D("69.99")}
        )
        ((reason, params),) = negative_list_proposals(facts)
        self.assertEqual(reason, "execution_below_standard")
        self.assertEqual(params["years"], "2019, 2020")
        one_year = ProjectResultFacts(year=2020, final_execution_rates={2020: 10})
        self.assertEqual(self.reasons(one_year), [])

    def test_poor_evaluation_inadequate_rectification(self):
        ((reason, params),) = negative_list_proposals(self.poor())
        self.assertEqual(reason, "poor_evaluation_inadequate_rectification")
        self.assertEqual(params["rectification_rate"], D("80"))
        self.assertEqual(params["deadline"], "2020-06-30")

    def test_poor_but_rectified(self):
        self.assertEqual(self.reasons(self.poor(rectification_rate=D("100"))), [])

    def test_poor_without_items(self):
        self.assertEqual(self.reasons(self.poor(rectification_rate=None)), [])

    def test_poor_before_or_on_deadline(self):
        self.assertEqual(self.reasons(self.poor(as_of=date(2020, 6, 30))), [])
        self.assertEqual(self.reasons(self.poor(as_of=None)), [])
        self.assertEqual(self.reasons(self.poor(rectification_deadline=None)), [])

    def test_average_grade_is_not_listed(self):
        self.assertEqual(self.reasons(self.poor(key_evaluation_grade="average")), [])

    def test_rectification_target_is_a_setting(self):
        lenient = RectificationSettings(target_rate=D("80"))
        self.assertEqual(self.reasons(self.poor(), rectification=lenient), [])

    def test_serious_monitoring_problem(self):
        for rectified in (False, True):
            with self.subTest(rectified=rectified):
                facts = ProjectResultFacts(
                    year=2020,
                    serious_monitoring_problem=True,
                    monitoring_problem_rectified=rectified,
                )
                ((reason, params),) = negative_list_proposals(facts)
                self.assertEqual(reason, "serious_monitoring_problem")
                self.assertEqual(params["rectified"], rectified)

    def test_all_in_reason_order(self):
        facts = self.poor(
            goals_unclear=True,
            final_execution_rates={2019: 1, 2020: 1},
            serious_monitoring_problem=True,
        )
        reasons = self.reasons(facts)
        self.assertEqual(
            reasons,
            [
                "unclear_goals",
                "execution_below_standard",
                "poor_evaluation_inadequate_rectification",
                "serious_monitoring_problem",
            ],
        )
        self.assertTrue(set(reasons) <= set(NEGATIVE_LIST_REASONS))
