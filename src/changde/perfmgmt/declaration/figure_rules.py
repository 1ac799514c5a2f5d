"""The declaration's numbers over plain values: the share of quantified
indicators (R-M6), the special funds against the municipal cap (R-M4) and the
gaps of the four-budgets coverage (R-M5).

The dashboards, the workbench and the annual report all count with these
functions, so they show the same numbers; the Plone side
(:mod:`changde.perfmgmt.declaration.figures`) reads the plain values from
catalog metadata. Nothing here imports Zope or Plone.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from changde.perfmgmt.core.rules import is_count
from changde.perfmgmt.core.rules import percent
from changde.perfmgmt.declaration.rules import BUDGET_KINDS
from changde.perfmgmt.declaration.rules import DEBT_BUDGET_KIND
from changde.perfmgmt.declaration.rules import FOUR_BUDGETS
from changde.perfmgmt.declaration.rules import Coverage
from changde.perfmgmt.declaration.rules import has_numeric_target

#: Traffic lights, worst first.
RED, YELLOW, GREEN = "red", "yellow", "green"
LIGHTS = (RED, YELLOW, GREEN)


# --- Quantified indicators (R-M6) ---------------------------------------------


def is_quantified(quantifiable, target_value) -> bool:
    """Whether an indicator is quantified (细化量化): ticked quantifiable and
    with a numeric target value, as the special-fund gate counts it (a
    quantifiable indicator without a target measures nothing)."""
    return bool(quantifiable) and has_numeric_target(target_value)


@dataclass(frozen=True)
class QuantifiedShare:
    """Indicators of a group of projects, and how many are quantified."""

    indicators: int = 0
    quantified: int = 0

    @property
    def share(self) -> Decimal | None:
        """Quantified as a percentage of all indicators (2 places, half
        up), None when there are no indicators."""
        return percent(self.quantified, self.indicators)

    def __add__(self, other):
        return QuantifiedShare(
            self.indicators + other.indicators, self.quantified + other.quantified
        )


def quantified_share_of(indicators, quantified) -> QuantifiedShare:
    """One project's counts; ValueError for counts that cannot be (negative,
    not whole, or more quantified indicators than indicators)."""
    if not is_count(indicators) or not is_count(quantified):
        raise ValueError(
            f"counts must be whole numbers ≥ 0: {indicators!r}, {quantified!r}"
        )
    if quantified > indicators:
        raise ValueError(
            f"more quantified ({quantified}) than indicators ({indicators})"
        )
    return QuantifiedShare(indicators, quantified)


def quantified_shares(rows: Iterable) -> dict:
    """``{key: QuantifiedShare}`` summed over ``rows`` of ``(key, indicators,
    quantified)`` (one row a project; key e.g. its unit or its district), in
    the order the keys first appear."""
    totals = {}
    for key, indicators, quantified in rows:
        totals[key] = totals.get(key, QuantifiedShare()) + quantified_share_of(
            indicators, quantified
        )
    return totals


# --- Special funds against the cap (R-M4) -------------------------------------


@dataclass(frozen=True)
class SpecialFundUsage:
    """The municipal level's approved special funds of a year and the cap."""

    approved: int
    cap: int
    #: How many more may be approved (0 at or over the cap).
    remaining: int
    #: green: room left; yellow: within the margin of the cap; red: at or
    #: over it (the approval of one more is refused).
    light: str


def special_fund_usage(approved: int, cap: int, margin: int = 0) -> SpecialFundUsage:
    """The count against the cap: 87 of 90 with a margin of 5 is yellow,
    90 of 90 red (nothing more may be approved), 80 of 90 green. ValueError
    for counts that are not whole numbers ≥ 0."""
    for name, value in (("approved", approved), ("cap", cap), ("margin", margin)):
        if not is_count(value):
            raise ValueError(f"{name} must be a whole number ≥ 0: {value!r}")
    if approved >= cap:
        light = RED
    elif approved >= cap - margin:
        light = YELLOW
    else:
        light = GREEN
    return SpecialFundUsage(approved, cap, max(cap - approved, 0), light)


# --- Gaps of the four-budgets coverage (R-M5) ---------------------------------


def coverage_gaps(coverage: Coverage) -> tuple:
    """The budget kinds a jurisdiction misses against its target, shown red
    in the coverage matrix: when it covers fewer of the four budgets than
    required, each of the four it lacks; government debt when it is required
    and not covered. A jurisdiction that meets its target has no gaps."""
    gaps = []
    if coverage.covered_count < coverage.required_count:
        gaps.extend(kind for kind in FOUR_BUDGETS if not coverage.covered[kind])
    if coverage.debt_required and not coverage.debt_covered:
        gaps.append(DEBT_BUDGET_KIND)
    return tuple(kind for kind in BUDGET_KINDS if kind in gaps)
