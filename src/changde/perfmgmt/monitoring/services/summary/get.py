"""GET @monitoring-summary on a round: the round (due date, status), the
records the user may see with rate, flags and severity (filters
``jurisdiction``, ``budget_unit``, ``flag``, ``severity``, ``review_state``;
``sort_on``, ``sort_order=reverse``), the counts, the share meeting the
target and the rates by jurisdiction."""

from plone.restapi.services import Service

from changde.perfmgmt.monitoring.rounds import round_info
from changde.perfmgmt.monitoring.summary import FILTERS
from changde.perfmgmt.monitoring.summary import round_summary


class SummaryGet(Service):
    def reply(self):
        form = self.request.form
        filters = {name: form.get(name) for name in FILTERS if form.get(name)}
        summary = round_summary(
            self.context,
            sort_on=form.get("sort_on", "title"),
            reverse=form.get("sort_order") in ("reverse", "descending"),
            **filters,
        )
        return {
            "@id": f"{self.context.absolute_url()}/@monitoring-summary",
            "round": round_info(self.context),
            "filters": filters,
            **summary,
        }
