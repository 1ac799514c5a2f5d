"""The share of quantified indicators (细化量化, R-M6), reported per unit and
district: an indicator is quantified when it is quantifiable and has a numeric
target value, as the special-fund gate counts it. The dashboards and the
annual report sum projects' counts with :func:`quantified_shares`."""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from changde.perfmgmt.core.rules.numbers import percent
from changde.perfmgmt.core.rules.values import is_count
from changde.perfmgmt.declaration.rules.indicators import has_numeric_target


def is_quantified(quantifiable, target_value) -> bool:
    """Whether an indicator is quantified: ticked quantifiable and with a
    numeric target value (a quantifiable indicator without a target measures
    nothing)."""
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
