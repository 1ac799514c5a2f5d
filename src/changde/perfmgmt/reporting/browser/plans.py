"""The work plan's page (every measure with its leader, lead office and
status, linking to the module that carries it out), a measure's page with
its progress notes, and copying a plan to the next year."""

import datetime

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zope.i18n import translate

from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.i18n import _
from changde.perfmgmt.reporting.plans import copy_plan
from changde.perfmgmt.reporting.plans import measure_row
from changde.perfmgmt.reporting.rules import measures as rules
from changde.perfmgmt.reporting.vocabularies import STATUS_TITLES

#: the Bootstrap colours of a status badge
BADGES = {
    "not_started": "text-bg-light border",
    "in_progress": "text-bg-primary",
    "done": "text-bg-success",
    "delayed": "text-bg-danger",
}


class PlanView(BrowserView):
    def badge(self, status):
        return BADGES.get(status, "text-bg-light border")

    def may_manage(self):
        return api.user.has_permission(
            "changde.perfmgmt: Manage reporting", obj=self.context
        )

    def rows(self):
        return [
            measure_row(measure, self.request) for measure in self.context.measures()
        ]

    def counts(self):
        counts = rules.status_counts(m.status for m in self.context.measures())
        return [
            {
                "id": status,
                "title": translate(STATUS_TITLES[status], context=self.request),
                "count": count,
            }
            for status, count in counts.items()
        ]

    def next_year(self):
        return (self.context.year or datetime.date.today().year) + 1


class CopyToNextYear(BrowserView):
    """POST: copy the plan and its measures to the next year."""

    def __call__(self):
        if self.request.method != "POST":
            return self.request.response.redirect(self.context.absolute_url())
        CheckAuthenticator(self.request)
        plan, violations = copy_plan(self.context)
        if violations:
            api.portal.show_message(
                " ".join(translate_violation(v, self.request) for v in violations),
                request=self.request,
                type="error",
            )
            return self.request.response.redirect(self.context.absolute_url())
        api.portal.show_message(
            _(
                "plan_copied",
                default="已复制为 ${year} 年度工作方案,各项措施状态重置为“未启动”。",
                mapping={"year": plan.year},
            ),
            request=self.request,
        )
        return self.request.response.redirect(plan.absolute_url())


class MeasureView(BrowserView):
    def row(self):
        return measure_row(self.context, self.request)

    def statuses(self):
        return [
            {
                "id": status,
                "title": translate(STATUS_TITLES[status], context=self.request),
            }
            for status in rules.STATUSES
        ]

    def may_edit(self):
        return api.user.has_permission("Modify portal content", obj=self.context)

    def today(self):
        from changde.perfmgmt.core.rules.clock import today_in_china

        return today_in_china().isoformat()


class AddProgressNote(BrowserView):
    """POST date, text, evidence (one link a line): a dated progress note."""

    def __call__(self):
        if self.request.method != "POST":
            return self.request.response.redirect(self.context.absolute_url())
        CheckAuthenticator(self.request)
        form = self.request.form
        row = {
            "date": form.get("date"),
            "text": form.get("text"),
            "evidence": (form.get("evidence") or "").splitlines(),
        }
        existing = list(self.context.progress_notes or [])
        notes, violations = rules.parse_progress_notes([row, *existing])
        if violations:
            api.portal.show_message(
                " ".join(translate_violation(v, self.request) for v in violations),
                request=self.request,
                type="error",
            )
            return self.request.response.redirect(self.context.absolute_url())
        self.context.progress_notes = [note.as_dict() for note in notes]
        status = form.get("status")
        if status in rules.STATUSES:
            self.context.status = status
        self.context.reindexObject()
        api.portal.show_message(
            _("progress_note_added", default="进展记录已保存。"), request=self.request
        )
        return self.request.response.redirect(self.context.absolute_url())
