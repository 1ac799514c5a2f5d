"""Budget execution: the amounts, the execution rate, and the share of
projects meeting the target."""

from collections.abc import Iterable
from decimal import Decimal
from typing import NamedTuple

from changde.perfmgmt.core.rules.numbers import percent
from changde.perfmgmt.core.rules.numbers import to_decimal
from changde.perfmgmt.core.rules.values import is_blank
from changde.perfmgmt.core.rules.violations import Violation
from changde.perfmgmt.monitoring.rules.flags import below_target


def validate_amounts(budget_amount, executed_amount) -> list[Violation]:
    """Violations for a record's budget and executed amounts.

    Each amount must be given, be a number and not be negative. A budget of
    0 and an executed amount above the budget are allowed (see
    :func:`execution_rate`).
    """
    violations = []
    for field, value in (
        ("budget_amount", budget_amount),
        ("executed_amount", executed_amount),
    ):
        if is_blank(value):
            violations.append(
                Violation(
                    code="monitoring_amount_required",
                    default="Enter an amount.",
                    field=field,
                )
            )
            continue
        number = to_decimal(value)
        if number is None:
            violations.append(
                Violation(
                    code="monitoring_amount_not_a_number",
                    default="'${value}' is not a number.",
                    field=field,
                    params={"value": value},
                )
            )
        elif number < 0:
            violations.append(
                Violation(
                    code="monitoring_amount_negative",
                    default="The amount cannot be negative (${value}).",
                    field=field,
                    params={"value": value},
                )
            )
    return violations


def execution_rate(budget_amount, executed_amount) -> Decimal | None:
    """Executed amount as a percentage of the budget, to 2 places.

    Rounded half up (59.995 → 60.00). ``None`` when there is no meaningful
    rate: the budget is 0 or an amount is missing. Executing more than the
    budget gives a rate above 100, which is returned as it is. Amounts that
    :func:`validate_amounts` rejects (not numbers, negative) raise
    ``ValueError``.
    """
    if is_blank(budget_amount) or is_blank(executed_amount):
        return None
    if validate_amounts(budget_amount, executed_amount):
        raise ValueError(
            "invalid amounts: "
            f"budget_amount={budget_amount!r}, executed_amount={executed_amount!r}"
        )
    return percent(executed_amount, budget_amount)


class TargetShare(NamedTuple):
    """How many records of a round meet the target."""

    count_meeting: int
    total: int
    share: Decimal | None


def share_meeting_target(rates: Iterable, target_rate) -> TargetShare:
    """Count the rates meeting ``target_rate`` and their share in percent.

    Records without a rate (``None``: budget 0 or amounts missing) are left
    out of both counts. ``share`` is rounded half up to 2 places and is
    ``None`` when no record has a rate. A plain 3-tuple can be unpacked:
    ``count, total, share = share_meeting_target(rates, 60)``.
    """
    known = [rate for rate in rates if rate is not None]
    meeting = sum(1 for rate in known if not below_target(rate, target_rate))
    return TargetShare(meeting, len(known), percent(meeting, len(known)))


def aggregate_rate(pairs: Iterable) -> Decimal | None:
    """The execution rate of several records together: the sum of executed
    over the sum of budget amounts (``(budget, executed)`` pairs; pairs with
    a missing amount are left out)."""
    budget = executed = Decimal(0)
    for budget_amount, executed_amount in pairs:
        if is_blank(budget_amount) or is_blank(executed_amount):
            continue
        budget += to_decimal(budget_amount, strict=True)
        executed += to_decimal(executed_amount, strict=True)
    return percent(executed, budget)
