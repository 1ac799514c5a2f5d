"""The assessment demo: a self-evaluation computed from a demo project's
actual values and final-round execution and explained line by line; the key
evaluation on the Hunan project scorecard; an expert's draft; the subsidy
table with the plan's amounts; the year's assessment ranking every demo
unit and district; a second run creates nothing."""

import unittest
from decimal import Decimal

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import applyProfile
from plone.app.testing import setRoles

from changde.perfmgmt.assessment import yearly
from changde.perfmgmt.assessment.cardview import card_data
from changde.perfmgmt.assessment.rules.subsidies import total_for_year
from changde.perfmgmt.assessment.scorecards import card_result
from changde.perfmgmt.assessment.subsidies import subsidy_table_for
from changde.perfmgmt.core import demo
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING

D = Decimal


class TestAssessmentDemo(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.request = self.layer["request"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        applyProfile(self.portal, "changde.perfmgmt:demo")
        self.folder = self.portal["evaluation"]

    def test_demo(self):
        """One load of the demo (slow), every check."""
        self.check_the_self_evaluation_is_computed_line_by_line()
        self.check_the_key_evaluation_uses_the_project_scorecard()
        self.check_the_experts_draft()
        self.check_the_subsidy_table()
        self.check_the_assessment_ranks_units_and_districts()
        # a second load creates nothing
        self.assertEqual(demo.load_demo(self.portal), {})

    def check_the_self_evaluation_is_computed_line_by_line(self):
        report = self.folder["demo-self-card-2026"]
        points = {
            line.key: line.points
            for line in card_result(report).lines
            if line.kind != "indicator"
        }
        # no satisfaction indicator: 10 / 50 / 30 rescaled to 11.11 / 55.56
        # / 33.33; execution 87 % (explained), output 18/20 on one indicator,
        # the qualitative outcome judged 85 %
        self.assertEqual(points["4"], None)
        self.assertEqual(points["1"], D("9.67"))
        self.assertEqual(points["2"], D("54.43"))
        self.assertEqual(points["3"], D("28.33"))
        self.assertEqual(report.computed_score, D("92.43"))
        self.assertEqual(report.score, D("92.43"))
        self.assertEqual(report.grade, "excellent")
        card = card_data(report, self.request)
        self.assertEqual(card["problems"], [])
        self.assertIn("87.00", card["lines"][0]["explanation_text"])
        self.assertEqual(api.content.get_state(report), "draft")

    def check_the_key_evaluation_uses_the_project_scorecard(self):
        report = self.folder["demo-key-2026"]
        self.assertEqual(report.scorecard_template.to_object.template_kind, "key")
        self.assertEqual(report.computed_score, D("86.50"))
        self.assertEqual(report.score, D("86.50"))
        self.assertEqual(report.grade, "good")
        self.assertEqual(api.content.get_state(report), "published")

    def check_the_experts_draft(self):
        report = self.folder["demo-key-card-2026"]
        self.assertIn("Editor", report.get_local_roles_for_userid("expert"))
        self.assertFalse(card_result(report).complete)

    def check_the_subsidy_table(self):
        table = subsidy_table_for()
        amounts = {row.key: row.amount for row in table.rows}
        self.assertEqual(amounts["wulingqu"], D("150000.00"))
        self.assertEqual(amounts["anxiangxian"], D("100000.00"))
        self.assertEqual(amounts["linlixian"], D("50000.00"))
        self.assertEqual(amounts["shimenxian"], D("0"))
        self.assertEqual(amounts["xihuguanliqu"], D("75000.00"))
        self.assertEqual(amounts["liuyehudujiaqu"], D("25000.00"))
        self.assertNotIn("shibenji", amounts)
        # what reporting reads: 2019's three districts and two zones
        self.assertEqual(total_for_year(2019), D("600000.00"))
        self.assertEqual(total_for_year(2022), D("0"))

    def check_the_assessment_ranks_units_and_districts(self):
        units = yearly.ranking(2026, "unit")
        districts = yearly.ranking(2026, "district")
        self.assertEqual(len(units), 5)
        self.assertEqual(len(districts), 13)
        for row in units + districts:
            self.assertIsNotNone(row["rank"], row)
            self.assertEqual(row["review_state"], "published")
        self.assertEqual(units[0]["rank"], 1)
        # a pre-filled criterion: 市教育局's monitoring records on time
        card = api.content.get(
            UID=[r for r in units if "教育" in r["target_title"]][0]["UID"]
        )
        execution = [
            line for line in yearly.card_result(card).lines if line.id == "execution"
        ][0]
        self.assertIsNotNone(execution.prefilled)
