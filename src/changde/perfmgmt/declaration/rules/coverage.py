"""Coverage of the four budgets (R-M5): targets by jurisdiction and the
share of budget units and amounts under performance management."""

from collections.abc import Iterable
from dataclasses import dataclass

from changde.perfmgmt.core.rules.jurisdictions import JURISDICTION_KINDS
from changde.perfmgmt.core.rules.jurisdictions import MUNICIPAL
from changde.perfmgmt.declaration.rules.budgets import BUDGET_KINDS
from changde.perfmgmt.declaration.rules.budgets import DEBT_BUDGET_KIND
from changde.perfmgmt.declaration.rules.budgets import FOUR_BUDGETS


@dataclass(frozen=True)
class CoverageSettings:
    """The plan's coverage targets (registry settings on the Plone side)."""

    #: From this year all four budgets are required everywhere.
    full_coverage_year: int = 2021
    #: From this year government debt is required at the municipal level.
    debt_from_year: int = 2021
    #: Before ``full_coverage_year`` non-municipal jurisdictions need this many.
    district_minimum_before_full: int = 2


DEFAULT_COVERAGE_SETTINGS = CoverageSettings()


@dataclass(frozen=True)
class CoverageTarget:
    """How many of the four budgets are required, and whether debt is."""

    required_count: int
    debt_required: bool


@dataclass(frozen=True)
class Coverage:
    """Which budget kinds of a jurisdiction and year have projects."""

    year: int
    jurisdiction_kind: str
    #: Budget kind id -> covered, for every kind of :data:`BUDGET_KINDS`.
    covered: dict
    covered_count: int
    required_count: int
    debt_required: bool
    debt_covered: bool
    met: bool

    def as_dict(self) -> dict:
        """Plain data for JSON answers."""
        return {
            "year": self.year,
            "jurisdiction_kind": self.jurisdiction_kind,
            "covered": dict(self.covered),
            "covered_count": self.covered_count,
            "required_count": self.required_count,
            "debt_required": self.debt_required,
            "debt_covered": self.debt_covered,
            "met": self.met,
        }


def coverage_target(
    year: int,
    jurisdiction_kind: str,
    settings: CoverageSettings = DEFAULT_COVERAGE_SETTINGS,
) -> CoverageTarget:
    """The coverage target of a jurisdiction in a year.

    Plan measure 5 (R-M5): before ``full_coverage_year`` (2021) the municipal
    level needs all four budgets and the others at least
    ``district_minimum_before_full`` (2); from it all four everywhere.
    Government debt is required at the municipal level from
    ``debt_from_year`` (2021). Raises ValueError for an unknown kind.
    """
    if jurisdiction_kind not in JURISDICTION_KINDS:
        raise ValueError(f"Unknown jurisdiction kind: {jurisdiction_kind!r}")
    municipal = jurisdiction_kind == MUNICIPAL
    if municipal or year >= settings.full_coverage_year:
        required = len(FOUR_BUDGETS)
    else:
        required = settings.district_minimum_before_full
    debt_required = municipal and year >= settings.debt_from_year
    return CoverageTarget(required_count=required, debt_required=debt_required)


def coverage(
    budget_kinds_with_projects: Iterable[str],
    year: int,
    jurisdiction_kind: str,
    settings: CoverageSettings = DEFAULT_COVERAGE_SETTINGS,
) -> Coverage:
    """Coverage of the four budgets (and debt) against the plan's target.

    Plan measure 5 (R-M5): ``budget_kinds_with_projects`` are the budget
    kinds that have projects under performance management in the
    jurisdiction and year; unknown kinds are ignored.
    """
    kinds = set(budget_kinds_with_projects)
    target = coverage_target(year, jurisdiction_kind, settings)
    covered = {kind: kind in kinds for kind in BUDGET_KINDS}
    covered_count = sum(1 for kind in FOUR_BUDGETS if covered[kind])
    debt_covered = covered[DEBT_BUDGET_KIND]
    met = covered_count >= target.required_count and (
        debt_covered or not target.debt_required
    )
    return Coverage(
        year=year,
        jurisdiction_kind=jurisdiction_kind,
        covered=covered,
        covered_count=covered_count,
        required_count=target.required_count,
        debt_required=target.debt_required,
        debt_covered=debt_covered,
        met=met,
    )
