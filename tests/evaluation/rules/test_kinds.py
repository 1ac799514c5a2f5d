"""Tests of changde.perfmgmt.evaluation.rules.kinds (plain unittest, no Zope)."""

import unittest

from changde.perfmgmt.evaluation.rules.application import ACTION_LABELS
from changde.perfmgmt.evaluation.rules.application import ACTIONS
from changde.perfmgmt.evaluation.rules.grades import GRADE_LABELS
from changde.perfmgmt.evaluation.rules.grades import GRADES
from changde.perfmgmt.evaluation.rules.kinds import EVALUATION_KIND_LABELS
from changde.perfmgmt.evaluation.rules.kinds import EVALUATION_KINDS
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
