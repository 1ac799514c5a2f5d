"""Shared by the views of monitoring: the permission they check and the
labels of flags, severities, states and focus items."""

from plone import api
from zope.i18n import translate

from changde.perfmgmt.core.browser.money import display_amount
from changde.perfmgmt.core.browser.money import money_unit_label
from changde.perfmgmt.core.workflows import state_label
from changde.perfmgmt.monitoring.vocabularies import FLAG_TITLES
from changde.perfmgmt.monitoring.vocabularies import FOCUS_TITLES
from changde.perfmgmt.monitoring.vocabularies import RECORD_WORKFLOW
from changde.perfmgmt.monitoring.vocabularies import SEVERITY_TITLES
from changde.perfmgmt.monitoring.vocabularies import STATUS_TITLES

MANAGE = "changde.perfmgmt: Manage monitoring"


class LabelsMixin:
    def amount(self, value):
        """An amount in the office's unit (元 or 万元), for a column whose
        header names the unit."""
        return display_amount(value)

    def money_unit_label(self):
        return money_unit_label(request=self.request)

    def label(self, titles, value):
        title = titles.get(value)
        return translate(title, context=self.request) if title else (value or "")

    def flag_label(self, flag):
        return self.label(FLAG_TITLES, flag)

    def severity_label(self, severity):
        return self.label(SEVERITY_TITLES, severity)

    def state_label(self, state):
        return state_label(RECORD_WORKFLOW, state, self.request)

    def status_label(self, status):
        return self.label(STATUS_TITLES, status)

    def focus_label(self, item):
        return self.label(FOCUS_TITLES, item)

    def can_manage(self):
        return api.user.has_permission(MANAGE, obj=self.context)

    def message(self, text, kind="info"):
        api.portal.show_message(
            translate(text, context=self.request), request=self.request, type=kind
        )
