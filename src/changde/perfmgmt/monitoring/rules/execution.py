"""Budget execution: the amounts, the execution rate, and the share of
projects meeting the target."""

from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from decimal import Decimal
from typing import NamedTuple

from changde.perfmgmt.core.rules.lights import GREEN
from changde.perfmgmt.core.rules.lights import RED
from changde.perfmgmt.core.rules.lights import YELLOW
from changde.perfmgmt.core.rules.numbers import number_violations
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
        out_of_range = (
            [] if number is None else number_violations(number, field=field, places=2)
        )
        if out_of_range:
            violations.extend(out_of_range)
        elif number is None:
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


# --- Execution of groups of records (dashboards, annual report) -------------


def traffic_light(rate, target_rate, margin) -> str | None:
    """The light of an execution rate against its round's target: red below
    the target, yellow from the target up to (not including) target +
    ``margin`` percentage points, green from there on; None without a rate.

    With a target of 60 and a margin of 5: 59.99 is red, 60.00 and 64.99
    yellow, 65.00 green. A margin of 0 gives no yellow. ValueError for a
    rate, target or margin that is not a number, or a negative margin.
    """
    if rate is None:
        return None
    rate = to_decimal(rate, strict=True)
    target = to_decimal(target_rate, strict=True)
    margin = to_decimal(margin, strict=True)
    if margin < 0:
        raise ValueError(f"the margin cannot be negative: {margin}")
    if rate < target:
        return RED
    if rate < target + margin:
        return YELLOW
    return GREEN


class RecordValues(NamedTuple):
    """What the figures need of one monitoring record (a named tuple: the
    dashboard makes 20,000 of them)."""

    round_number: int
    jurisdiction: str
    budget_amount: object
    executed_amount: object
    flags: tuple = ()


@dataclass
class Execution:
    """A group of records: how many, the sums of the amounts of those with
    both amounts, and how many raised each flag."""

    records: int = 0
    with_amounts: int = 0
    budget: Decimal = Decimal(0)
    executed: Decimal = Decimal(0)
    flags: dict = dataclass_field(default_factory=dict)
    #: records with a rate of their own (both amounts, a budget above 0)
    with_rate: int = 0

    def add(self, record: RecordValues):
        self.records += 1
        for flag in record.flags or ():
            self.flags[flag] = self.flags.get(flag, 0) + 1
        if is_blank(record.budget_amount) or is_blank(record.executed_amount):
            return
        self.with_amounts += 1
        budget = to_decimal(record.budget_amount, strict=True)
        self.budget += budget
        self.executed += to_decimal(record.executed_amount, strict=True)
        if budget != 0:
            self.with_rate += 1

    @property
    def rate(self) -> Decimal | None:
        """Executed over budget of the records with both amounts, as a
        percentage to 2 places (as :func:`rules.aggregate_rate`), None when
        their budget is 0."""
        return percent(self.executed, self.budget)

    def flagged(self, flag) -> int:
        return self.flags.get(flag, 0)

    @property
    def meeting_target(self) -> int:
        """Records whose own rate meets their round's target: those with a
        rate that did not raise ``below_target`` (a record's flags are set
        against its round's target, :func:`rules.flags.record_flags`)."""
        return max(self.with_rate - self.flagged("below_target"), 0)

    @property
    def share_meeting_target(self) -> Decimal | None:
        """:attr:`meeting_target` as a percentage of the records with a rate
        (2 places, half up; as :func:`share_meeting_target`), None when no
        record has a rate."""
        return percent(self.meeting_target, self.with_rate)

    def __add__(self, other):
        """Two groups together (a round's total from its jurisdictions')."""
        flags = dict(self.flags)
        for flag, count in other.flags.items():
            flags[flag] = flags.get(flag, 0) + count
        return Execution(
            records=self.records + other.records,
            with_amounts=self.with_amounts + other.with_amounts,
            budget=self.budget + other.budget,
            executed=self.executed + other.executed,
            flags=flags,
            with_rate=self.with_rate + other.with_rate,
        )


def execution_by(records: Iterable[RecordValues], key) -> dict:
    """``{key(record): Execution}`` of ``records``, in the order the keys
    first appear (e.g. ``key=lambda r: (r.round_number, r.jurisdiction)``)."""
    groups = {}
    for record in records:
        group_key = key(record)
        group = groups.get(group_key)
        if group is None:
            group = groups[group_key] = Execution()
        group.add(record)
    return groups
