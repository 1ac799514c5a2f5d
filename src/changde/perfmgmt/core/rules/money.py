"""Amounts of yuan as people read them, in 元 or 万元."""

from decimal import ROUND_HALF_UP
from decimal import Decimal

from changde.perfmgmt.core.rules.numbers import to_decimal


def format_yuan(value) -> str:
    """An amount of yuan as people read it: ``5,000,000``, ``4,999,999.99``.

    Whole amounts show no decimals; anything else keeps its own. A value that
    is not a number is returned as text.
    """
    number = to_decimal(value, allow_commas=True)
    if number is None:
        return str(value)
    if number == number.to_integral_value():
        return f"{number:,.0f}"
    return f"{number.normalize():,f}"


#: The units the office may show amounts in (registry
#: ``changde.perfmgmt.core.money_unit``): 元, or 万元 (ten thousand yuan).
YUAN = "yuan"
WAN_YUAN = "wan_yuan"
MONEY_UNITS = (YUAN, WAN_YUAN)
WAN = Decimal(10000)
CENT_OF_WAN = Decimal("0.01")


def amount_in_unit(value, unit: str = YUAN) -> str | None:
    """An amount of yuan as people read it in ``unit``, without the unit's
    name; None when ``value`` is not a number.

    In 元 it is :func:`format_yuan` (``60,000,000``, ``4,999,999.99``); in
    万元 it is divided by 10,000 and always shows two decimals, rounded half
    up, as finance tables do (``6,000.00``; 1 元 is ``0.00``, 50 元 ``0.01``).
    """
    if unit not in MONEY_UNITS:
        raise ValueError(f"not a money unit: {unit!r}")
    number = to_decimal(value, allow_commas=True)
    if number is None:
        return None
    if unit == YUAN:
        return format_yuan(number)
    wan = (number / WAN).quantize(CENT_OF_WAN, rounding=ROUND_HALF_UP)
    if wan == 0:
        wan = abs(wan)  # no "-0.00"
    return f"{wan:,.2f}"
