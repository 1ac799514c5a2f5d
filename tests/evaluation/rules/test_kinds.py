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
from changde.perfmgmt.evaluation.rules.rectification import RECTIFICATION_STATUS_LABELS
from changde.perfmgmt.evaluation.rules.rectification import RECTIFICATION_STATUSES


class VocabularyTests(unittest.TestCase):
    def test_ids(self):
        self.assertEqual(EVALUATION_KINDS, ("self", "key", "pre", "unit_overall"))
        self.assertEqual(GRADES, ("excellent", "good", "average", "poor"))
        self.assertEqual(
            [GRADE_LABELS[grade] for grade in GRADES],
            ["优", "良", "中", "差"],
        )
        self.assertEqual(
            RECTIFICATION_STATUSES, ("open", "submitted", "accepted", "reopened")
        )
        self.assertEqual(
            NEGATIVE_LIST_REASONS,
            (
                "unclear_goals",
                "execution_below_standard",
                "incomplete_systems",
                "poor_evaluation_inadequate_rectification",
                "serious_monitoring_problem",
                "other",
            ),
        )

    def test_every_id_has_a_label(self):
        for ids, labels in (
            (EVALUATION_KINDS, EVALUATION_KIND_LABELS),
            (GRADES, GRADE_LABELS),
            (RECTIFICATION_STATUSES, RECTIFICATION_STATUS_LABELS),
            (ACTIONS, ACTION_LABELS),
            (NEGATIVE_LIST_REASONS, NEGATIVE_LIST_REASON_LABELS),
        ):
            self.assertEqual(set(ids), set(labels))
