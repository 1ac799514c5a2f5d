"""Amounts of yuan as people read them."""

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
