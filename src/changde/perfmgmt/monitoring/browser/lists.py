"""``@@list-monitoring-records``: a year's monitoring records across units
(R-M8, R-P4), filtered by round and flag besides the shared filters, from
catalog metadata (see :mod:`changde.perfmgmt.core.listing`)."""

from plone import api
from plone.memoize.view import memoize

from changde.perfmgmt.core.listing import Column
from changde.perfmgmt.core.listing import YearListView
from changde.perfmgmt.core.listing import meta
from changde.perfmgmt.core.listing import money_column
from changde.perfmgmt.i18n import _
from changde.perfmgmt.monitoring.vocabularies import FLAG_TITLES


class MonitoringRecordListView(YearListView):
    portal_type = "MonitoringRecord"
    title = _("list_monitoring_records_title", default="Monitoring records")

    def rounds(self):
        """The rounds of the chosen year: {UID: 第 n 轮}."""
        query = {"portal_type": "MonitoringRound", "sort_on": "round_number"}
        if self.chosen_year() is not None:
            query["year"] = self.chosen_year()
        rounds = {}
        for brain in api.content.find(**query):
            rounds[brain.UID] = brain.Title
        return rounds

    def extra_filters(self):
        return [
            self.select_filter(
                "round", _("label_monitoring_round", default="Round"), self.rounds()
            ),
            self.select_filter("flag", _("label_flags", default="Flags"), FLAG_TITLES),
        ]

    def extra_query(self):
        query = {}
        if self.form.get("round"):
            query["monitoring_round"] = str(self.form["round"])
        if self.form.get("flag") in FLAG_TITLES:
            query["monitoring_flags"] = self.form["flag"]
        return query

    @memoize
    def flag_titles(self):
        return {key: self.translate(title) for key, title in FLAG_TITLES.items()}

    def flags(self, brain):
        flags = meta(brain.monitoring_flags) or ()
        return "、".join(self.flag_titles().get(flag, "") for flag in flags)

    def rate(self, brain):
        rate = meta(brain.execution_rate)
        return "" if rate is None else f"{rate:.2f}%"

    def round_text(self, brain):
        number = meta(brain.round_number)
        if number is None:
            return ""
        return self.translate(
            _(
                "round_number_text",
                default="Round ${number}",
                mapping={"number": number},
            )
        )

    def columns(self):
        return [
            Column(
                "title",
                _("label_list_project", default="Project"),
                lambda b: b.Title,
                "sortable_title",
                link=True,
            ),
            Column(
                "round",
                _("label_monitoring_round", default="Round"),
                self.round_text,
                "round_number",
                secondary=True,
            ),
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
            money_column(
                "budget",
                _("column_list_budget_amount", default="Budget amount (${unit})"),
                lambda b: b.budget_amount,
                secondary=True,
            ),
            money_column(
                "executed",
                _("column_list_executed_amount", default="Executed amount (${unit})"),
                lambda b: b.executed_amount,
                secondary=True,
            ),
            Column(
                "rate",
                _("label_execution_rate", default="Execution rate (%)"),
                self.rate,
                "execution_rate",
                css="text-end",
            ),
            Column("flags", _("label_flags", default="Flags"), self.flags),
            Column(
                "state",
                _("label_state", default="State"),
                self.state_text,
                "review_state",
            ),
        ]
