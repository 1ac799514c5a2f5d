"""Site settings of the core module, kept in plone.app.registry.

Records live under the prefix ``changde.perfmgmt.core``; every threshold of the
plan that a later module needs gets a record with the plan's default, so that
the office can change it for next year's plan without a code change.
"""

from plone.autoform import directives
from plone.registry.interfaces import IRegistry
from zope import schema
from zope.component import queryUtility
from zope.interface import Interface
from zope.interface import invariant

from changde.perfmgmt.core.messages import violation_message
from changde.perfmgmt.core.rules.violations import Violation
from changde.perfmgmt.core.rules.workdays import WorkdayCalendar
from changde.perfmgmt.core.rules.workdays import check_overrides
from changde.perfmgmt.core.validation import SettingsInvalid
from changde.perfmgmt.core.widgets import DateLinesFieldWidget
from changde.perfmgmt.i18n import _

REGISTRY_PREFIX = "changde.perfmgmt.core"


class ICoreSettings(Interface):
    """The working-day calendar for years the calendar package does not know."""

    directives.widget("extra_holidays", DateLinesFieldWidget)
    extra_holidays = schema.List(
        title=_("label_extra_holidays", default="Extra holidays"),
        description=_(
            "help_extra_holidays",
            default="Statutory holidays the calendar package does not know yet "
            "(for example next year's), one date a line.",
        ),
        value_type=schema.Date(),
        required=False,
        default=[],
        missing_value=[],
    )

    directives.widget("extra_workdays", DateLinesFieldWidget)
    extra_workdays = schema.List(
        title=_("label_extra_workdays", default="Adjusted working days"),
        description=_(
            "help_extra_workdays",
            default="Weekend days declared working days (调休上班), one date a line.",
        ),
        value_type=schema.Date(),
        required=False,
        default=[],
        missing_value=[],
    )

    @invariant
    def holidays_and_workdays_do_not_overlap(data):
        """A date is either a holiday or a working day (the settings form
        and ``@controlpanels`` refuse it, nothing is saved)."""
        violations = check_overrides(
            _setting(data, "extra_holidays"), _setting(data, "extra_workdays")
        )
        if violations:
            first = violations[0]
            dates = ", ".join(v.params["date"] for v in violations)
            raise SettingsInvalid(
                violation_message(
                    Violation(first.code, first.default, first.field, {"date": dates})
                ),
                ("extra_holidays", "extra_workdays"),
            )


class IDisplaySettings(Interface):
    """How pages show what people read (页面显示)."""

    money_unit = schema.Choice(
        title=_("label_money_unit", default="Show amounts in"),
        description=_(
            "help_money_unit",
            default="Pages show every amount in yuan (元, e.g. 60,000,000 元) or in "
            "ten thousand yuan (万元, e.g. 6,000.00 万元). Forms, Excel files "
            "and REST keep yuan.",
        ),
        vocabulary="changde.perfmgmt.MoneyUnits",
        default="yuan",
        required=True,
    )


def _setting(data, name):
    """The form's value of ``name``, or the saved one when the form does not
    carry it (a REST PATCH of one field)."""
    try:
        value = getattr(data, name)
    except Exception:  # z3c.form's Data cannot read a field it was not given
        value = None
    if value is None:
        value = registry_value(REGISTRY_PREFIX, name, [])
    return value or ()


def registry_value(prefix, name, default):
    """The registry record ``<prefix>.<name>``, or ``default`` when it is
    missing or empty (no site, not installed yet, a record added later)."""
    registry = queryUtility(IRegistry)
    if registry is None:
        return default
    value = registry.get(f"{prefix}.{name}")
    return default if value is None else value


def workday_calendar():
    """The working-day calendar with the holidays and adjusted working days
    the office entered (工作日历 settings)."""
    return WorkdayCalendar(
        extra_holidays=registry_value(REGISTRY_PREFIX, "extra_holidays", []),
        extra_workdays=registry_value(REGISTRY_PREFIX, "extra_workdays", []),
    )
