"""plone.restapi content calls on internal-review rounds: POST and PATCH
refuse a round number the year has already (400, field ``number``), as the
forms do (:mod:`validators`). A rule of core's one deserialization path
(:class:`changde.perfmgmt.core.deserializer.IInputRules`)."""

from plone.uuid.interfaces import IUUID
from zope.component import adapter
from zope.interface import implementer

from changde.perfmgmt.core.deserializer import IInputRules
from changde.perfmgmt.core.rules.numbers import NumberRefused
from changde.perfmgmt.core.rules.numbers import read_number
from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.libraries.content.internal_review_round import (
    IInternalReviewRound,
)
from changde.perfmgmt.libraries.reviews import round_number_violation


def _whole(value):
    try:
        return int(read_number(value, whole=True))
    except NumberRefused:
        return None


@implementer(IInputRules)
@adapter(IInternalReviewRound)
class ReviewRoundInputRules:
    def __init__(self, context):
        self.context = context

    def violations(self, data, create):
        if not (create or "year" in data or "number" in data):
            return []
        year = year_or_none(data["year"]) if "year" in data else self.context.year
        number = _whole(data["number"]) if "number" in data else self.context.number
        if year is None or number is None:
            return []  # the fields themselves name a value that is not a number
        violation = round_number_violation(
            year, number, exclude_uid=None if create else IUUID(self.context, None)
        )
        return [] if violation is None else [violation]
