"""A textarea for lists of dates, one ISO date a line (2027-10-01), as the
office copies them from the State Council's holiday notice."""

from datetime import date

from z3c.form.browser.textlines import TextLinesWidget
from z3c.form.converter import BaseDataConverter
from z3c.form.converter import FormatterValidationError
from z3c.form.interfaces import IFieldWidget
from z3c.form.interfaces import ITextLinesWidget
from z3c.form.widget import FieldWidget
from zope.component import adapter
from zope.interface import implementer
from zope.interface import implementer_only
from zope.schema.interfaces import IList

from changde.perfmgmt.i18n import _


class IDateLinesWidget(ITextLinesWidget):
    """One date a line."""


@implementer_only(IDateLinesWidget)
class DateLinesWidget(TextLinesWidget):
    pass


@implementer(IFieldWidget)
def DateLinesFieldWidget(field, request):
    return FieldWidget(field, DateLinesWidget(request))


@adapter(IList, IDateLinesWidget)
class DateLinesConverter(BaseDataConverter):
    def toWidgetValue(self, value):
        if not value:
            return ""
        return "\n".join(day.isoformat() for day in value)

    def toFieldValue(self, value):
        days = []
        for line in value.split():
            try:
                days.append(date.fromisoformat(line))
            except ValueError:
                raise FormatterValidationError(
                    _(
                        "error_date_line",
                        default='"${line}" is not a date: write one date a line, '
                        "like 2027-10-01.",
                        mapping={"line": line},
                    ),
                    line,
                )
        return sorted(set(days)) or self.field.missing_value
