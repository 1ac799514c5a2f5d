"""Monitoring's numbers over plain values (R-M9): execution rates of groups
of records (a round, a round's jurisdiction) with their flags, and the
traffic light of a rate against the round's target.

The dashboards, the workbench and the annual report count with these
functions; :mod:`changde.perfmgmt.monitoring.figures` reads the plain values
from catalog metadata. Nothing here imports Zope or Plone.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field
from decimal import Decimal

from changde.perfmgmt.core.rules import is_blank
from changde.perfmgmt.core.rules import percent
from changde.perfmgmt.core.rules import to_decimal

#: Traffic lights, worst first.
RED, YELLOW, GREEN = "red", "yellow", "green"
LIGHTS = (RED, YELLOW, GREEN)


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


@dataclass(frozen=True)
class RecordValues:
    """What the figures need of one monitoring record."""

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
    flags: dict = field(default_factory=dict)

    def add(self, record: RecordValues):
        self.records += 1
        for flag in record.flags or ():
            self.flags[flag] = self.flags.get(flag, 0) + 1
        if is_blank(record.budget_amount) or is_blank(record.executed_amount):
            return
        self.with_amounts += 1
        self.budget += to_decimal(record.budget_amount, strict=True)
        self.executed += to_decimal(record.executed_amount, strict=True)

    @property
    def rate(self) -> Decimal | None:
        """Executed over budget of the records with both amounts, as a
        percentage to 2 places (as :func:`rules.aggregate_rate`), None when
        their budget is 0."""
        return percent(self.executed, self.budget)

    def flagged(self, flag) -> int:
        return self.flags.get(flag, 0)


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
