"""Tests of changde.perfmgmt.evaluation.rules.kinds (plain unittest, no Zope)."""

import unittest

from changde.perfmgmt.evaluation.rules.application import ACTION_LABELS
from changde.perfmgmt.evaluation.rules.application import ACTIONS
from changde.perfmgmt.evaluation.rules.grades import GRADE_LABELS
from changde.perfmgmt.evaluation.rules.grades import GRADES
from changde.perfmgmt.evaluation.rules.kinds import EVALUATION_KIND_LABELS
from changde.perfmgmt.evaluation.rules.kinds import EVALUATION_KINDS
from changde.perfmgmt.evaluation.rules.kinds import kind_counts
from changde.perfmgmt.evaluation.rules.negative_list import NEGATIVE_LIST_REASON_LABELS
from changde.perfmgmt.evaluation.rules.negative_list import NEGATIVE_LIST_REASONS


class VocabularyTests(unittest.TestCase):
    """Every id of a vocabulary of the rules has its label."""

    def test_every_id_has_a_label(self):
        for ids, labels in (
            (EVALUATION_KINDS, EVALUATION_KIND_LABELS),
            (GRADES, GRADE_LABELS),
            (ACTIONS, ACTION_LABELS),
            (NEGATIVE_LIST_REASONS, NEGATIVE_LIST_REASON_LABELS),
        ):
            self.assertEqual(set(ids), set(labels))


class KindCountsTests(unittest.TestCase):
    def test_every_kind_in_order(self):
        self.assertEqual(
            kind_counts(["key", "self", "key", "unknown", None]),
            {"self": 1, "key": 2, "pre": 0, "unit_overall": 0},
        )
        self.assertEqual(list(kind_counts([])), list(EVALUATION_KINDS))
