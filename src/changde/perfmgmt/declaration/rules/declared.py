"""The projects declared with their goals (R-M4) in numbers: how many, their
amounts, and of them the special funds. The dashboards' and the annual
report's figures sum the projects' catalog rows with
:func:`declared_totals`."""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from changde.perfmgmt.core.rules.numbers import to_decimal


@dataclass(frozen=True)
class DeclaredTotals:
    """A group of declared projects: how many and their amount (yuan), and
    the same of the special funds among them."""

    projects: int = 0
    amount: Decimal = Decimal(0)
    special_funds: int = 0
    special_fund_amount: Decimal = Decimal(0)


def declared_totals(rows: Iterable) -> DeclaredTotals:
    """The totals of ``rows``, each ``(amount, is_special_fund)`` of one
    project; an amount that is no number (missing, or stored before amounts
    were checked) adds 0 but the project still counts."""
    projects = special = 0
    amount = special_amount = Decimal(0)
    for value, is_special_fund in rows:
        number = to_decimal(value) or Decimal(0)
        projects += 1
        amount += number
        if is_special_fund:
            special += 1
            special_amount += number
    return DeclaredTotals(projects, amount, special, special_amount)
