"""Reading numbers, percentages and rounding, and the range of a score.

Numbers are :class:`~decimal.Decimal`; :func:`to_decimal` reads what forms,
spreadsheets and JSON give.

Numbers that come from outside: every number a person or a client sends (a
REST field, an import row, a query parameter) is read by :func:`read_number`
before anything is stored: a finite Decimal (never a bool, a list or an
object), at most :data:`MAX_PLACES` decimal places, below
:data:`MAX_MAGNITUDE`, within the field's own bounds, whole where the field
holds whole numbers. What is refused is answered with a
:class:`~changde.perfmgmt.core.rules.violations.Violation` naming what is
wrong, so that "abc", ``NaN``, ``Infinity``, ``1e400``, ``1E+70`` and
``1e-999999`` each get a clear message instead of an error deep in a page
that later tries to show them. :func:`stored_number` is the reading side: a
value already stored is shown only when it passes the same checks, so a page
survives a bad value stored before these checks existed.
"""

import json
import math
from decimal import ROUND_HALF_UP
from decimal import Context
from decimal import Decimal
from decimal import InvalidOperation

from changde.perfmgmt.core.rules.violations import Violation

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


# --- Numbers from outside ----------------------------------------------------


#: No number the add-on keeps comes near this: amounts are yuan (a city's
#: whole budget is far below 10^18), rates, weights and scores are at most
#: a few hundred. Larger numbers are typing errors or attacks.
MAX_MAGNITUDE = Decimal("1E18")
#: Decimal places a number may have.
MAX_PLACES = 6
#: Decimal places of an amount of yuan (fen), a rate, a weight or a score.
MONEY_PLACES = 2
#: The longest text read as a number; longer text is not a number.
MAX_TEXT_LENGTH = 40
#: How much of a refused value a message shows.
SHOWN_LENGTH = 40


class NumberRefused(ValueError):
    """:func:`read_number` refused the value; ``violation`` says why."""

    def __init__(self, violation):
        super().__init__(violation.text)
        self.violation = violation


def shown(value) -> str:
    """A refused value as a message shows it: text as it is, anything else
    as JSON, cut to :data:`SHOWN_LENGTH` characters."""
    if isinstance(value, str):
        text = value
    elif isinstance(value, Decimal | int) and not isinstance(value, bool):
        text = str(value)
    elif isinstance(value, float) and value != value:
        text = "NaN"
    elif isinstance(value, float) and value in (float("inf"), float("-inf")):
        text = "Infinity" if value > 0 else "-Infinity"
    else:
        try:
            text = json.dumps(value, ensure_ascii=False, default=str)
        except (TypeError, ValueError, RecursionError):
            text = type(value).__name__
    if len(text) > SHOWN_LENGTH:
        text = text[: SHOWN_LENGTH - 1] + "…"
    return text


def _decimal_of(value) -> Decimal | None:
    """``value`` as a Decimal (possibly not finite), or None when it is not
    a number at all."""
    if isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value)) if value == value else Decimal("NaN")
    if isinstance(value, str):
        text = value.strip()
        if not text or len(text) > MAX_TEXT_LENGTH:
            return None
        try:
            return Decimal(text)
        except (InvalidOperation, ValueError):
            return None
    return None


def decimal_places(number: Decimal) -> int:
    """The decimal places ``number`` really has (trailing zeros dropped):
    ``3.50`` has 1, ``1e-999999`` has 999999. No arithmetic, so huge
    exponents cost nothing."""
    sign, digits, exponent = number.as_tuple()
    if not any(digits):
        return 0
    trailing = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return max(0, -(exponent + trailing))


def number_violations(
    value,
    *,
    field: str | None = None,
    minimum=None,
    maximum=None,
    places: int = MAX_PLACES,
    whole: bool = False,
) -> list[Violation]:
    """What is wrong with ``value`` as a number (empty when it is a good one).

    ``minimum`` and ``maximum`` are the field's bounds (None: only
    :data:`MAX_MAGNITUDE`); ``whole`` asks for a whole number; ``places`` is
    the most decimal places allowed.
    """
    try:
        read_number(
            value,
            field=field,
            minimum=minimum,
            maximum=maximum,
            places=places,
            whole=whole,
        )
    except NumberRefused as refused:
        return [refused.violation]
    return []


def read_number(
    value,
    *,
    field: str | None = None,
    minimum=None,
    maximum=None,
    places: int = MAX_PLACES,
    whole: bool = False,
) -> Decimal:
    """``value`` as a finite Decimal within the bounds; raises
    :class:`NumberRefused` (a ValueError) with the violation otherwise.

    Accepts a Decimal, an int, a float (through its shortest text) or the
    text of a number (white space around it ignored). A zero comes back as
    ``Decimal(0)`` whatever its exponent.
    """
    number = _decimal_of(value)
    params = {"value": shown(value)}
    if number is None:
        raise NumberRefused(
            Violation(
                "number_not_a_number",
                'A number is expected; "${value}" is not a number.',
                field,
                params,
            )
        )
    if not number.is_finite():
        raise NumberRefused(
            Violation(
                "number_not_finite",
                '"${value}" is not a finite number.',
                field,
                params,
            )
        )
    if not any(number.as_tuple().digits):
        number = Decimal(0)
    if number and number.adjusted() >= MAX_MAGNITUDE.adjusted():
        raise NumberRefused(
            Violation(
                "number_too_large",
                '"${value}" is too large: a number here is below ${limit}.',
                field,
                {**params, "limit": f"{MAX_MAGNITUDE:,.0f}"},
            )
        )
    if whole and decimal_places(number):
        raise NumberRefused(
            Violation(
                "number_not_whole",
                '"${value}" is not a whole number.',
                field,
                params,
            )
        )
    if decimal_places(number) > places:
        raise NumberRefused(
            Violation(
                "number_too_many_places",
                '"${value}" has too many decimal places: at most ${places}.',
                field,
                {**params, "places": places},
            )
        )
    if minimum is not None and number < minimum:
        raise NumberRefused(
            Violation(
                "number_below_minimum",
                "${value} is too small: the smallest allowed is ${minimum}.",
                field,
                {**params, "minimum": minimum},
            )
        )
    if maximum is not None and number > maximum:
        raise NumberRefused(
            Violation(
                "number_above_maximum",
                "${value} is too large: the largest allowed is ${maximum}.",
                field,
                {**params, "maximum": maximum},
            )
        )
    return number


def stored_number(value) -> Decimal | None:
    """A stored value as a number a page may show and compute with, or None
    when it is missing or is not one (NaN, Infinity, 1E+70, 1e-999999 stored
    before these checks existed)."""
    if value is None:
        return None
    try:
        return read_number(value)
    except NumberRefused:
        return None


def finite_json(value):
    """``(value, count)``: JSON data with its non-finite floats replaced by
    None, and how many there were."""
    if isinstance(value, float) and not math.isfinite(value):
        return None, 1
    if isinstance(value, list):
        items = [finite_json(item) for item in value]
        return [item for item, _ in items], sum(count for _, count in items)
    if isinstance(value, dict):
        items = {key: finite_json(item) for key, item in value.items()}
        return (
            {key: item for key, (item, _) in items.items()},
            sum(count for _, count in items.values()),
        )
    return value, 0
