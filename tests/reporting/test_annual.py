"""The annual report's numbers against a built site where every count is
known: the demo (its projects' states, amounts, special funds and
indicators are counted here from the demo's own specification), and a year
with no data. The numbers are the owning modules' functions' (the
dashboards call the same ones)."""

import unittest
from decimal import Decimal

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

from changde.perfmgmt import demo
from changde.perfmgmt.monitoring.demo import SHARES
from changde.perfmgmt.reporting import annual
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING

YEAR = demo.YEAR

FINAL_STATE = {
    (): "draft",
    ("submit",): "submitted",
    ("submit", "review"): "reviewed",
    ("submit", "review", "approve"): "approved",
    ("submit", "return"): "returned",
}


def expected_goals():
    """What the demo's specification says the declared goals are."""
    declared = [
        spec
        for spec in demo.PROJECTS
        if "blocked_by" not in spec
        and FINAL_STATE[tuple(spec.get("transitions", ()))]
        in ("submitted", "reviewed", "approved")
    ]
    special = [spec for spec in declared if spec.get("is_special_fund")]
    municipal_approved_special = [
        spec
        for spec in special
        if spec["at"][0] == "shibenji"
        and FINAL_STATE[tuple(spec["transitions"])] == "approved"
    ]
    indicators = sum(sum(spec["indicators"][1:]) for spec in declared)
    quantifiable = sum(spec["indicators"][1] for spec in declared)
    approved = [
        spec
        for spec in declared
        if FINAL_STATE[tuple(spec["transitions"])] == "approved"
    ]
    return {
        "projects": len(declared),
        "amount": sum(Decimal(spec["amount"]) for spec in declared),
        "special": len(special),
        "special_amount": sum(Decimal(spec["amount"]) for spec in special),
        "municipal_special": len(municipal_approved_special),
        "indicators": indicators,
        "quantifiable": quantifiable,
        "approved": len(approved),
    }


class TestDemoYear(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        demo.load_demo(self.portal)

    def test_every_number_is_the_demos(self):
        expected = expected_goals()
        figures, facts = annual.gather(YEAR)
        value = {key: figure.value for key, figure in figures.items()}
        self.assertEqual(value["goals_projects"], expected["projects"])
        self.assertEqual(
            value["goals_amount"],
            (expected["amount"] / 10000).quantize(Decimal("0.01")),
        )
        self.assertEqual(value["goals_special_funds"], expected["special"])
        self.assertEqual(
            value["goals_special_amount"],
            (expected["special_amount"] / 10000).quantize(Decimal("0.01")),
        )
        self.assertEqual(
            value["goals_municipal_special"], expected["municipal_special"]
        )
        self.assertEqual(value["goals_special_cap"], 90)
        self.assertEqual(value["goals_indicators"], expected["indicators"])
        self.assertEqual(value["goals_quantifiable"], expected["quantifiable"])
        self.assertEqual(
            value["goals_quantifiable_share"],
            (Decimal(expected["quantifiable"]) * 100 / expected["indicators"]).quantize(
                Decimal("0.01")
            ),
        )
        # coverage: 14 jurisdictions, the municipal level has all four and debt
        self.assertEqual(value["coverage_jurisdictions"], len(demo.JURISDICTIONS))
        self.assertEqual(value["coverage_municipal_count"], 4)
        self.assertIs(value["coverage_debt"], True)
        # monitoring: two rounds of 2026, the first with a record per approved
        # project; rates cycle through the demo's shares
        shares = [SHARES[n % len(SHARES)] for n in range(expected["approved"])]
        self.assertEqual(value["monitoring_rounds"], 2)
        self.assertEqual(value["round_1_records"], expected["approved"])
        self.assertEqual(
            value["round_1_below"], sum(1 for s in shares if s < Decimal("0.60"))
        )
        self.assertEqual(
            value["round_1_meeting"], sum(1 for s in shares if s >= Decimal("0.60"))
        )
        self.assertEqual(value["round_1_suspension"], 1)
        self.assertEqual(value["round_2_records"], 0)
        # evaluations: a key evaluation (86.5, 良, published), a pre-evaluation
        # (82, 良, approved), a self-evaluation draft (not a result)
        self.assertEqual(value["evaluation_reports"], 3)
        self.assertEqual(value["evaluation_kind_key"], 1)
        self.assertEqual(value["evaluation_kind_pre"], 1)
        self.assertEqual(value["evaluation_kind_self"], 1)
        self.assertEqual(value["evaluation_grade_good"], 2)
        self.assertEqual(value["evaluation_grade_excellent"], 0)
        # rectification: two items fed back, one accepted
        self.assertEqual(value["rectification_total"], 2)
        self.assertEqual(value["rectification_accepted"], 1)
        self.assertEqual(value["rectification_rate"], Decimal("50.00"))
        self.assertEqual(value["negative_listed"], 1)
        # modules not installed: no figures, the sections say so
        self.assertIsNone(facts["publicity"])
        self.assertIsNone(facts["assessment"])
        # the plan of 2019 is the latest before 2026: 14 measures
        self.assertEqual(value["measures_total"], 14)
        self.assertEqual(value["measures_not_started"], 14)
        # every figure has a source and a reference number
        self.assertEqual(
            [figure.ref for figure in figures.values()],
            list(range(1, len(figures) + 1)),
        )
        for figure in figures.values():
            self.assertTrue(figure.source.get("function"), figure.key)

    def test_the_draft_text_cites_its_numbers(self):
        report, drafted = annual.create_report(
            self.portal["reporting"], YEAR, "city_government"
        )
        expected = expected_goals()
        ref = drafted["figures"]["goals_projects"].ref
        self.assertIn(
            f"全市共{expected['projects']}<sup>[{ref}]</sup>个项目", report.body.raw
        )
        self.assertIn("宣传与培训模块尚未启用", report.body.raw)
        self.assertIn("not available", report.body.raw)
        self.assertEqual(len(report.figures), len(drafted["figures"]))
        self.assertEqual(report.audience, "city_government")
        # a first version is kept (CMFEditions)
        repository = api.portal.get_tool("portal_repository")
        self.assertGreaterEqual(len(repository.getHistoryMetadata(report)), 1)


class TestEmptyYear(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])

    def test_a_year_without_data_says_so(self):
        drafted = annual.draft(2031, "npc_standing_committee")
        self.assertFalse(drafted["has_data"])
        text = "".join(p for section in drafted["sections"] for p in section.paragraphs)
        self.assertIn("尚无2031年度", text)
        self.assertIn("市人大常委会", text)
        self.assertIn("本年度暂无申报绩效目标的项目", text)
        self.assertIn("本年度尚未开展运行监控", text)
        report, _ = annual.create_report(
            self.portal["reporting"], 2031, "npc_standing_committee"
        )
        self.assertIn("暂无数据", report.body.raw)
