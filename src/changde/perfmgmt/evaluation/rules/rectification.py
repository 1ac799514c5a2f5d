"""Rectification of evaluation findings (R-M12): the rate, the target
and overdue items."""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN
from decimal import Decimal

from changde.perfmgmt.core.rules.numbers import percent
from changde.perfmgmt.core.rules.numbers import to_decimal
from changde.perfmgmt.core.rules.values import is_count

#: The states of a rectification item (its workflow holds their titles).
RECTIFICATION_STATUSES = ("open", "submitted", "accepted", "reopened")


@dataclass(frozen=True)
class RectificationSettings:
    """The rectification rate every key evaluation's problems must reach."""

    target_rate: Decimal = Decimal("100")


DEFAULT_RECTIFICATION_SETTINGS = RectificationSettings()


def rectification_rate(total: int, accepted: int) -> Decimal | None:
    """Percentage of rectification items accepted, or None when there are none.

    Rounded *down* to two decimals, so that 100.00 means every item is
    accepted (29,999 of 30,000 gives 99.99, never 100.00).
    """
    for name, count in (("total", total), ("accepted", accepted)):
        if not is_count(count, 0):
            raise ValueError(f"{name} must be a whole number ≥ 0: {count!r}")
    if accepted > total:
        raise ValueError(f"accepted ({accepted}) exceeds total ({total})")
    return percent(accepted, total, rounding=ROUND_DOWN)


def rectification_met(
    rate: Decimal | None,
    settings: RectificationSettings = DEFAULT_RECTIFICATION_SETTINGS,
) -> bool:
    """Whether a rectification rate reaches the target (100% by default).

    ``None`` (no rectification items) counts as met: nothing is left to
    rectify. Whether problems were recorded as items at all is a separate check.
    """
    if rate is None:
        return True
    return to_decimal(rate, strict=True) >= to_decimal(
        settings.target_rate, strict=True
    )


def is_item_overdue(deadline: date | None, status: str, today: date) -> bool:
    """Whether a rectification item is overdue: not accepted and past deadline.

    The deadline day itself is not overdue. An item without a deadline is never
    overdue.
    """
    if status not in RECTIFICATION_STATUSES:
        raise ValueError(f"unknown rectification status: {status!r}")
    if deadline is None:
        return False
    return status != "accepted" and today > deadline
