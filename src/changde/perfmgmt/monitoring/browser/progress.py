"""The pages of a monitoring record that replace typing JSON:

- ``@@indicator-progress`` (指标进度): one row per indicator of the project —
  actual value so far, on track or not, the cause of a deviation and the
  corrective measure. Each row is checked by :func:`rules.validate_progress_row`,
  the rule the REST import and PATCH use; one bad row refuses the whole form
  and nothing is written. Saved rows are merged into the record
  (:func:`rules.merge_progress`).
- ``@@focus-answers`` (监控重点): one answer per focus item of the round,
  checked by :func:`rules.validate_focus_answers` (as over REST).

Both tell the change log what they changed (a modified event naming the
field).
"""

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zope.event import notify
from zope.i18n import translate
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import ObjectModifiedEvent

from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.i18n import _
from changde.perfmgmt.monitoring.content.monitoring_record import IMonitoringRecord
from changde.perfmgmt.monitoring.records import project_of
from changde.perfmgmt.monitoring.rules.focus import clean_focus_answers
from changde.perfmgmt.monitoring.rules.focus import validate_focus_answers
from changde.perfmgmt.monitoring.rules.progress import merge_progress
from changde.perfmgmt.monitoring.rules.progress import validate_progress_row
from changde.perfmgmt.monitoring.vocabularies import FOCUS_TITLES


class IndicatorProgressView(BrowserView):
    errors = None

    def __call__(self):
        if self.request.method == "POST" and self.request.form.get("form.submitted"):
            CheckAuthenticator(self.request)
            if self.save():
                api.portal.show_message(
                    _("progress_saved", default="指标进度已保存。"),
                    request=self.request,
                )
                return self.request.response.redirect(self.context.absolute_url())
        return self.index()

    def indicators(self):
        """The project's indicators (catalog brains, in folder order)."""
        project = project_of(self.context)
        if project is None:
            return []
        catalog = api.portal.get_tool("portal_catalog")
        return catalog.unrestrictedSearchResults(
            portal_type="Indicator",
            path={"query": "/".join(project.getPhysicalPath()), "depth": 1},
            sort_on="getObjPositionInParent",
        )

    def rows(self):
        """One dict per indicator: what is saved (or was just typed)."""
        saved = {
            row.get("indicator"): row for row in self.context.indicator_progress or ()
        }
        answer = []
        for index, brain in enumerate(self.indicators()):
            row = dict(saved.get(brain.UID, {}))
            if self.errors is not None:  # show what was typed, not what is saved
                row.update(self.typed(index, brain))
            on_track = row.get("on_track")
            answer.append(
                {
                    "index": index,
                    "uid": brain.UID,
                    "title": brain.Title,
                    "target_value": row.get("target_value") or brain.target_value,
                    "actual_value": row.get("actual_value") or "",
                    "on_track": ""
                    if on_track is None
                    else ("yes" if on_track else "no"),
                    "deviation_cause": row.get("deviation_cause") or "",
                    "corrective_measure": row.get("corrective_measure") or "",
                    "errors": (self.errors or {}).get(index, []),
                }
            )
        return answer

    def typed(self, index, brain):
        form = self.request.form

        def text(name):
            value = (form.get(f"{name}_{index}") or "").strip()
            return value or None

        on_track = form.get(f"on_track_{index}")
        return {
            "indicator": brain.UID,
            "title": brain.Title,
            "actual_value": text("actual_value"),
            "on_track": {"yes": True, "no": False}.get(on_track),
            "deviation_cause": text("deviation_cause"),
            "corrective_measure": text("corrective_measure"),
        }

    def save(self):
        updates, errors = [], {}
        for index, brain in enumerate(self.indicators()):
            row = self.typed(index, brain)
            violations = validate_progress_row(row, prefix=f"indicators[{index}]")
            if violations:
                errors[index] = [
                    translate_violation(v, self.request) for v in violations
                ]
            updates.append(row)
        if errors:
            self.errors = errors
            return False
        merged = merge_progress(self.context.indicator_progress or [], updates)
        if merged != (self.context.indicator_progress or []):
            self.context.indicator_progress = merged
            notify(
                ObjectModifiedEvent(
                    self.context, Attributes(IMonitoringRecord, "indicator_progress")
                )
            )
        return True


class FocusAnswersView(BrowserView):
    """One answer per focus item of the record's round."""

    errors = None

    def __call__(self):
        if self.request.method == "POST" and self.request.form.get("form.submitted"):
            CheckAuthenticator(self.request)
            if self.save():
                api.portal.show_message(
                    _("focus_answers_saved", default="监控重点的回答已保存。"),
                    request=self.request,
                )
                return self.request.response.redirect(self.context.absolute_url())
        return self.index()

    def focus(self):
        monitoring_round = self.context.monitoring_round
        return tuple(monitoring_round.focus or ()) if monitoring_round else ()

    def typed(self):
        form = self.request.form
        return {item: (form.get(f"answer_{item}") or "") for item in self.focus()}

    def items(self):
        saved = self.context.focus_answers or {}
        typed = self.typed() if self.errors is not None else {}
        return [
            {
                "id": item,
                "title": translate(FOCUS_TITLES.get(item, item), context=self.request),
                "answer": typed.get(item, saved.get(item) or ""),
                "errors": (self.errors or {}).get(item, []),
            }
            for item in self.focus()
        ]

    def save(self):
        answers = self.typed()
        violations = validate_focus_answers(answers, self.focus())
        if violations:
            self.errors = {}
            for violation in violations:
                item = (violation.field or "").rsplit(".", 1)[-1]
                self.errors.setdefault(item, []).append(
                    translate_violation(violation, self.request)
                )
            return False
        cleaned = clean_focus_answers(answers)
        if cleaned != (self.context.focus_answers or {}):
            self.context.focus_answers = cleaned
            notify(
                ObjectModifiedEvent(
                    self.context, Attributes(IMonitoringRecord, "focus_answers")
                )
            )
        return True
