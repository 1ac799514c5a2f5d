"""GET @assessment?year= on the assessment area: for municipal units and
for districts, the year's cards the user may see, ranked by total, with each
criterion's points (the ranking page and its Excel give the same)."""

from plone import api
from plone.restapi.services import Service
from zope.i18n import translate

from changde.perfmgmt.assessment import yearly
from changde.perfmgmt.assessment.cardview import explanation_text
from changde.perfmgmt.assessment.labels import KIND_TITLES
from changde.perfmgmt.assessment.rules.yearly import TARGET_KINDS
from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.core.rules.years import year_or_none


def ranking_data(year, request):
    answer = {}
    for kind in TARGET_KINDS:
        rows = yearly.ranking(year, kind)
        for row in rows:
            card = api.content.get(UID=row["UID"])
            result = yearly.card_result(card)
            row["criteria"] = result.as_dict()["lines"]
            for line, item in zip(result.lines, row["criteria"], strict=True):
                item["title"] = yearly.criterion_title(line.id, line.title, request)
                item["explanation_text"] = explanation_text(line.explanation, request)
        answer[kind] = {
            "title": translate(KIND_TITLES[kind], context=request),
            "items": rows,
        }
    return answer


class AssessmentGet(Service):
    def reply(self):
        year = year_or_none(self.request.form.get("year")) or today_in_china().year
        return {
            "@id": f"{self.context.absolute_url()}/@assessment?year={year}",
            "year": year,
            **ranking_data(year, self.request),
        }
