"""Plain-Python building blocks shared by the rules of every module.

Nothing here imports Zope or Plone. A rule answers with :class:`Violation`
objects; the Plone side (workflow guards, z3c.form validators, REST services)
turns them into translated, field-level messages. The ``code`` is the i18n
message id (domain ``changde.perfmgmt``), ``default`` its English text with
``${name}`` placeholders filled from ``params``.

Besides :class:`Violation` this module holds the helpers the rule modules
share: reading numbers (:func:`to_decimal`), percentages and rounding
(:func:`percent`, :func:`round_decimal`), and small checks of form values
(:func:`is_blank`, :func:`is_count`).
"""

import unicodedata
from collections.abc import Iterable
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from decimal import ROUND_HALF_UP
from decimal import Context
from decimal import Decimal
from decimal import InvalidOperation
from string import Template

from pypinyin import Style
from pypinyin import lazy_pinyin

#: Jurisdiction kinds (R-M7): 市本级, 区, 县级市, 县, 管理区.
JURISDICTION_KINDS = (
    "municipal",
    "district",
    "county_city",
    "county",
    "management_zone",
)
#: The jurisdiction kind of the municipal level (市本级).
MUNICIPAL = "municipal"

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


# --- Messages -----------------------------------------------------------------


def stringify_params(params: Mapping) -> dict:
    """``params`` with every value turned into text (for JSON answers)."""
    return {key: str(value) for key, value in params.items()}


def format_message(default: str, params: Mapping) -> str:
    """``default`` with its ``${name}`` placeholders filled from ``params``.

    Values are inserted as ``str(value)``; a placeholder without a value is
    left as it is (``string.Template.safe_substitute``).
    """
    return Template(default).safe_substitute(stringify_params(params))


@dataclass(frozen=True)
class Violation:
    """One broken rule: which rule, which field, and the numbers involved."""

    code: str
    default: str
    field: str | None = None
    params: dict = dataclass_field(default_factory=dict)

    @property
    def text(self) -> str:
        """The English message with its numbers filled in (logs, tests)."""
        return format_message(self.default, self.params)

    def as_dict(self) -> dict:
        """Plain data for JSON answers."""
        return {
            "code": self.code,
            "field": self.field,
            "message": self.text,
            "params": stringify_params(self.params),
        }


def raise_if_violations(violations: Iterable[Violation]) -> None:
    """Raise ValueError carrying the violations' texts, if there are any.

    For functions handed invalid settings: the texts are joined with ``"; "``.
    Nothing happens for an empty list.
    """
    texts = [violation.text for violation in violations]
    if texts:
        raise ValueError("; ".join(texts))


# --- Form values --------------------------------------------------------------


def is_blank(value) -> bool:
    """Whether a form value is missing: ``None`` or a string of white space."""
    return value is None or (isinstance(value, str) and not value.strip())


def is_count(value, minimum: int = 0) -> bool:
    """Whether ``value`` is a whole number (an int, not a bool) ≥ ``minimum``."""
    return not isinstance(value, bool) and isinstance(value, int) and value >= minimum


# --- Pinyin ordering (R-P4) --------------------------------------------------

#: The reading of a character when it is a surname, where that is not its most
#: common reading (which is what pypinyin gives): 曾国藩 is Zeng, not Ceng.
SURNAME_READINGS = {
    "曾": "zeng",
    "单": "shan",
    "仇": "qiu",
    "解": "xie",
    "区": "ou",
    "朴": "piao",
    "查": "zha",
    "覃": "qin",
    "盖": "ge",
    "翟": "zhai",
    "缪": "miao",
    "尉": "yu",
}


def pinyin_sort_key(name: str, *, person: bool = False) -> tuple[tuple[str, ...], str]:
    """Sort key ordering names by tone-less pinyin: 李四 (li) before 张三 (zhang).

    The key is ``(syllables, name)``: the lower-case, tone-less pinyin
    syllables of ``name`` (``pypinyin.lazy_pinyin``, ``Style.NORMAL``), then
    the name itself to break ties (同音 names, or 李娜 and "Li Na") the same way
    every time. Latin letters and digits are kept as they are (lower-cased, split
    on spaces), so Latin names sort among Chinese ones by their spelling; the
    name is NFKC-normalised first, so full-width ``Ｌｉ`` sorts as ``li``.

    A character with several readings gets its most common one, except that
    the first character of a ``person``'s name is read as a surname
    (:data:`SURNAME_READINGS`): 曾伟 sorts as zeng wei, 单丽 as shan li.
    """
    normalised = unicodedata.normalize("NFKC", name).strip()
    syllables = []
    for chunk in lazy_pinyin(normalised, style=Style.NORMAL):
        syllables.extend(part.casefold() for part in chunk.split())
    if person and syllables and normalised[:1] in SURNAME_READINGS:
        syllables[0] = SURNAME_READINGS[normalised[0]]
    return (tuple(syllables), name)


def pinyin_sort_string(name: str, *, person: bool = False) -> str:
    """:func:`pinyin_sort_key` as one string, for a catalog index (sort_on).

    Syllables are joined by ``\\x01`` and the name follows after ``\\x00``, so
    comparing the strings orders exactly as comparing the keys: a shorter
    syllable sequence sorts before a longer one it begins (李 before 李娜), a
    syllable before a longer one it begins (li before lin), then the name.
    """
    syllables, original = pinyin_sort_key(name or "", person=person)
    return "\x01".join(syllables) + "\x00" + original


# --- Numbers ------------------------------------------------------------------


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
