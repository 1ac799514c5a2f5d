"""The flags a monitoring record raises: below target, suspension of
funding for serious problems (R-M10), over budget."""

from dataclasses import dataclass

from changde.perfmgmt.core.rules.numbers import HUNDRED
from changde.perfmgmt.core.rules.numbers import to_decimal
from changde.perfmgmt.core.rules.violations import Violation

#: Severity of the problems found in a project's monitoring, mildest first.
SEVERITIES = ("none", "minor", "serious")


#: The flags a record can raise (:func:`flag_names`; catalog index
#: ``monitoring_flags``).
FLAGS = ("below_target", "suspension", "over_budget")


def below_target(rate, target_rate) -> bool:
    """Whether ``rate`` misses ``target_rate`` (60.00 meets 60; 59.99 not).

    No rate (``None``) is never below target. Compare the rounded rate of
    :func:`execution_rate` so the flag agrees with the rate people see.
    """
    if rate is None:
        return False
    rate_number, target_number = to_decimal(rate), to_decimal(target_rate)
    if rate_number is None or target_number is None:
        raise ValueError(f"not a number: rate={rate!r}, target={target_rate!r}")
    return rate_number < target_number


def suspension_flag(severity) -> bool:
    """Serious problems can suspend funding until rectified (R-M10)."""
    return severity == "serious"


def validate_severity(severity) -> list[Violation]:
    """A violation when ``severity`` is not one of :data:`SEVERITIES`."""
    if severity in SEVERITIES:
        return []
    return [
        Violation(
            code="monitoring_severity_unknown",
            default="Unknown severity '${value}'.",
            field="severity",
            params={"value": severity},
        )
    ]


@dataclass(frozen=True)
class RecordFlags:
    """What one project's monitoring result triggers."""

    below_target: bool
    suspend_funding: bool
    over_budget: bool = False

    @property
    def flagged(self) -> bool:
        """Whether the result goes to the negative list (R-M13)."""
        return self.below_target or self.suspend_funding


def record_flags(rate, target_rate, severity) -> RecordFlags:
    """The flags of one record: below target, funding to suspend, over 100%."""
    rate_number = None if rate is None else to_decimal(rate)
    return RecordFlags(
        below_target=below_target(rate, target_rate),
        suspend_funding=suspension_flag(severity),
        over_budget=rate_number is not None and rate_number > HUNDRED,
    )


def flag_names(flags: RecordFlags) -> list[str]:
    """The names of the raised flags, in the order of :data:`FLAGS`:
    ``below_target``, ``suspension``, ``over_budget`` (more executed than
    budgeted; a flag to look at, not a sanction)."""
    names = []
    if flags.below_target:
        names.append("below_target")
    if flags.suspend_funding:
        names.append("suspension")
    if flags.over_budget:
        names.append("over_budget")
    return names
