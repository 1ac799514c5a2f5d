"""A request's import is written in batches of rows, one transaction each
(importer.write_in_batches): a batch that meets a write conflict is written
again, a record its unit submitted while the import ran is skipped and
named, and nothing is written twice (functional: it commits)."""

import unittest
from unittest import mock

import transaction
from plone import api
from tests.monitoring.base import set_up_city
from ZODB.POSException import ConflictError

from changde.perfmgmt.monitoring import importer
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING


class TestWriteInBatches(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.city, self.projects, self.rounds = set_up_city(self.portal)
        self.round = self.rounds[0]
        transaction.commit()

    def uid(self, key):
        return api.content.get_uuid(self.projects[key])

    def rows(self, executed):
        return [
            {"project_code": code, "budget_amount": 1000, "executed_amount": executed}
            for code in ("A-001", "A-002", "B-001")
        ]

    def plans(self, executed):
        plans, problems = importer.check_rows(self.round, self.rows(executed))
        self.assertEqual(problems, [])
        return plans

    def executed(self, key):
        return self.round[self.uid(key)].executed_amount

    def test_rows_are_written_in_batches_each_committed(self):
        seen, notes = [], []
        real_commit = transaction.commit

        def commit():
            notes.append(transaction.get().description)
            real_commit()

        with mock.patch.object(importer.transaction, "commit", commit):
            results, skipped = importer.write_in_batches(
                self.round,
                self.plans(300),
                on_progress=lambda *progress: seen.append(progress),
                batch_rows=2,
            )
        self.assertEqual(skipped, [])
        self.assertEqual([r["action"] for r in results], ["created"] * 3)
        self.assertEqual(seen, [("writing", 2, 3), ("writing", 3, 3)])
        self.assertEqual(len(notes), 2)
        self.assertTrue(notes[0].endswith("import rows 1-2 of 3"), notes)
        self.assertTrue(notes[1].endswith("import rows 3-3 of 3"), notes)
        # sent again: updated, never doubled
        results, skipped = importer.write_in_batches(self.round, self.plans(400))
        self.assertEqual([r["action"] for r in results], ["updated"] * 3)
        self.assertEqual(len(self.round.objectIds()), 3)
        self.assertEqual(self.executed("b1"), 400)

    def test_a_batch_that_meets_a_conflict_is_written_again(self):
        apply_rows = importer.apply_rows
        calls = []

        def conflicting_once(monitoring_round, plans, on_progress=None):
            calls.append(len(plans))
            results = apply_rows(monitoring_round, plans)
            if len(calls) == 1:
                raise ConflictError("another writer committed first")
            return results

        with mock.patch.object(importer, "apply_rows", conflicting_once):
            results, skipped = importer.write_in_batches(
                self.round, self.plans(300), batch_rows=2, pause=0
            )
        self.assertEqual(calls, [2, 2, 1])
        self.assertEqual([r["action"] for r in results], ["created"] * 3)
        self.assertEqual(len(self.round.objectIds()), 3)
        self.assertEqual(self.executed("a1"), 300)

    def test_a_batch_that_keeps_conflicting_gives_up_with_nothing_of_it_written(self):
        def always_conflicting(monitoring_round, plans, on_progress=None):
            raise ConflictError("another writer committed first")

        with (
            mock.patch.object(importer, "apply_rows", always_conflicting),
            self.assertRaises(ConflictError),
        ):
            importer.write_in_batches(self.round, self.plans(300), attempts=3, pause=0)
        self.assertEqual(self.round.objectIds(), [])

    def test_a_record_submitted_while_the_import_ran_is_skipped(self):
        importer.write_in_batches(self.round, self.plans(300))
        plans = self.plans(900)
        # the unit submits its record after the check, before the write
        api.content.transition(self.round[self.uid("a2")], "submit")
        transaction.commit()
        results, skipped = importer.write_in_batches(self.round, plans)
        self.assertEqual(
            [(p.row, p.violation.field, p.violation.code) for p in skipped],
            [(2, "project_code", "monitoring_record_locked")],
        )
        self.assertEqual(len(results), 2)
        self.assertEqual(self.executed("a1"), 900)
        self.assertEqual(self.executed("a2"), 300)
        self.assertEqual(self.executed("b1"), 900)
