"""Reading numbers, percentages and rounding, and the range of a score.

Numbers are :class:`~decimal.Decimal`; :func:`to_decimal` reads what forms,
spreadsheets and JSON give.
"""

from decimal import ROUND_HALF_UP
from decimal import Context
from decimal import Decimal
from decimal import InvalidOperation

#: The range of every score (evaluation grades, internal review): 0 to 100.
SCORE_MIN = Decimal("0")


SCORE_MAX = Decimal("100")


#: One hundred, for percentages.
HUNDRED = Decimal(100)


#: The exponent of two decimal places (cents, percentages shown to 0.01).
TWO_PLACES = Decimal("0.01")


#: Enough digits that dividing and quantizing a percentage never runs out of
#: precision: only the final rounding to the requested places rounds.
DECIMAL_CONTEXT = Context(prec=60)


def to_decimal(
    value, *, strict: bool = False, allow_commas: bool = False
) -> Decimal | None:
    """``value`` as a finite :class:`~decimal.Decimal`.

    Accepts a ``Decimal``, an ``int``, a ``float`` (through its shortest text,
    so ``0.1`` stays ``0.1`` and ``89.99`` stays ``89.99``) and a numeric
    string (white space around it is ignored: ``" 1234.50 "``). Booleans,
    NaN, infinities and every other type are not numbers.

    When ``value`` is not a number the answer is ``None``, or, with
    ``strict=True``, a ``ValueError`` (``"not a number: …"``, or
    ``"not a finite number: …"`` for NaN and infinities).

    With ``allow_commas=True`` the commas of a string are dropped first, so
    thousands separators are accepted (``"5,000,000"``); without it such a
    string is not a number.
    """
    if isinstance(value, bool):
        number = None
    elif isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float | str):
        text = str(value).strip()
        if allow_commas:
            text = text.replace(",", "")
        try:
            number = Decimal(text)
        except InvalidOperation:
            number = None
    else:
        number = None
    if number is None:
        if strict:
            raise ValueError(f"not a number: {value!r}")
        return None
    if not number.is_finite():
        if strict:
            raise ValueError(f"not a finite number: {value!r}")
        return None
    return number


def round_decimal(number, places: int = 2, rounding: str = ROUND_HALF_UP) -> Decimal:
    """``number`` (a Decimal or int) rounded to ``places`` decimal places.

    Half up by default (``1.005`` → ``1.01``); pass another
    :mod:`decimal` rounding mode, e.g. ``ROUND_DOWN``, to change it. The
    rounding uses :data:`DECIMAL_CONTEXT`, so large numbers do not run out of
    precision.
    """
    exponent = Decimal(1).scaleb(-places)
    return Decimal(number).quantize(
        exponent, rounding=rounding, context=DECIMAL_CONTEXT
    )


def percent(
    part, whole, places: int = 2, rounding: str = ROUND_HALF_UP
) -> Decimal | None:
    """``part`` as a percentage of ``whole``, to ``places`` decimal places.

    ``part × 100 / whole``, computed with the 60 digits of
    :data:`DECIMAL_CONTEXT` so that only the final rounding rounds: half up by
    default (59.995 → ``60.00``); with ``rounding=ROUND_DOWN`` 29,999 of
    30,000 give ``99.99``, so ``100.00`` only ever means all. ``None`` when
    ``whole`` is 0 (no meaningful percentage). ``part`` and ``whole`` are read
    with :func:`to_decimal` (``strict=True``: anything else raises
    ValueError); a part above the whole gives a percentage above 100.
    """
    part = to_decimal(part, strict=True)
    whole = to_decimal(whole, strict=True)
    if whole == 0:
        return None
    share = DECIMAL_CONTEXT.divide(DECIMAL_CONTEXT.multiply(part, HUNDRED), whole)
    return round_decimal(share, places, rounding)
