"""plone.restapi content calls on internal-review rounds: POST and PATCH
refuse a round number the year has already (400, field ``number``), as the
forms do (:mod:`validators`)."""

from plone.restapi.deserializer.dxcontent import DeserializeFromJson
from plone.restapi.interfaces import IDeserializeFromJson
from plone.uuid.interfaces import IUUID
from zope.component import adapter
from zope.interface import implementer

from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.interfaces import IChangdePerfmgmtLayer
from changde.perfmgmt.libraries.content.internal_review_round import (
    IInternalReviewRound,
)
from changde.perfmgmt.libraries.reviews import round_number_violation


@implementer(IDeserializeFromJson)
@adapter(IInternalReviewRound, IChangdePerfmgmtLayer)
class ReviewRoundDeserializer(DeserializeFromJson):
    def get_schema_data(self, data, validate_all, create=False):
        schema_data, errors = super().get_schema_data(data, validate_all, create)
        if errors or not (create or "year" in data or "number" in data):
            return schema_data, errors
        # the fields are set on the round already (nothing is kept: a 400
        # aborts the transaction)
        violation = round_number_violation(
            self.context.year,
            self.context.number,
            exclude_uid=IUUID(self.context, None),
        )
        if violation is not None:
            errors.append(
                {
                    "field": "number",
                    "message": translate_violation(violation, self.request),
                    "error": "ValidationError",
                }
            )
        return schema_data, errors
