"""Checks of a budget project's fields, and the declaration's thresholds.

Money is :class:`~decimal.Decimal` in yuan.
"""

from dataclasses import dataclass
from decimal import Decimal

from changde.perfmgmt.core.rules.money import format_yuan
from changde.perfmgmt.core.rules.numbers import to_decimal
from changde.perfmgmt.core.rules.values import is_blank
from changde.perfmgmt.core.rules.violations import Violation
from changde.perfmgmt.core.rules.years import MAX_YEAR
from changde.perfmgmt.core.rules.years import MIN_YEAR
from changde.perfmgmt.declaration.rules.budgets import BUDGET_KINDS


@dataclass(frozen=True)
class DeclarationSettings:
    """The thresholds of the plan (registry settings on the Plone side)."""

    #: Quantifiable indicators a special fund needs (R-M6).
    min_quantifiable_indicators: int = 10
    #: A special fund of this amount (yuan) or more needs a management measure.
    management_measure_threshold: Decimal = Decimal("5000000")
    #: Special funds the municipal level may approve per year (R-M4).
    municipal_special_fund_cap: int = 90
    #: The range of budget years accepted.
    min_year: int = MIN_YEAR
    max_year: int = MAX_YEAR


DEFAULT_SETTINGS = DeclarationSettings()


#: The parameters of the messages below that are amounts of yuan.
AMOUNT_PARAMS = ("amount", "threshold")


def readable_params(params: dict) -> dict:
    """``params`` with the amounts (:data:`AMOUNT_PARAMS`) formatted by
    :func:`format_yuan`, for the message a person reads."""
    return {
        key: format_yuan(value) if key in AMOUNT_PARAMS else value
        for key, value in params.items()
    }


def _to_int(value) -> int | None:
    """``value`` as an int (int or a string of digits), or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return None
    return None


def validate_project_year(
    year, settings: DeclarationSettings = DEFAULT_SETTINGS
) -> list[Violation]:
    """Check a project's budget year: given, whole, in
    [``min_year``, ``max_year``] (plan measures 4 and 5, R-M4, R-M5)."""
    if is_blank(year):
        return [
            Violation("project_year_required", "The budget year is required.", "year")
        ]
    number = _to_int(year)
    if number is None:
        return [
            Violation(
                "project_year_invalid",
                'The budget year must be a whole number; "${year}" is not.',
                "year",
                {"year": year},
            )
        ]
    if not settings.min_year <= number <= settings.max_year:
        return [
            Violation(
                "project_year_out_of_range",
                "The budget year must lie between ${min_year} and ${max_year}; "
                "${year} does not.",
                "year",
                {
                    "year": number,
                    "min_year": settings.min_year,
                    "max_year": settings.max_year,
                },
            )
        ]
    return []


def validate_budget_kind(budget_kind) -> list[Violation]:
    """Check a project's budget kind: given, one of :data:`BUDGET_KINDS`
    (plan measure 5, R-M5)."""
    if is_blank(budget_kind):
        return [
            Violation(
                "project_budget_kind_required",
                "The budget kind is required.",
                "budget_kind",
            )
        ]
    if budget_kind not in BUDGET_KINDS:
        return [
            Violation(
                "project_budget_kind_unknown",
                'Unknown budget kind "${budget_kind}"; it must be one of ${allowed}.',
                "budget_kind",
                {"budget_kind": budget_kind, "allowed": ", ".join(BUDGET_KINDS)},
            )
        ]
    return []


def validate_amount(amount) -> list[Violation]:
    """Check a project's amount (yuan; Decimal, int or str): given, a number,
    not negative (plan measure 4, R-M4)."""
    if is_blank(amount):
        return [
            Violation("project_amount_required", "The amount is required.", "amount")
        ]
    number = to_decimal(amount, allow_commas=True)
    if number is None:
        return [
            Violation(
                "project_amount_not_a_number",
                'The amount must be a number of yuan; "${amount}" is not.',
                "amount",
                {"amount": amount},
            )
        ]
    if number < 0:
        return [
            Violation(
                "project_amount_negative",
                "The amount cannot be negative; it is ${amount} yuan.",
                "amount",
                {"amount": number},
            )
        ]
    return []


def validate_project_fields(
    year, budget_kind, amount, settings: DeclarationSettings = DEFAULT_SETTINGS
) -> list[Violation]:
    """Check a project's year, budget kind and amount.

    Plan measures 4 and 5 (R-M4, R-M5): the budget year lies in
    [``min_year``, ``max_year``], the budget kind is one of
    :data:`BUDGET_KINDS`, the amount (yuan; Decimal, int or str) is a number
    and not negative. The schema of a project calls each of the three checks
    as the constraint of its field (forms and REST alike).
    """
    return [
        *validate_project_year(year, settings),
        *validate_budget_kind(budget_kind),
        *validate_amount(amount),
    ]
