"""The municipal level's special funds against the cap (R-M4), as the
dashboards and the workbench show them: 87 / 90."""

from dataclasses import dataclass

from changde.perfmgmt.core.rules.lights import GREEN
from changde.perfmgmt.core.rules.lights import RED
from changde.perfmgmt.core.rules.lights import YELLOW
from changde.perfmgmt.core.rules.values import is_count


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
    """The count against the cap: 87 of 90 with a margin of 5 is yellow, 85
    of 90 yellow, 84 green, 90 of 90 red (nothing more may be approved).
    ValueError for counts that are not whole numbers ≥ 0."""
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
