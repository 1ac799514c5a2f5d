"""The annual report's numbers against a built site where every count is
known: the demo (its projects' states, amounts, special funds and
indicators are counted here from the demo's own specification), and a year
with no data. The numbers are the owning modules' functions' (the
dashboards call the same ones)."""

import datetime
import unittest
from decimal import Decimal

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.testing import setRoles

from changde.perfmgmt.core import demo
from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.publicity.services.publicity_record.get import publicity_record
from changde.perfmgmt.reporting import annual
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING

YEAR = 2026

FINAL_STATE = {
    (): "draft",
    ("submit",): "submitted",
    ("submit", "review"): "reviewed",
    ("submit", "review", "approve"): "approved",
    ("submit", "return"): "returned",
}


def project_specs():
    """The demo's projects of the year: (entry, final state, indicators)."""
    indicators = demo.content_entries("declaration", "Indicator")
    specs = []
    for entry in demo.content_entries("declaration", "BudgetProject"):
        if entry.get("year") != YEAR:
            continue
        path = demo.join(entry["in"], entry["id"])
        state = FINAL_STATE[tuple(entry.get("transitions", ()))]
        mine = [i for i in indicators if i["in"] == path]
        specs.append((entry, state, mine))
    return specs


def expected_goals():
    """What the demo's data files say the declared goals are."""
    declared = [
        (entry, state, indicators)
        for entry, state, indicators in project_specs()
        if state in ("submitted", "reviewed", "approved")
    ]
    special = [spec for spec in declared if spec[0].get("is_special_fund")]
    return {
        "projects": len(declared),
        "amount": sum(Decimal(e["amount"]) for e, _, _ in declared),
        "special": len(special),
        "special_amount": sum(Decimal(e["amount"]) for e, _, _ in special),
        "municipal_special": sum(
            1
            for e, state, _ in special
            if e["in"].startswith("/shibenji/") and state == "approved"
        ),
        "indicators": sum(len(i) for _, _, i in declared),
        "quantifiable": sum(
            1 for _, _, items in declared for i in items if i.get("quantifiable")
        ),
        "approved": sum(1 for _, state, _ in declared if state == "approved"),
    }


def expected_publicity():
    """The demo's published publicity items of the year, by kind."""
    counts = dict.fromkeys(("news", "work_meeting", "internal_review_meeting"), 0)
    for entry in demo.content_entries("publicity", "PublicityItem"):
        if str(entry["publicity_date"]).startswith(
            str(YEAR)
        ) and "publish" in entry.get("transitions", ()):
            counts[entry["publicity_kind"]] += 1
    return counts


def expected_trainings(today):
    """(held, planned) among the demo's published trainings of the year: they
    are dated from the day the demo is loaded, each one day long."""
    held = planned = 0
    for entry in demo.entries("publicity"):
        if not entry.get("call", "").endswith(".create_trainings"):
            continue
        for spec in entry["args"][0]:
            day = today + datetime.timedelta(days=spec["start_in_days"])
            if spec.get("publish") and day.year == YEAR:
                if day < today:
                    held += 1
                else:
                    planned += 1
    return held, planned


def first_round_records():
    return [
        entry
        for entry in demo.content_entries("monitoring", "MonitoringRecord")
        if entry["in"] == f"/monitoring/{YEAR}-1"
    ]


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
        self.assertEqual(
            value["coverage_jurisdictions"],
            len(demo.content_entries("core", "Jurisdiction")),
        )
        self.assertEqual(value["coverage_municipal_count"], 4)
        self.assertIs(value["coverage_debt"], True)
        # monitoring: two rounds of 2026, the first with the demo's records
        records = first_round_records()
        shares = [
            Decimal(r["executed_amount"]) / Decimal(r["budget_amount"]) for r in records
        ]
        self.assertEqual(value["monitoring_rounds"], 2)
        self.assertEqual(value["round_1_records"], len(records))
        self.assertEqual(
            value["round_1_below"], sum(1 for s in shares if s < Decimal("0.60"))
        )
        self.assertEqual(
            value["round_1_meeting"], sum(1 for s in shares if s >= Decimal("0.60"))
        )
        self.assertEqual(
            value["round_1_suspension"],
            sum(1 for r in records if r.get("severity") == "serious"),
        )
        # the final round: the assessment demo's records of six projects
        self.assertEqual(value["round_2_records"], 6)
        self.assertNotEqual(figures["round_2_rate"].text, "—")
        self.assertEqual(figures["round_1_below"].label, "第1轮标记“低于目标”的项目数")
        # evaluations: a key evaluation (86.5, 良, published), a pre-evaluation
        # (82, 良, approved), a self-evaluation draft (not a result); the
        # assessment demo adds a key evaluation and a self-evaluation, scored
        # on their scorecards and not yet approved
        self.assertEqual(value["evaluation_reports"], 5)
        self.assertEqual(value["evaluation_kind_key"], 2)
        self.assertEqual(value["evaluation_kind_pre"], 1)
        self.assertEqual(value["evaluation_kind_self"], 2)
        self.assertEqual(value["evaluation_grade_good"], 2)
        self.assertEqual(value["evaluation_grade_excellent"], 0)
        # rectification: two items fed back, one accepted
        self.assertEqual(value["rectification_total"], 2)
        self.assertEqual(value["rectification_accepted"], 1)
        self.assertEqual(value["rectification_rate"], Decimal("50.00"))
        self.assertEqual(value["negative_listed"], 1)
        # publicity and training: the year's published items and trainings
        # (the demo's drafts are not counted)
        for kind, count in expected_publicity().items():
            self.assertEqual(value[f"publicity_{kind}"], count, kind)
        held, planned = expected_trainings(today_in_china())
        self.assertEqual(value["training_events"], held)
        self.assertEqual(value["training_planned"], planned)
        self.assertEqual(
            figures["publicity_news"].source["query"],
            {
                "portal_type": "PublicityItem",
                "publicity_kind": "news",
                "year": YEAR,
                "review_state": "published",
            },
        )
        self.assertEqual(
            figures["training_events"].source["list"], f"column/training?year={YEAR}"
        )
        # the same numbers as the publicity module's record shows a visitor
        logout()
        record = publicity_record(YEAR)["counts"]
        login(self.portal, TEST_USER_NAME)
        for kind in ("news", "work_meeting", "internal_review_meeting"):
            self.assertEqual(value[f"publicity_{kind}"], record[kind], kind)
        self.assertEqual(
            value["training_events"] + value["training_planned"],
            record["training_events"],
        )
        # the assessment module's yearly cards of the demo: 5 units, 13 districts
        self.assertEqual(facts["assessment"]["cards"], 18)
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
        # the assessment module is installed: its figures, not its absence
        self.assertNotIn("考核模块尚未启用", report.body.raw)
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

    def test_without_the_publicity_module_the_section_says_not_available(self):
        self.portal.portal_catalog.delIndex("publicity_kind")
        figures_, facts = annual.gather(2026)
        self.assertIsNone(facts["publicity"])
        self.assertNotIn("training_events", figures_)
        text = "".join(
            p
            for section in annual.draft(2026, "city_government")["sections"]
            for p in section.paragraphs
        )
        self.assertIn("宣传与培训模块尚未启用", text)

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
