"""Registry settings of the dashboards (prefix ``changde.perfmgmt.dashboard``):
the margins of the traffic lights. The defaults come from
:mod:`changde.perfmgmt.dashboard.rules.margins`; the control panel (驾驶舱设置,
``@controlpanels/perfmgmt-dashboard``) refuses what the rules refuse, and a
value written around it that they refuse falls back to the default (logged)."""

import logging
from decimal import Decimal

from zope import schema
from zope.interface import Interface

from changde.perfmgmt.core.settings import registry_value
from changde.perfmgmt.dashboard.rules.margins import DEFAULT_MARGINS
from changde.perfmgmt.dashboard.rules.margins import MAX_EXECUTION_MARGIN
from changde.perfmgmt.dashboard.rules.margins import Margins
from changde.perfmgmt.dashboard.rules.margins import validate_margins
from changde.perfmgmt.i18n import _

PREFIX = "changde.perfmgmt.dashboard"

logger = logging.getLogger("changde.perfmgmt.dashboard")


class IDashboardSettings(Interface):
    execution_margin = schema.Decimal(
        title=_(
            "label_execution_margin",
            default="Yellow margin of the execution rates (percentage points)",
        ),
        description=_(
            "help_execution_margin",
            default="A rate below its round's target is red; from the target "
            "up to this many percentage points above it yellow; above that green.",
        ),
        default=DEFAULT_MARGINS.execution_margin,
        min=Decimal(0),
        max=MAX_EXECUTION_MARGIN,
    )
    special_fund_margin = schema.Int(
        title=_(
            "label_special_fund_margin",
            default="Yellow margin of the special funds (projects below the cap)",
        ),
        description=_(
            "help_special_fund_margin",
            default="The municipal level's approved special funds are red at "
            "the cap, yellow within this many of it, green below.",
        ),
        default=DEFAULT_MARGINS.special_fund_margin,
        min=0,
    )


def margins():
    """The margins as the office set them (the defaults when refused)."""
    value = Margins(
        execution_margin=registry_value(
            PREFIX, "execution_margin", DEFAULT_MARGINS.execution_margin
        ),
        special_fund_margin=registry_value(
            PREFIX, "special_fund_margin", DEFAULT_MARGINS.special_fund_margin
        ),
    )
    violations = validate_margins(value)
    if violations:
        logger.warning(
            "dashboard margins refused, using the defaults: %s",
            "; ".join(violation.text for violation in violations),
        )
        return DEFAULT_MARGINS
    return value
