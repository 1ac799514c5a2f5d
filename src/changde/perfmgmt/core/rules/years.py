"""The years a form or a request may name."""

from decimal import Decimal

from changde.perfmgmt.core.rules.numbers import to_decimal

#: The years a form or a request may name (budget years, rounds, reports).
MIN_YEAR = 2000


MAX_YEAR = 2100


def year_or_none(value) -> int | None:
    """``value`` as a year between :data:`MIN_YEAR` and :data:`MAX_YEAR`
    (an int, its text, or a whole float such as ``2026.0``), or None when it
    is not one: ``2031.9`` is not a year (``int()`` would cut it to 2031)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float | Decimal):
        number = to_decimal(value)
        if number is None or number != number.to_integral_value():
            return None
    try:
        year = int(value)
    except (TypeError, ValueError):
        return None
    return year if MIN_YEAR <= year <= MAX_YEAR else None
