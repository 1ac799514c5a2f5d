"""Widgets and converters: a textarea for lists of dates, one ISO date a line
(2027-10-01), as the office copies them from the State Council's holiday
notice; decimals shown even when a bad value was stored."""

from datetime import date

from z3c.form.browser.textlines import TextLinesWidget
from z3c.form.converter import BaseDataConverter
from z3c.form.converter import DecimalDataConverter
from z3c.form.converter import FormatterValidationError
from z3c.form.interfaces import IFieldWidget
from z3c.form.interfaces import ITextLinesWidget
from z3c.form.interfaces import ITextWidget
from z3c.form.widget import FieldWidget
from zope.component import adapter
from zope.interface import implementer
from zope.interface import implementer_only
from zope.schema.interfaces import IDecimal
from zope.schema.interfaces import IList

from changde.perfmgmt.core.rules.numbers import stored_number
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


@adapter(IDecimal, ITextWidget)
class StoredDecimalConverter(DecimalDataConverter):
    """z3c.form's decimal converter, showing a stored value that is no
    number the site keeps (NaN, Infinity, 1E+70 stored before every number
    was checked) as its text instead of failing the whole page; saving the
    form then asks for a proper number."""

    def toWidgetValue(self, value):
        stored = value is not None and value is not self.field.missing_value
        if stored and stored_number(value) is None:
            return str(value)
        return super().toWidgetValue(value)
