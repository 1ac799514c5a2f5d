"""A budget year reads as 2026, not as the number 2,026.

z3c.form shows an Int with the locale's thousands separator; the year of a
project is marked :class:`IYearField` and converted as plain digits. A value
that is not a year gets the rule's own message
(:func:`changde.perfmgmt.declaration.rules.fields.validate_project_year`).
"""

from z3c.form.converter import BaseDataConverter
from z3c.form.interfaces import IWidget
from zope.component import adapter
from zope.schema.interfaces import IInt

from changde.perfmgmt.core.validation import RuleViolationError
from changde.perfmgmt.declaration.rules.fields import validate_project_year


class IYearField(IInt):
    """Marker of an Int field that holds a year."""


@adapter(IYearField, IWidget)
class YearDataConverter(BaseDataConverter):
    def toWidgetValue(self, value):
        if value is None or value == self.field.missing_value:
            return ""
        return str(value)

    def toFieldValue(self, value):
        if value is None or not str(value).strip():
            return self.field.missing_value
        violations = validate_project_year(value)
        if violations and violations[0].code == "project_year_invalid":
            raise RuleViolationError(violations[0])
        return int(str(value).strip())
