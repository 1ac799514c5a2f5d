"""The batch import against what the round holds (integration): submitted and
confirmed records are not overwritten (the whole batch writes nothing), an
id held by something else is a row error, updates leave a trace (modified
date, change log) and reindex only what they change; focus answers."""

import unittest
from unittest import mock

from DateTime import DateTime
from plone import api
from plone.app.testing import TEST_USER_ID
from tests.monitoring.base import set_up_city

from changde.perfmgmt.core.relations import relation_to
from changde.perfmgmt.monitoring import importer
from changde.perfmgmt.monitoring.content.monitoring_record import MonitoringRecord
from changde.perfmgmt.monitoring.rounds import prepare_records
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING


class TestImportAgainstTheRound(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.city, self.projects, self.rounds = set_up_city(self.portal)
        self.round = self.rounds[0]
        self.workflow = api.portal.get_tool("portal_workflow")

    def uid(self, key):
        return api.content.get_uuid(self.projects[key])

    def run_batch(self, rows):
        plans, problems = importer.check_rows(self.round, rows)
        if problems:
            return None, problems
        return importer.apply_rows(self.round, plans), []

    def rows(self, executed=300):
        return [
            {
                "project_code": "A-001",
                "budget_amount": 1000,
                "executed_amount": executed,
            },
            {
                "project_code": "A-002",
                "budget_amount": 1000,
                "executed_amount": executed,
            },
        ]

    def test_submitted_and_confirmed_records_are_refused_whole(self):
        self.run_batch(self.rows())
        a1 = self.round[self.uid("a1")]
        a2 = self.round[self.uid("a2")]
        self.workflow.doActionFor(a1, "submit")
        self.workflow.doActionFor(a2, "submit")
        self.workflow.doActionFor(a2, "confirm")
        rows = self.rows(900) + [
            {"project_code": "B-001", "budget_amount": 10, "executed_amount": 5}
        ]
        results, problems = self.run_batch(rows)
        self.assertIsNone(results)
        self.assertEqual(
            [(p.row, p.violation.field, p.violation.code) for p in problems],
            [
                (1, "project_code", "monitoring_record_locked"),
                (2, "project_code", "monitoring_record_locked"),
            ],
        )
        self.assertEqual(problems[1].violation.params["state"], "confirmed")
        self.assertEqual(a1.executed_amount, 300)
        self.assertNotIn(self.uid("b1"), self.round)
        # returned to the unit, the record takes the batch again
        self.workflow.doActionFor(a1, "return")
        results, problems = self.run_batch(self.rows(900)[:1])
        self.assertEqual(problems, [])
        self.assertEqual(a1.executed_amount, 900)

    def test_the_message_names_the_state_in_chinese(self):
        from zope.i18n import translate

        from changde.perfmgmt.core.messages import violation_message

        self.run_batch(self.rows())
        self.workflow.doActionFor(self.round[self.uid("a1")], "submit")
        _results, problems = self.run_batch(self.rows()[:1])
        text = translate(
            violation_message(problems[0].violation), target_language="zh_CN"
        )
        self.assertEqual(text, "该记录已提交：已提交/已确认的记录须先退回。")

    def test_an_id_held_by_another_record_is_a_row_error(self):
        # a record of a1 that sits under a2's UID (as a re-pointed record would)
        api.content.create(
            container=self.round,
            type="MonitoringRecord",
            id=self.uid("a2"),
            project=relation_to(self.uid("a1")),
        )
        results, problems = self.run_batch(self.rows())
        self.assertIsNone(results)
        self.assertEqual(
            [(p.row, p.violation.code) for p in problems],
            [(2, "monitoring_record_id_in_use")],
        )
        # prepare_records leaves it alone too (no crash)
        created = prepare_records(self.round)
        self.assertNotIn(self.uid("a2"), [record.getId() for record in created])

    def test_an_update_leaves_a_trace_and_reindexes_what_it_changes(self):
        self.run_batch(self.rows())
        record = self.round[self.uid("a1")]
        before = record.modified()
        record.setModificationDate(DateTime("2026/01/01"))
        record.reindexObject(idxs=["modified"])
        original = MonitoringRecord.reindexObject
        calls = []

        def spy(obj, idxs=None):
            calls.append(tuple(idxs or ()))
            return original(obj, idxs=idxs or [])

        with mock.patch.object(MonitoringRecord, "reindexObject", spy):
            results, problems = self.run_batch(
                [
                    {
                        "project_code": "A-001",
                        "budget_amount": 1000,
                        "executed_amount": 700,
                        "severity": "minor",
                    },
                    # unchanged: nothing written
                    {
                        "project_code": "A-002",
                        "budget_amount": 1000,
                        "executed_amount": 300,
                    },
                ]
            )
        self.assertEqual(problems, [])
        self.assertEqual(results[0]["changed"], ["executed_amount", "severity"])
        self.assertEqual(results[1]["changed"], [])
        self.assertEqual(len(calls), 1)
        self.assertNotIn("SearchableText", calls[0])
        self.assertIn("execution_rate", calls[0])
        self.assertGreater(record.modified(), DateTime("2026/01/02"))
        self.assertGreaterEqual(record.modified(), before)
        entry = record.change_log[-1]
        self.assertEqual(entry["source"], "import")
        self.assertEqual(entry["actor"], TEST_USER_ID)
        self.assertEqual(
            entry["changes"],
            [
                {"field": "executed_amount", "before": "300", "after": "700"},
                {"field": "severity", "before": "none", "after": "minor"},
            ],
        )
        brain = api.content.find(UID=api.content.get_uuid(record))[0]
        self.assertEqual(brain.execution_rate, 70.0)
        self.assertEqual(brain.severity, "minor")
        self.assertEqual(brain.modified, record.modified())

    def test_focus_answers_in_a_batch(self):
        rows = [
            {
                "project_code": "A-001",
                "budget_amount": 1,
                "executed_amount": 1,
                "focus_answers": {"soundness": " 合理 ", "fund_safety": ""},
            },
            {
                "project_code": "A-002",
                "budget_amount": 1,
                "executed_amount": 1,
                "focus_answers": {"completeness": "完整"},
            },
        ]
        results, problems = self.run_batch(rows)
        self.assertEqual(
            [(p.row, p.violation.field, p.violation.code) for p in problems],
            [(2, "focus_answers.completeness", "monitoring_focus_not_in_round")],
        )
        results, problems = self.run_batch(rows[:1])
        self.assertEqual(problems, [])
        record = self.round[self.uid("a1")]
        self.assertEqual(record.focus_answers, {"soundness": "合理"})
        # a later batch adds an answer and keeps the others
        rows[0]["focus_answers"] = {"fund_safety": "安全"}
        self.run_batch(rows[:1])
        self.assertEqual(
            record.focus_answers, {"soundness": "合理", "fund_safety": "安全"}
        )
        brain = api.content.find(UID=api.content.get_uuid(record))[0]
        self.assertEqual(brain.focus_answers["fund_safety"], "安全")
