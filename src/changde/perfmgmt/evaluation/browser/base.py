"""Shared by the views of evaluation: the permission they check, the workflows
whose state titles they show, labels."""

from AccessControl import Unauthorized
from Missing import MV
from plone import api
from zope.i18n import translate

from changde.perfmgmt.core.workflows import state_label
from changde.perfmgmt.evaluation.vocabularies import ACTION_TITLES
from changde.perfmgmt.evaluation.vocabularies import GRADE_TITLES
from changde.perfmgmt.evaluation.vocabularies import KIND_TITLES
from changde.perfmgmt.evaluation.vocabularies import REASON_TITLES
from changde.perfmgmt.evaluation.vocabularies import RULE_TITLES
from changde.perfmgmt.i18n import _

MANAGE = "changde.perfmgmt: Manage evaluation"


#: The workflows whose state titles the pages show.
REPORT_WORKFLOW = "perfmgmt_evaluation_report_workflow"
ENTRY_WORKFLOW = "perfmgmt_negative_list_workflow"
ITEM_WORKFLOW = "perfmgmt_rectification_workflow"


TARGET_KIND_TITLES = {
    "project": _("negative_target_project", default="项目"),
    "unit": _("negative_target_unit", default="单位"),
}


class Labels:
    """Translated labels and the office's permission."""

    def label(self, titles, value):
        title = titles.get(value)
        return translate(title, context=self.request) if title else (value or "")

    def kind_label(self, kind):
        return self.label(KIND_TITLES, kind)

    def grade_label(self, grade):
        return self.label(GRADE_TITLES, grade)

    def report_state_label(self, state):
        return state_label(REPORT_WORKFLOW, state, self.request)

    def entry_state_label(self, state):
        return state_label(ENTRY_WORKFLOW, state, self.request)

    def item_state_label(self, state):
        return state_label(ITEM_WORKFLOW, state, self.request)

    def reason_label(self, reason):
        return self.label(REASON_TITLES, reason)

    def rule_label(self, rule):
        return self.label(RULE_TITLES, rule)

    def action_label(self, action):
        return self.label(ACTION_TITLES, action)

    def target_kind_label(self, kind):
        return self.label(TARGET_KIND_TITLES, kind)

    def can_manage(self):
        return api.user.has_permission(MANAGE, obj=self.context)

    def folder_url(self):
        return self.context.absolute_url()

    def message(self, text, kind="info"):
        api.portal.show_message(
            translate(text, context=self.request), request=self.request, type=kind
        )

    def refuse_anonymous(self):
        if api.user.is_anonymous():
            raise Unauthorized("Log in to see this page.")


def _meta(value):
    """Catalog metadata without ``Missing.Value``."""
    return None if value is None or value is MV else value
