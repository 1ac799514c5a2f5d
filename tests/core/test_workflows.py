"""Workflow state titles come from the workflow definitions, in the reader's
language, for pages and for the parameters of messages (integration)."""

import unittest

from zope.i18n import translate

from changde.perfmgmt.core.messages import violation_message
from changde.perfmgmt.core.rules.violations import Violation
from changde.perfmgmt.core.workflows import StateTitles
from changde.perfmgmt.core.workflows import state_title
from changde.perfmgmt.core.workflows import state_titles
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING

REPORT = "perfmgmt_evaluation_report_workflow"
ITEM = "perfmgmt_rectification_workflow"


def zh(message):
    return translate(message, target_language="zh_CN")


class TestStateTitles(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def test_the_states_in_the_order_of_the_definition(self):
        self.assertEqual(
            list(state_titles(REPORT)),
            ["draft", "internal_review", "approved", "fed_back", "published"],
        )

    def test_titles_translated_like_the_pages_show_them(self):
        titles = {state: zh(title) for state, title in state_titles(REPORT).items()}
        self.assertEqual(titles["approved"], "市政府已批准")
        self.assertEqual(zh(state_title(ITEM, "open")), "待整改")
        self.assertEqual(zh(state_title(ITEM, "reopened")), "退回重改")
        self.assertEqual(
            translate(state_title(ITEM, "open"), target_language="en"),
            "Awaiting rectification",
        )

    def test_unknown_workflow_or_state(self):
        self.assertEqual(state_titles("no_such_workflow"), {})
        self.assertIsNone(state_title(REPORT, "no_such_state"))

    def test_a_message_names_the_state_by_its_title(self):
        violation = Violation(
            code="monitoring_record_locked",
            default="The record is ${state}.",
            field="project",
            params={"state": "submitted"},
        )
        self.assertEqual(
            StateTitles("perfmgmt_monitoring_record_workflow").get("submitted"),
            "Submitted",
        )
        self.assertIn("已提交", zh(violation_message(violation)))
