"""The 2019 plan's 14 measures, installed by the default profile, are the
plan's own: numbers, titles, leaders and offices in order, compared with the
plan's text (the seed); the plan page shows each leader and lead office."""

import re
import unittest
from pathlib import Path

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

from changde.perfmgmt.reporting.plans import copy_plan
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING

HERE = Path(__file__).resolve().parent
#: the plan's text: the shared seed beside the clone when there is one, else
#: the copy kept with the tests (checked equal below)
SEEDS = [
    HERE.parents[2] / "shared" / "seed" / "changde-work-plan-2019.txt",
    Path("/work/shared/seed/changde-work-plan-2019.txt"),
]
COPY = HERE / "data" / "changde-work-plan-2019.txt"
MEASURE = re.compile(r"^(\d+)\.([^。]+?)。.*(责任领导:(.+?);责任科室:(.+?))\)$", re.M)


def seed_text():
    for path in SEEDS:
        if path.exists():
            return path.read_text(encoding="utf-8")
    return COPY.read_text(encoding="utf-8")


def seed_measures():
    """{number: (title, leader, [offices])} read from the plan's text."""
    return {
        int(m.group(1)): (m.group(2), m.group(4), m.group(5).split("、"))
        for m in MEASURE.finditer(seed_text())
    }


class TestSeed(unittest.TestCase):
    def test_the_copy_is_the_seed(self):
        for path in SEEDS:
            if path.exists():
                self.assertEqual(
                    path.read_text(encoding="utf-8"),
                    COPY.read_text(encoding="utf-8"),
                )

    def test_the_seed_has_fourteen_measures(self):
        self.assertEqual(sorted(seed_measures()), list(range(1, 15)))


class TestInstalledPlan(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.plan = self.portal["reporting"]["work-plan-2019"]

    def test_measures_are_the_seeds(self):
        seed = seed_measures()
        measures = self.plan.measures()
        self.assertEqual([m.number for m in measures], list(range(1, 15)))
        for measure in measures:
            title, leader, offices = seed[measure.number]
            self.assertEqual(measure.Title(), title)
            self.assertEqual(measure.leader, leader)
            self.assertEqual(list(measure.offices), offices)
            self.assertEqual(measure.lead_office, offices[0])
            self.assertEqual(measure.status, "not_started")
        self.assertEqual(self.plan.year, 2019)

    def test_examples_the_plan_names(self):
        by_number = {m.number: m for m in self.plan.measures()}
        self.assertEqual(by_number[5].leader, "蒋金华")
        self.assertEqual(
            list(by_number[5].offices),
            ["预算科", "社保科", "企业科", "经建科", "债务科"],
        )
        self.assertEqual(by_number[14].lead_office, "人事科")
        self.assertEqual(by_number[8].offices[-1], "驻局纪检监察组")

    def test_the_plan_page_shows_leaders_and_lead_offices(self):
        html = self.plan.restrictedTraverse("@@view")()
        seed = seed_measures()
        for _number, (title, leader, offices) in seed.items():
            self.assertIn(title, html)
            self.assertIn(leader, html)
            lead = f'class="measure-lead-office text-nowrap">{offices[0]}<'
            self.assertIn(lead, html)
        # the monitoring measure links to the monitoring folder
        self.assertIn(f'href="{self.portal.absolute_url()}/monitoring"', html)

    def test_evidence_shows_by_title(self):
        measure = self.plan["measure-9"]
        measure.progress_notes = [
            {
                "date": "2019-11-01",
                "text": "两轮监控",
                "evidence": ["reporting/work-plan-2019", "https://example.org/a.pdf"],
            }
        ]
        html = measure.restrictedTraverse("@@view")()
        url = f"{self.portal.absolute_url()}/reporting/work-plan-2019"
        self.assertIn(f'href="{url}">{self.plan.Title()}</a>', html)
        self.assertIn(
            'href="https://example.org/a.pdf">https://example.org/a.pdf</a>', html
        )
        self.assertNotIn(">reporting/work-plan-2019<", html)

    def test_copy_to_the_next_year(self):
        measure = self.plan["measure-9"]
        measure.status = "done"
        measure.progress_notes = [
            {"date": "2019-11-01", "text": "两轮监控", "evidence": []}
        ]
        plan, violations = copy_plan(self.plan)
        self.assertEqual(violations, [])
        self.assertEqual(plan.year, 2020)
        self.assertIn("2020", plan.Title())
        self.assertEqual(len(plan.measures()), 14)
        copied = plan["measure-9"]
        self.assertEqual(copied.leader, measure.leader)
        self.assertEqual(list(copied.offices), list(measure.offices))
        self.assertEqual(copied.status, "not_started")
        self.assertEqual(copied.progress_notes, [])
        # a second copy to the same year is refused, nothing written
        again, violations = copy_plan(self.plan)
        self.assertIsNone(again)
        self.assertEqual(violations[0].code, "plan_year_exists")

    def test_reinstalling_changes_nothing_the_office_edited(self):
        self.plan["measure-1"].status = "done"
        setup = api.portal.get_tool("portal_setup")
        setup.runAllImportStepsFromProfile("profile-changde.perfmgmt.reporting:default")
        self.assertEqual(self.plan["measure-1"].status, "done")
        self.assertEqual(len(self.plan.measures()), 14)
