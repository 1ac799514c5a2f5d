"""GET @missing-self-evaluations?year=2026 on the evaluation folder: the
approved projects of the year whose self-evaluation is not submitted
(``status``: ``not_started``, or ``started`` with the draft's URL)."""

from plone.restapi.services import Service

from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.evaluation.self_evaluations import STARTED
from changde.perfmgmt.evaluation.self_evaluations import missing_self_evaluations


class MissingSelfEvaluationsGet(Service):
    def reply(self):
        year = year_or_none(self.request.form.get("year"))
        year = year or today_in_china().year - 1
        items = missing_self_evaluations(year)
        url = self.context.absolute_url()
        started = sum(1 for item in items if item["status"] == STARTED)
        return {
            "@id": f"{url}/@missing-self-evaluations?year={year}",
            "year": year,
            "items": items,
            "items_total": len(items),
            "started_total": started,
            "not_started_total": len(items) - started,
        }
