"""The performance column (绩效公开栏): published evaluation reports."""

from urllib.parse import urlencode

from plone import api
from plone.memoize.view import memoize
from Products.Five.browser import BrowserView

from changde.perfmgmt.core.workflows import state_titles
from changde.perfmgmt.evaluation.browser.base import REPORT_WORKFLOW
from changde.perfmgmt.evaluation.browser.base import Labels
from changde.perfmgmt.evaluation.browser.base import _meta
from changde.perfmgmt.evaluation.negative_list import negative_list_folder
from changde.perfmgmt.evaluation.rectification import rectification_summary
from changde.perfmgmt.evaluation.vocabularies import KIND_TITLES

#: the report filters of the office's listing (catalog indexes)
REPORT_FILTERS = ("year", "evaluation_kind", "review_state")


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def report_row(brain):
    """A report of a listing, from its catalog metadata."""
    score = _meta(brain.score)
    return {
        "url": brain.getURL(),
        "title": brain.Title,
        "kind": brain.evaluation_kind,
        "year": brain.year,
        "score": None if score is None else str(score),
        "grade": _meta(brain.evaluation_grade),
        "unit": _meta(brain.unit_title) or _meta(brain.jurisdiction_title),
        "review_state": brain.review_state,
    }


def _newest_first(rows):
    return sorted(rows, key=lambda row: (-(row["year"] or 0), row["title"] or ""))


class ColumnView(BrowserView, Labels):
    """The performance column (绩效专栏): the published reports for everyone,
    newest year first; for the office all reports by state, with filters."""

    def _reports(self, **query):
        return [
            report_row(brain)
            for brain in api.content.find(
                context=self.context, portal_type="EvaluationReport", **query
            )
        ]

    @memoize
    def published(self):
        return _newest_first(self._reports(review_state="published"))

    def filters(self):
        form = self.request.form
        values = {name: form.get(name) for name in REPORT_FILTERS if form.get(name)}
        if "year" in values:
            values["year"] = _int(values["year"])
        return {name: value for name, value in values.items() if value}

    @memoize
    def all_reports(self):
        if not self.can_manage():
            return []
        return _newest_first(self._reports())

    @memoize
    def reports(self):
        """The office's listing: the reports matching the filters."""
        if not self.can_manage():
            return []
        return _newest_first(self._reports(**self.filters()))

    def state_counts(self):
        counts = {}
        for row in self.all_reports():
            counts[row["review_state"]] = counts.get(row["review_state"], 0) + 1
        return [
            {
                "state": state,
                "title": self.report_state_label(state),
                "count": counts.get(state, 0),
                "url": f"{self.folder_url()}?{urlencode({'review_state': state})}",
            }
            for state in state_titles(REPORT_WORKFLOW)
        ]

    def options(self):
        years = sorted(
            {row["year"] for row in self.all_reports() if row["year"]}, reverse=True
        )
        return {
            "year": [(str(year), str(year)) for year in years],
            "evaluation_kind": [(kind, self.kind_label(kind)) for kind in KIND_TITLES],
            "review_state": [
                (state, self.report_state_label(state))
                for state in state_titles(REPORT_WORKFLOW)
            ],
        }

    def selected(self, name, value):
        return str(self.request.form.get(name, "")) == str(value)

    def negative_list_url(self):
        folder = negative_list_folder(create=False)
        return folder.absolute_url() if folder is not None else None

    def is_anonymous(self):
        return api.user.is_anonymous()

    def shows_own_work(self):
        """Signed-in staff other than the office see their own to-dos."""
        return not self.is_anonymous() and not self.can_manage()

    @memoize
    def self_evaluation_drafts(self):
        """The self-evaluations the user's unit writes (drafts it may see)."""
        return _newest_first(
            self._reports(evaluation_kind="self", review_state="draft")
        )

    @memoize
    def awaiting_rectification(self):
        """The fed-back reports whose items wait for the user's unit."""
        return rectification_summary()["awaiting_rectification"]
