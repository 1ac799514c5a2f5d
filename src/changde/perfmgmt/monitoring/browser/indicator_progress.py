"""A record's indicator progress, one row per indicator (no JSON typing)."""

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zope.event import notify
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import ObjectModifiedEvent

from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.i18n import _
from changde.perfmgmt.monitoring.content.monitoring_record import IMonitoringRecord
from changde.perfmgmt.monitoring.records import project_of
from changde.perfmgmt.monitoring.rules.progress import merge_progress
from changde.perfmgmt.monitoring.rules.progress import validate_progress_row


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
