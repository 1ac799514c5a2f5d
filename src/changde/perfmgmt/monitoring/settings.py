"""Registry settings of the monitoring module (prefix
``changde.perfmgmt.monitoring``): the report period and the rounds of a year.

The defaults come from :mod:`changde.perfmgmt.monitoring.rules`, so the plan's
numbers are written in one place. The working-day calendar reads the
office's extra holidays and working days from the core settings.
"""

import logging

from zope import schema
from zope.interface import Interface

from changde.perfmgmt.core.settings import registry_value
from changde.perfmgmt.i18n import _
from changde.perfmgmt.monitoring import rules

PREFIX = "changde.perfmgmt.monitoring"

logger = logging.getLogger("changde.perfmgmt.monitoring")

DEFAULT_ROUND_LINES = [
    rules.format_round_default(default) for default in rules.DEFAULT_ROUNDS
]


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
        default=rules.MonitoringSettings().report_working_days,
        min=1,
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
    )


def _record(name, default):
    return registry_value(PREFIX, name, default)


def monitoring_settings():
    """The office's settings as :class:`rules.MonitoringSettings`.

    Lines that cannot be read, or settings the rules refuse, fall back to the
    plan's defaults (logged), so a typo never breaks a page.
    """
    default = rules.MonitoringSettings()
    days = _record("report_working_days", default.report_working_days)
    rounds, violations = rules.parse_round_defaults(
        _record("default_rounds", DEFAULT_ROUND_LINES)
    )
    settings = rules.MonitoringSettings(
        report_working_days=days, default_rounds=rounds or default.default_rounds
    )
    violations = violations + rules.validate_settings(settings)
    if violations:
        logger.warning(
            "monitoring settings refused, using the defaults: %s",
            "; ".join(violation.text for violation in violations),
        )
        return default
    return settings
