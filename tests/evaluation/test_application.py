"""Result application: facts from the catalog, recommendations at their edges
(69.99% and 70% two years running, one year only), negative-list proposals
confirmed by the office, the stored run, REST and the Excel export; the
missing self-evaluations."""

import datetime
import io
import unittest
from decimal import Decimal

import transaction
from openpyxl import load_workbook
from plone import api
from tests.evaluation.base import create_report
from tests.evaluation.base import do
from tests.evaluation.base import set_up_city
from tests.evaluation.test_rest_path import RestTestCase
from zope.globalrequest import getRequest

from changde.perfmgmt.core.relations import relation_to
from changde.perfmgmt.core.relations import target_uid
from changde.perfmgmt.evaluation.application import run_result_application
from changde.perfmgmt.evaluation.folders import evaluation_folder
from changde.perfmgmt.monitoring.rounds import create_year_rounds
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING
from changde.perfmgmt.testing import UNIT_A_USER


def final_record(project, year, executed, severity="none", id=None):
    """A record of the project in the final (second) round of ``year``."""
    created, existing = create_year_rounds(year)
    final = max(created + existing, key=lambda each: each.round_number)
    return api.content.create(
        container=final,
        type="MonitoringRecord",
        id=id or f"{project.getId()}-{year}",
        project=relation_to(project),
        budget_amount=Decimal("100"),
        executed_amount=Decimal(executed),
        severity=severity,
    )


class TestResultApplication(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.city, self.projects, self.members = set_up_city(self.portal)
        self.folder = evaluation_folder()

    def run_year(self, year=2026, **kwargs):
        run = run_result_application(year, self.folder, getRequest(), **kwargs)
        return {item["project_code"]: item for item in run["items"]}

    def actions(self, item):
        return [each["action"] for each in item["recommendations"]]

    def test_low_execution_two_years_running(self):
        for year in (2025, 2026):
            final_record(self.projects["a1"], year, "69.99")
            final_record(self.projects["a2"], year, "70")
        final_record(self.projects["b1"], 2026, "10")  # one year only
        items = self.run_year()
        self.assertEqual(self.actions(items["A-001"]), ["key_evaluation_scope"])
        self.assertEqual(
            items["A-001"]["facts"]["final_execution_rates"],
            {"2025": "69.99", "2026": "69.99"},
        )
        self.assertIn("2027", items["A-001"]["recommendations"][0]["reason"])
        self.assertEqual(self.actions(items["A-002"]), [])
        self.assertEqual(self.actions(items["B-001"]), [])
        proposals = items["A-001"]["negative_list_proposals"]
        self.assertEqual([p["reason"] for p in proposals], ["execution_below_standard"])
        self.assertEqual(proposals[0]["entry_state"], "proposed")

    def test_only_the_final_round_counts(self):
        created, existing = create_year_rounds(2025)
        first = min(created, key=lambda each: each.round_number)
        api.content.create(
            container=first,
            type="MonitoringRecord",
            id="early",
            project=relation_to(self.projects["a1"]),
            budget_amount=Decimal("100"),
            executed_amount=Decimal("10"),
        )
        final_record(self.projects["a1"], 2026, "10")
        items = self.run_year()
        self.assertEqual(self.actions(items["A-001"]), [])

    def test_key_evaluation_grades_and_findings(self):
        for key, score in (("a1", "90"), ("a2", "79.99"), ("b1", "59.99")):
            report = create_report(self.projects[key], id=f"key-{key}", score=score)
            do(report, "submit", "approve")
        draft = create_report(self.projects["w1"], id="draft-w1", score="10")
        draft.ineffective = True
        items = self.run_year()
        self.assertEqual(self.actions(items["A-001"]), ["priority"])
        self.assertEqual(self.actions(items["A-002"]), ["improve"])
        self.assertEqual(self.actions(items["B-001"]), ["cut_or_cancel"])
        self.assertEqual(self.actions(items["W-001"]), [])  # drafts do not count
        self.assertIn("优", items["A-001"]["recommendations"][0]["reason"])

    def test_the_offices_findings_count_once_it_approved_the_report(self):
        # marked on a unit's self-evaluation, after reviewing it
        marked = create_report(
            self.projects["a1"],
            id="self-a1",
            kind="self",
            overlapping_or_fragmented=True,
            funds_idle_months=24,
        )
        # marked on a draft key evaluation: not yet
        create_report(
            self.projects["a2"], id="key-a2", goals_unclear=True, funds_idle_months=30
        )
        items = self.run_year()
        self.assertEqual(self.actions(items["A-001"]), [])
        self.assertEqual(self.actions(items["A-002"]), [])
        do(marked, "submit", "approve")
        items = self.run_year()
        self.assertEqual(
            sorted(self.actions(items["A-001"])), ["adjust_or_merge", "recover_funds"]
        )
        self.assertTrue(items["A-001"]["facts"]["overlapping_or_fragmented"])
        self.assertEqual(items["A-001"]["facts"]["funds_idle_months"], 24)
        self.assertEqual(self.actions(items["A-002"]), [])

    def test_poor_evaluation_with_inadequate_rectification_past_deadline(self):
        report = create_report(self.projects["b1"], id="key-b1", score="50")
        api.content.create(
            container=report,
            type="RectificationItem",
            id="i1",
            problem="问题",
            deadline=datetime.date(2027, 3, 31),
        )
        do(report, "submit", "approve", "feed_back")
        before = self.run_year(as_of=datetime.date(2027, 3, 31))
        self.assertEqual(before["B-001"]["negative_list_proposals"], [])
        after = self.run_year(as_of=datetime.date(2027, 4, 1))
        proposals = after["B-001"]["negative_list_proposals"]
        self.assertEqual(
            [p["reason"] for p in proposals],
            ["poor_evaluation_inadequate_rectification"],
        )
        entry = api.content.get(UID=proposals[0]["entry"])
        self.assertEqual(target_uid(entry.source), report.UID())

    def test_serious_monitoring_problem_until_rectified(self):
        record = final_record(self.projects["a1"], 2026, "90", severity="serious")
        items = self.run_year()
        self.assertEqual(self.actions(items["A-001"]), ["suspend_funding"])
        item = api.content.create(
            container=self.folder,
            type="RectificationItem",
            id="m1",
            problem="资金挪用",
            monitoring_record=relation_to(record),
        )
        self.assertEqual(item.budget_unit, "unit-a")
        self.assertEqual(item.source_uid, record.UID())
        item.measures = "已追回"
        do(item, "open", "submit", "accept")
        items = self.run_year()
        self.assertEqual(self.actions(items["A-001"]), [])
        reasons = [p["reason"] for p in items["A-001"]["negative_list_proposals"]]
        self.assertEqual(reasons, ["serious_monitoring_problem"])

    def test_run_twice_proposes_once_and_office_confirms(self):
        for year in (2025, 2026):
            final_record(self.projects["a1"], year, "50")
        self.run_year()
        self.run_year()
        entries = api.content.find(portal_type="NegativeListEntry")
        self.assertEqual(len(entries), 1)
        entry = entries[0].getObject()
        do(entry, "confirm")
        self.assertEqual(api.content.get_state(entry), "listed")
        self.assertEqual(self.folder.result_runs[2026]["year"], 2026)

    def test_missing_self_evaluations(self):
        from changde.perfmgmt.evaluation.self_evaluations import (
            missing_self_evaluations,
        )

        # a draft is started, not done; a submitted one is done
        create_report(self.projects["a1"], id="self-a1", kind="self", score=None)
        do(
            create_report(self.projects["b1"], id="self-b1", kind="self"),
            "submit",
        )
        missing = {
            item["project_code"]: item["status"]
            for item in missing_self_evaluations(2026)
        }
        self.assertEqual(
            missing,
            {"A-001": "started", "A-002": "not_started", "W-001": "not_started"},
        )


class TestResultApplicationRest(RestTestCase):
    def setUp(self):
        super().setUp()
        for year in (2025, 2026):
            final_record(self.projects["a1"], year, "69.99")
        transaction.commit()

    def test_run_read_and_export(self):
        url = f"{self.folder_url}/@result-application"
        response = self.call("POST", url, json={"year": 2026})
        self.assertEqual(response.status_code, 200, response.text)
        body = response.json()
        self.assertEqual(body["items_total"], 4)
        response = self.call(
            "GET", f"{url}?year=2026&action=key_evaluation_scope", language="en"
        )
        self.assertEqual(response.status_code, 200, response.text)
        items = response.json()["items"]
        self.assertEqual([item["project_code"] for item in items], ["A-001"])
        self.assertEqual(
            items[0]["recommendations"][0]["action_title"], "纳入重点评价范围"
        )
        export = self.call(
            "GET", f"{self.folder_url}/@result-application-export?year=2026"
        )
        self.assertEqual(export.status_code, 200)
        sheet = load_workbook(io.BytesIO(export.content)).active
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(rows[0][0], "项目编码")
        self.assertIn("纳入重点评价范围", [row[7] for row in rows])

    def test_bad_year_writes_nothing(self):
        url = f"{self.folder_url}/@result-application"
        response = self.call("POST", url, json={"year": "later"})
        self.assertEqual(response.status_code, 400, response.text)
        self.assertEqual(response.json()["error"]["errors"][0]["field"], "year")
        self.assertEqual(self.call("GET", f"{url}?year=2026").status_code, 404)

    def test_only_the_office_runs_it(self):
        url = f"{self.folder_url}/@result-application"
        for user in (None, UNIT_A_USER):
            response = self.call("POST", url, user=user, json={"year": 2026})
            self.assertIn(response.status_code, (401, 403), user)
            response = self.call(
                "GET",
                f"{self.folder_url}/@missing-self-evaluations?year=2026",
                user=user,
            )
            self.assertIn(response.status_code, (401, 403), user)

    def test_missing_self_evaluations(self):
        response = self.call(
            "GET", f"{self.folder_url}/@missing-self-evaluations?year=2026"
        )
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(response.json()["items_total"], 4)
