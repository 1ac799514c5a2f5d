"""GET @monitoring-summary on a round: the round (due date, status), the
records the user may see with rate, flags and severity (filters
``jurisdiction``, ``budget_unit``, ``flag``, ``severity``, ``review_state``;
``sort_on``, ``sort_order=reverse``), the counts, the share meeting the
target and the rates by jurisdiction. An unknown ``flag``, ``severity``,
``sort_on`` or ``sort_order`` answers 400 (field errors)."""

from plone.restapi.services import Service

from changde.perfmgmt.core.rest import InputRefused
from changde.perfmgmt.core.rest import query_value
from changde.perfmgmt.i18n import _
from changde.perfmgmt.monitoring.rounds import round_info
from changde.perfmgmt.monitoring.summary import FILTERS
from changde.perfmgmt.monitoring.summary import query_violations
from changde.perfmgmt.monitoring.summary import round_summary


class SummaryGet(Service):
    def reply(self):
        form = {
            name: query_value(self.request, name)
            for name in (*FILTERS, "sort_on", "sort_order")
        }
        violations = query_violations(form)
        if violations:
            raise InputRefused(
                _(
                    "monitoring_query_refused",
                    default="查询参数中有无法识别的值。",
                ),
                violations,
            )
        filters = {name: form.get(name) for name in FILTERS if form.get(name)}
        summary = round_summary(
            self.context,
            sort_on=form.get("sort_on") or "title",
            reverse=form.get("sort_order") in ("reverse", "descending"),
            **filters,
        )
        return {
            "@id": f"{self.context.absolute_url()}/@monitoring-summary",
            "round": round_info(self.context),
            "filters": filters,
            **summary,
        }
