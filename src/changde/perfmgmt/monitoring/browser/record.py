"""A monitoring record as people read it (the stored JSON never shown)."""

from plone import api
from Products.Five.browser import BrowserView

from changde.perfmgmt.core.relations import target_uid
from changde.perfmgmt.monitoring.browser.base import LabelsMixin
from changde.perfmgmt.monitoring.records import project_of


class RecordView(BrowserView, LabelsMixin):
    """A record as people read it: the project, the amounts and the rate
    against the round's target, the flags, the problems, one row per
    indicator's progress and one per focus item (never the stored JSON)."""

    def project_url(self):
        # the URL only for a reader who may see the project
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog(UID=target_uid(self.context.project))
        return brains[0].getURL() if brains else None

    def round(self):
        return self.context.monitoring_round

    def can_edit(self):
        return api.user.has_permission("Modify portal content", obj=self.context)

    def progress_rows(self):
        """The project's indicators (catalog data) with the progress saved
        for each, in the project's order."""
        saved = {
            row.get("indicator"): row for row in self.context.indicator_progress or ()
        }
        project = project_of(self.context)
        if project is None:
            return []
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog.unrestrictedSearchResults(
            portal_type="Indicator",
            path={"query": "/".join(project.getPhysicalPath()), "depth": 1},
            sort_on="getObjPositionInParent",
        )
        rows = []
        for brain in brains:
            row = saved.get(brain.UID, {})
            on_track = row.get("on_track")
            rows.append(
                {
                    "title": brain.Title,
                    "target_value": row.get("target_value") or brain.target_value,
                    "actual_value": row.get("actual_value") or "",
                    "on_track": None if on_track is None else bool(on_track),
                    "deviation_cause": row.get("deviation_cause") or "",
                    "corrective_measure": row.get("corrective_measure") or "",
                }
            )
        return rows

    def focus_rows(self):
        monitoring_round = self.round()
        focus = tuple(monitoring_round.focus or ()) if monitoring_round else ()
        answers = self.context.focus_answers or {}
        return [
            {"title": self.focus_label(item), "answer": answers.get(item) or ""}
            for item in focus
        ]
