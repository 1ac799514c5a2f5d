"""Numbers that come from outside: what the add-on accepts as a number.

Every number a person or a client sends (a REST field, an import row, a query
parameter) is read by :func:`read_number` before anything is stored: a finite
:class:`~decimal.Decimal` (never a bool, a list or an object), at most
:data:`MAX_PLACES` decimal places, below :data:`MAX_MAGNITUDE`, within the
field's own bounds, whole where the field holds whole numbers. Whatever is
refused is answered with a :class:`~changde.perfmgmt.core.rules.Violation`
naming what is wrong, so that "abc", ``NaN``, ``Infinity``, ``1e400``,
``1E+70`` and ``1e-999999`` each get a clear message instead of an error
deep in a page that later tries to show them.

:func:`stored_number` is the reading side: a value already stored is shown
only when it passes the same checks, so a page survives a bad value that
was stored before these checks existed.

Nothing here imports Zope.
"""

import json
from decimal import Decimal
from decimal import InvalidOperation

from changde.perfmgmt.core.rules import Violation

#: No number the add-on keeps comes near this: amounts are yuan (a city's
#: whole budget is far below 10^15), rates, weights and scores are at most
#: a few hundred. Larger numbers are typing errors or attacks.
MAX_MAGNITUDE = Decimal("1E15")
#: Decimal places a number may have (yuan have 2, rates 2, weights 2).
MAX_PLACES = 6
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
                {**params, "limit": "1,000,000,000,000,000"},
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
