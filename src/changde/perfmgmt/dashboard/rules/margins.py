"""The margins of the dashboards' traffic lights, as the office sets them.

An execution rate is red below its round's target, yellow up to
``execution_margin`` percentage points above it, green from there on
(:func:`changde.perfmgmt.monitoring.rules.execution.traffic_light`); the
municipal special funds are red at the cap, yellow within
``special_fund_margin`` of it, green below
(:func:`changde.perfmgmt.declaration.rules.special_funds.special_fund_usage`).
Nothing here imports Zope or Plone.
"""

from dataclasses import dataclass
from decimal import Decimal

from changde.perfmgmt.core.rules.numbers import to_decimal
from changde.perfmgmt.core.rules.values import is_count
from changde.perfmgmt.core.rules.violations import Violation

#: The largest margin of an execution rate, in percentage points.
MAX_EXECUTION_MARGIN = Decimal(100)


@dataclass(frozen=True)
class Margins:
    """Percentage points of yellow above a round's target; special funds of
    yellow below the cap."""

    execution_margin: Decimal = Decimal("5")
    special_fund_margin: int = 5


DEFAULT_MARGINS = Margins()


def validate_margins(margins: Margins) -> list[Violation]:
    """The execution margin is a number from 0 to 100 percentage points, the
    special-fund margin a whole number of projects, 0 or more."""
    violations = []
    margin = to_decimal(margins.execution_margin)
    if margin is None or not 0 <= margin <= MAX_EXECUTION_MARGIN:
        violations.append(
            Violation(
                "dashboard_execution_margin_invalid",
                "The margin of the execution rates must lie between 0 and "
                "${maximum} percentage points; it is ${value}.",
                "execution_margin",
                {"value": margins.execution_margin, "maximum": MAX_EXECUTION_MARGIN},
            )
        )
    if not is_count(margins.special_fund_margin):
        violations.append(
            Violation(
                "dashboard_special_fund_margin_invalid",
                "The margin of the special funds must be a whole number of "
                "projects, 0 or more; it is ${value}.",
                "special_fund_margin",
                {"value": margins.special_fund_margin},
            )
        )
    return violations
