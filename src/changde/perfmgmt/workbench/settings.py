"""Registry settings of the workbench (prefix ``changde.perfmgmt.workbench``):
when a waiting item is aging or has waited long, and when self-evaluations are
due. The defaults come from :mod:`changde.perfmgmt.workbench.rules.deadlines`;
the control panel (工作台设置, ``@controlpanels/perfmgmt-workbench``) refuses
what the rules refuse, and stored values they refuse fall back to the
defaults (logged)."""

import logging

from zope import schema
from zope.globalrequest import getRequest
from zope.interface import Interface
from zope.interface import Invalid
from zope.interface import invariant

from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.core.settings import registry_value
from changde.perfmgmt.core.settings import workday_calendar
from changde.perfmgmt.core.validation import SettingsInvalid
from changde.perfmgmt.i18n import _
from changde.perfmgmt.workbench.rules.deadlines import DEFAULT_SETTINGS
from changde.perfmgmt.workbench.rules.deadlines import WorkbenchSettings
from changde.perfmgmt.workbench.rules.deadlines import validate_settings

PREFIX = "changde.perfmgmt.workbench"
FIELDS = (
    "aging_days",
    "long_days",
    "self_evaluation_due_month",
    "self_evaluation_due_day",
)

logger = logging.getLogger("changde.perfmgmt.workbench")


class IWorkbenchSettings(Interface):
    aging_days = schema.Int(
        title=_(
            "label_aging_days", default="Working days after which an item is aging"
        ),
        description=_(
            "help_aging_days",
            default="An item waiting this many working days or more is shown yellow.",
        ),
        default=DEFAULT_SETTINGS.aging_days,
        min=1,
    )
    long_days = schema.Int(
        title=_(
            "label_long_days",
            default="Working days after which an item has waited long",
        ),
        description=_(
            "help_long_days",
            default="An item waiting this many working days or more is shown red.",
        ),
        default=DEFAULT_SETTINGS.long_days,
        min=1,
    )
    self_evaluation_due_month = schema.Int(
        title=_(
            "label_self_evaluation_due_month",
            default="Self-evaluations are due in this month of the following year",
        ),
        default=DEFAULT_SETTINGS.self_evaluation_due_month,
        min=1,
        max=12,
    )
    self_evaluation_due_day = schema.Int(
        title=_("label_self_evaluation_due_day", default="… on this day of that month"),
        default=DEFAULT_SETTINGS.self_evaluation_due_day,
        min=1,
        max=31,
    )

    @invariant
    def settings_hold_together(data):
        violations = validate_settings(
            WorkbenchSettings(**{name: _setting(data, name) for name in FIELDS})
        )
        if violations:
            violation = violations[0]
            raise SettingsInvalid(
                translate_violation(violation, getRequest()), (violation.field,)
            )


def _setting(data, name):
    """The form's (or PATCH's) value of ``name``, else the stored one."""
    try:
        value = getattr(data, name)
    except (AttributeError, TypeError, Invalid):
        value = None
    if value is None:
        value = registry_value(PREFIX, name, getattr(DEFAULT_SETTINGS, name))
    return value


def workbench_settings():
    """The settings as the office set them (the defaults when refused)."""
    settings = WorkbenchSettings(
        **{
            name: registry_value(PREFIX, name, getattr(DEFAULT_SETTINGS, name))
            for name in FIELDS
        }
    )
    violations = validate_settings(settings)
    if violations:
        logger.warning(
            "workbench settings refused, using the defaults: %s",
            "; ".join(violation.text for violation in violations),
        )
        return DEFAULT_SETTINGS
    return settings


def calendar():
    return workday_calendar()
