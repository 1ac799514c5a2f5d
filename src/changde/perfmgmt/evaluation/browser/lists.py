"""The evaluation module's lists by year (R-M10 … R-M13, R-P4): reports
(``@@list-reports``), rectification items (``@@list-rectification-items``)
and negative-list entries (``@@list-negative-list``), from catalog metadata
(see :mod:`changde.perfmgmt.core.listing`)."""

from DateTime import DateTime
from plone.memoize.view import memoize

from changde.perfmgmt.core.listing import Column
from changde.perfmgmt.core.listing import YearListView
from changde.perfmgmt.core.listing import chinese_date
from changde.perfmgmt.core.listing import meta
from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.evaluation.vocabularies import GRADE_TITLES
from changde.perfmgmt.evaluation.vocabularies import KIND_TITLES
from changde.perfmgmt.evaluation.vocabularies import REASON_TITLES
from changde.perfmgmt.i18n import _

SOURCE_TITLES = {
    "report": _("rectification_source_report", default="Evaluation report"),
    "monitoring_record": _(
        "rectification_source_monitoring_record", default="Monitoring record"
    ),
}
TARGET_KIND_TITLES = {
    "project": _("negative_target_project", default="项目"),
    "unit": _("negative_target_unit", default="单位"),
}
#: a rectification item is done once accepted
DONE = ("accepted",)


class EvaluationListView(YearListView):
    def titles(self, titles):
        return {key: self.translate(title) for key, title in titles.items()}

    def tenant_columns(self):
        return [
            Column(
                "jurisdiction",
                _("label_list_jurisdiction", default="Jurisdiction"),
                lambda b: meta(b.jurisdiction_title) or "",
                secondary=True,
            ),
            Column(
                "unit",
                _("label_list_unit", default="Budget unit"),
                lambda b: meta(b.unit_title) or "",
            ),
        ]


class ReportListView(EvaluationListView):
    """``@@list-reports``: evaluation reports of a year."""

    portal_type = "EvaluationReport"
    title = _("list_reports_title", default="Evaluation reports")

    @memoize
    def kinds(self):
        return self.titles(KIND_TITLES)

    @memoize
    def grades(self):
        return self.titles(GRADE_TITLES)

    def extra_filters(self):
        return [
            self.select_filter(
                "kind", _("label_evaluation_kind", default="Kind"), KIND_TITLES
            )
        ]

    def extra_query(self):
        if self.form.get("kind") in KIND_TITLES:
            return {"evaluation_kind": self.form["kind"]}
        return {}

    def score(self, brain):
        score = meta(brain.score)
        return "" if score is None else str(score)

    def columns(self):
        return [
            Column(
                "title",
                _("label_report", default="Report"),
                lambda b: b.Title,
                "sortable_title",
                link=True,
            ),
            Column(
                "kind",
                _("label_evaluation_kind", default="Kind"),
                lambda b: self.kinds().get(meta(b.evaluation_kind), ""),
                "evaluation_kind",
            ),
            *self.tenant_columns(),
            Column(
                "score",
                _("label_score", default="评分"),
                self.score,
                css="text-end",
            ),
            Column(
                "grade",
                _("label_grade", default="Grade"),
                lambda b: self.grades().get(meta(b.evaluation_grade), ""),
                "evaluation_grade",
            ),
            Column(
                "state",
                _("label_state", default="State"),
                self.state_text,
                "review_state",
            ),
        ]


class RectificationListView(EvaluationListView):
    """``@@list-rectification-items``: rectification items of a year;
    ``overdue=1`` keeps those past their deadline and not yet accepted."""

    portal_type = "RectificationItem"
    title = _("list_rectification_title", default="Rectification items")
    default_sort = ("deadline", "ascending")

    def extra_filters(self):
        return [
            self.checkbox_filter(
                "overdue", _("label_overdue_only", default="Past the deadline only")
            )
        ]

    def extra_query(self):
        if self.form.get("overdue") != "1":
            return {}
        today = today_in_china()
        return {
            "deadline": {
                "query": DateTime(f"{today.isoformat()} 00:00 Asia/Shanghai"),
                "range": "max",
            },
            "review_state": [
                state for state in self.item_states() if state not in DONE
            ],
        }

    def item_states(self):
        return [option["value"] for option in self.state_options()]

    def query(self):
        query = super().query()
        if self.form.get("overdue") == "1" and self.chosen_states():
            # both: the chosen states that are not done
            query["review_state"] = [
                state for state in self.chosen_states() if state not in DONE
            ]
        return query

    @memoize
    def sources(self):
        return self.titles(SOURCE_TITLES)

    def columns(self):
        return [
            Column(
                "title",
                _("label_rectification_item", default="Item"),
                lambda b: b.Title,
                "sortable_title",
                link=True,
            ),
            *self.tenant_columns(),
            Column(
                "source",
                _("label_rectification_source", default="Found by"),
                lambda b: self.sources().get(meta(b.source_kind), ""),
                secondary=True,
            ),
            Column(
                "deadline",
                _("label_rectification_deadline", default="整改期限"),
                lambda b: chinese_date(meta(b.deadline)),
                "deadline",
            ),
            Column(
                "state",
                _("label_state", default="State"),
                self.state_text,
                "review_state",
            ),
        ]


class NegativeListView(EvaluationListView):
    """``@@list-negative-list``: negative-list entries of a year."""

    portal_type = "NegativeListEntry"
    title = _("list_negative_title", default="Negative list")

    @memoize
    def reasons(self):
        return self.titles(REASON_TITLES)

    @memoize
    def target_kinds(self):
        return self.titles(TARGET_KIND_TITLES)

    def extra_filters(self):
        return [
            self.select_filter(
                "reason", _("label_negative_reason", default="列入原因"), REASON_TITLES
            )
        ]

    def extra_query(self):
        if self.form.get("reason") in REASON_TITLES:
            return {"negative_reason": self.form["reason"]}
        return {}

    def columns(self):
        return [
            Column(
                "title",
                _("label_target_title", default="对象名称"),
                lambda b: meta(b.target_title) or b.Title,
                "sortable_title",
                link=True,
            ),
            Column(
                "kind",
                _("label_negative_target_kind", default="Listed as"),
                lambda b: self.target_kinds().get(meta(b.target_kind), ""),
            ),
            *self.tenant_columns(),
            Column(
                "reason",
                _("label_negative_reason", default="列入原因"),
                lambda b: self.reasons().get(meta(b.negative_reason), ""),
                "negative_reason",
            ),
            Column(
                "state",
                _("label_state", default="State"),
                self.state_text,
                "review_state",
            ),
        ]
