"""GET @assessment-card on a card: each criterion with its weight, source,
pre-filled and entered points, the facts counted (with links) and the
explanation; the total."""

from plone import api
from plone.restapi.services import Service

from changde.perfmgmt.assessment import yearly
from changde.perfmgmt.assessment.cardview import explanation_text


def card_answer(card, request):
    result = yearly.card_result(card)
    data = result.as_dict()
    for line, item in zip(result.lines, data["lines"], strict=True):
        item["explanation_text"] = explanation_text(line.explanation, request)
        item["title"] = yearly.criterion_title(line.id, line.title, request)
    target = card.target.to_object if card.target else None
    return {
        "@id": f"{card.absolute_url()}/@assessment-card",
        "year": card.year,
        "kind": card.assessment_kind,
        "target": {
            "@id": target.absolute_url() if target is not None else None,
            "title": target.Title() if target is not None else None,
        },
        "review_state": api.content.get_state(card),
        "facts_as_of": (card.facts or {}).get("as_of"),
        **data,
    }


class CardGet(Service):
    def reply(self):
        return card_answer(self.context, self.request)
