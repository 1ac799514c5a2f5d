"""Form validation of the internal-review rounds: a year has one round of
each number (the add and edit forms show the message next to 轮次; REST
content calls are checked by :mod:`deserializers`)."""

from z3c.form import validator
from z3c.form.interfaces import IDataConverter
from zope.interface import Invalid

from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.libraries.content.internal_review_round import (
    IInternalReviewRound,
)
from changde.perfmgmt.libraries.reviews import round_number_violation


class RoundNumberValidator(validator.SimpleFieldValidator):
    """Refuse a number the year's other rounds have."""

    def year(self):
        widget = getattr(self.view, "widgets", {}).get("year")
        if widget is not None:
            try:
                return IDataConverter(widget).toFieldValue(widget.extract())
            except (ValueError, TypeError, Invalid):
                return None
        return getattr(self.context, "year", None)

    def validate(self, value, force=False):
        super().validate(value, force)
        year = self.year()
        if value is None or year is None:
            return
        own = (
            self.context.UID()
            if IInternalReviewRound.providedBy(self.context)
            else None
        )
        violation = round_number_violation(year, value, exclude_uid=own)
        if violation is not None:
            raise Invalid(translate_violation(violation, self.request))


validator.WidgetValidatorDiscriminators(
    RoundNumberValidator, field=IInternalReviewRound["number"]
)
