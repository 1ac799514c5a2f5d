"""Registry settings of the monitoring module (prefix
``changde.perfmgmt.monitoring``): the report period and the rounds of a year.

The defaults come from :mod:`changde.perfmgmt.monitoring.rules`, so the plan's
numbers are written in one place. The working-day calendar reads the
office's extra holidays and working days from the core settings.

Each field checks its value with the rules (:func:`rules.parse_round_defaults`,
:func:`rules.validate_settings`), so the control panel (Site Setup → 运行监控设置,
``@controlpanels/perfmgmt-monitoring``) answers a field message and saves
nothing when the rules refuse a value.
"""

import logging

from zope import schema
from zope.interface import Interface
from zope.schema.interfaces import ValidationError

from changde.perfmgmt.core.messages import violation_message
from changde.perfmgmt.core.settings import registry_value
from changde.perfmgmt.i18n import _
from changde.perfmgmt.monitoring.rules.rounds import DEFAULT_ROUNDS
from changde.perfmgmt.monitoring.rules.rounds import MonitoringSettings
from changde.perfmgmt.monitoring.rules.rounds import format_round_default
from changde.perfmgmt.monitoring.rules.rounds import parse_round_defaults
from changde.perfmgmt.monitoring.rules.rounds import validate_settings

PREFIX = "changde.perfmgmt.monitoring"

logger = logging.getLogger("changde.perfmgmt.monitoring")

DEFAULT_ROUND_LINES = [format_round_default(default) for default in DEFAULT_ROUNDS]


class SettingsRefused(ValidationError):
    """The rules refuse the value; ``doc()`` is the rules' message (z3c.form
    and plone.restapi show it on the field)."""

    def __init__(self, violations):
        super().__init__(violations)
        self.violations = list(violations)

    def doc(self):
        return violations_message(self.violations)


def violations_message(violations):
    """One message for a field: the first violation, and how many more."""
    message = violation_message(violations[0])
    if len(violations) == 1:
        return message
    return _(
        "monitoring_settings_more_problems",
        default="${message}（另有 ${count} 处错误）",
        mapping={"message": message, "count": str(len(violations) - 1)},
    )


def check_report_working_days(value):
    """Field constraint: the rules' check of the report period."""
    violations = [
        violation
        for violation in validate_settings(
            MonitoringSettings(report_working_days=value)
        )
        if violation.field == "report_working_days"
    ]
    if violations:
        raise SettingsRefused(violations)
    return True


def check_round_lines(lines):
    """Field constraint: every line can be read, and the rounds they give
    meet the plan (at least two, distinct numbers, valid dates and targets,
    known focus items)."""
    rounds, violations = parse_round_defaults(lines)
    if not violations:
        violations = [
            violation
            for violation in validate_settings(
                MonitoringSettings(default_rounds=rounds)
            )
            if violation.field == "default_rounds"
        ]
    if violations:
        raise SettingsRefused(violations)
    return True


class IMonitoringSettings(Interface):
    report_working_days = schema.Int(
        title=_(
            "label_report_working_days",
            default="Report period (working days)",
        ),
        description=_(
            "help_report_working_days",
            default="A round is reported within this many working days of the "
            "month after its cut-off (次月10个工作日内).",
        ),
        default=MonitoringSettings().report_working_days,
        min=1,
        constraint=check_report_working_days,
    )
    default_rounds = schema.List(
        title=_("label_default_rounds", default="Rounds of a year"),
        description=_(
            "help_default_rounds",
            default="One round a line: number|cut-off MM-DD|target %|focus items, "
            "e.g. 1|10-31|60|soundness,fund_safety.",
        ),
        value_type=schema.TextLine(),
        default=list(DEFAULT_ROUND_LINES),
        constraint=check_round_lines,
    )


def _record(name, default):
    return registry_value(PREFIX, name, default)


def monitoring_settings():
    """The office's settings as :class:`rules.MonitoringSettings`.

    The control panel refuses what the rules refuse; values written past it
    (a profile, a script) that cannot be read or that the rules refuse fall
    back to the plan's defaults (logged), so a typo never breaks a page.
    """
    default = MonitoringSettings()
    days = _record("report_working_days", default.report_working_days)
    rounds, violations = parse_round_defaults(
        _record("default_rounds", DEFAULT_ROUND_LINES)
    )
    settings = MonitoringSettings(
        report_working_days=days, default_rounds=rounds or default.default_rounds
    )
    violations = violations + validate_settings(settings)
    if violations:
        logger.warning(
            "monitoring settings refused, using the defaults: %s",
            "; ".join(violation.text for violation in violations),
        )
        return default
    return settings
