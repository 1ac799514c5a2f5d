"""GET @missing-self-evaluations?year=2026 on the evaluation folder: the
approved projects of the year without a self-evaluation report."""

import datetime

from plone.restapi.services import Service

from changde.perfmgmt.evaluation.self_evaluations import missing_self_evaluations
from changde.perfmgmt.evaluation.services.result_application.post import read_year


class MissingSelfEvaluationsGet(Service):
    def reply(self):
        year = read_year(self.request.form.get("year"))
        year = year or datetime.date.today().year - 1
        items = missing_self_evaluations(year)
        url = self.context.absolute_url()
        return {
            "@id": f"{url}/@missing-self-evaluations?year={year}",
            "year": year,
            "items": items,
            "items_total": len(items),
        }
