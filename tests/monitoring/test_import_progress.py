"""The in-process progress of a running import (plain unit tests)."""

import unittest
from unittest import mock

from changde.perfmgmt.monitoring import import_progress


class TestImportProgress(unittest.TestCase):
    def test_reports_every_step_and_the_last_row(self):
        callback = import_progress.reporter("token-a")
        callback("checking", 1, 120)
        self.assertIsNone(import_progress.progress_of("token-a"))
        callback("checking", 50, 120)
        self.assertEqual(
            import_progress.progress_of("token-a"),
            {"phase": "checking", "done": 50, "total": 120},
        )
        callback("writing", 120, 120)
        self.assertEqual(import_progress.progress_of("token-a")["done"], 120)

    def test_no_token_no_reporting(self):
        self.assertIsNone(import_progress.reporter(None))
        import_progress.report(None, "done", 1, 1)
        self.assertIsNone(import_progress.progress_of(None))

    def test_old_entries_are_forgotten(self):
        with mock.patch.object(import_progress.time, "monotonic", return_value=0):
            import_progress.report("old", "done", 1, 1)
        later = import_progress.KEEP_SECONDS + 1
        with mock.patch.object(import_progress.time, "monotonic", return_value=later):
            import_progress.report("new", "done", 1, 1)
        self.assertIsNone(import_progress.progress_of("old"))
        self.assertIsNotNone(import_progress.progress_of("new"))
