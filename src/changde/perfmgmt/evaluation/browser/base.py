"""Shared by the views of evaluation: the permission they check, the titles
of states and target kinds, labels."""

from AccessControl import Unauthorized
from Missing import MV
from plone import api
from zope.i18n import translate

from changde.perfmgmt.evaluation.vocabularies import ACTION_TITLES
from changde.perfmgmt.evaluation.vocabularies import GRADE_TITLES
from changde.perfmgmt.evaluation.vocabularies import KIND_TITLES
from changde.perfmgmt.evaluation.vocabularies import REASON_TITLES
from changde.perfmgmt.i18n import _

MANAGE = "changde.perfmgmt: Manage evaluation"


REPORT_STATE_TITLES = {
    "draft": _("eval_report_state_draft", default="草稿"),
    "internal_review": _("eval_report_state_internal_review", default="内部点评"),
    "approved": _("eval_report_state_approved", default="市政府已批准"),
    "fed_back": _("eval_report_state_fed_back", default="已反馈"),
    "published": _("eval_report_state_published", default="已公开"),
}


ENTRY_STATE_TITLES = {
    "proposed": _("negative_state_proposed", default="拟列入"),
    "listed": _("negative_state_listed", default="已列入"),
    "released": _("negative_state_released", default="已移出"),
    "rejected": _("negative_state_rejected", default="不予列入"),
}


ITEM_STATE_TITLES = {
    "open": _("rectification_state_open", default="待整改"),
    "submitted": _("rectification_state_submitted", default="已提交"),
    "accepted": _("rectification_state_accepted", default="已验收"),
    "reopened": _("rectification_state_reopened", default="退回重改"),
}


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
        return self.label(REPORT_STATE_TITLES, state)

    def entry_state_label(self, state):
        return self.label(ENTRY_STATE_TITLES, state)

    def item_state_label(self, state):
        return self.label(ITEM_STATE_TITLES, state)

    def reason_label(self, reason):
        return self.label(REASON_TITLES, reason)

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
