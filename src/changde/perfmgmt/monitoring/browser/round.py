"""The round page: its records with rate, flags and severity; filters, sorting,
counts and the chart."""

from urllib.parse import urlencode

from plone import api
from plone.memoize.view import memoize
from Products.Five.browser import BrowserView

from changde.perfmgmt.core.rules.numbers import HUNDRED
from changde.perfmgmt.core.rules.numbers import to_decimal
from changde.perfmgmt.monitoring.browser.base import LabelsMixin
from changde.perfmgmt.monitoring.rounds import round_info
from changde.perfmgmt.monitoring.rules.flags import below_target
from changde.perfmgmt.monitoring.summary import FILTERS
from changde.perfmgmt.monitoring.summary import pinyin
from changde.perfmgmt.monitoring.summary import round_summary
from changde.perfmgmt.monitoring.vocabularies import FLAG_TITLES


class RoundView(BrowserView, LabelsMixin):
    """The round: its records with rate, flags, severity; filters, sorting,
    counts, the share meeting the target and rates by jurisdiction."""

    def filters(self):
        form = self.request.form
        return {name: form.get(name) for name in FILTERS if form.get(name)}

    def sort_on(self):
        return self.request.form.get("sort_on", "title")

    def reverse(self):
        return self.request.form.get("sort_order") == "reverse"

    @memoize
    def summary(self):
        return round_summary(
            self.context,
            sort_on=self.sort_on(),
            reverse=self.reverse(),
            **self.filters(),
        )

    @memoize
    def all_items(self):
        if not self.filters():
            return self.summary()["items"]
        return round_summary(self.context)["items"]

    def options(self):
        """Jurisdictions and units for the filter selects."""
        jurisdictions, units = {}, {}
        for item in self.all_items():
            jurisdictions[item["jurisdiction"]] = item["jurisdiction_title"]
            units[item["budget_unit"]] = item["unit_title"]
        return {
            "jurisdiction": sorted(jurisdictions.items(), key=lambda kv: pinyin(kv[1])),
            "budget_unit": sorted(units.items(), key=lambda kv: pinyin(kv[1])),
            "flag": [(flag, self.flag_label(flag)) for flag in FLAG_TITLES],
        }

    def info(self):
        return round_info(self.context)

    def sort_url(self, key):
        query = dict(self.filters())
        query["sort_on"] = key
        if self.sort_on() == key and not self.reverse():
            query["sort_order"] = "reverse"
        return f"{self.context.absolute_url()}?{urlencode(query)}"

    def chart(self):
        """Bars of the rates by jurisdiction (width capped at 100%)."""
        target = self.context.target_rate
        bars = []
        for group in self.summary()["by_jurisdiction"]:
            rate = to_decimal(group["execution_rate"])
            bars.append(
                {
                    "title": group["title"] or group["jurisdiction"],
                    "rate": group["execution_rate"],
                    "count": group["count"],
                    "width": float(min(rate, HUNDRED)) if rate else 0,
                    "below": rate is not None
                    and target is not None
                    and below_target(rate, target),
                }
            )
        return bars

    def target_position(self):
        target = self.context.target_rate
        return float(min(target, HUNDRED)) if target is not None else None

    def export_url(self):
        url = f"{self.context.absolute_url()}/@@monitoring-export.xlsx"
        filters = self.filters()
        return f"{url}?{urlencode(filters)}" if filters else url

    def can_edit(self):
        return api.user.has_permission("Modify portal content", obj=self.context)
