"""Ratings of an expert's or agency's engagements and their yearly average."""

import datetime
from collections.abc import Iterable
from collections.abc import Mapping
from collections.abc import Sequence
from decimal import Decimal

from changde.perfmgmt.core.rules.numbers import SCORE_MAX
from changde.perfmgmt.core.rules.numbers import SCORE_MIN
from changde.perfmgmt.core.rules.numbers import round_decimal
from changde.perfmgmt.core.rules.numbers import to_decimal
from changde.perfmgmt.core.rules.values import is_blank
from changde.perfmgmt.core.rules.violations import Violation


def validate_rating(date_value, engagement, score, rater: str = "x") -> list[Violation]:
    """Field-level violations of one rating of an engagement.

    ``date_value`` is a ``datetime.date`` or ISO text (``2026-05-01``);
    ``engagement`` the reference of the engagement (required); ``score`` a
    number from 0 to 100; ``rater`` the user who rates (required).
    """
    violations = []
    if not isinstance(date_value, datetime.date):
        try:
            datetime.date.fromisoformat(str(date_value or "").strip())
        except ValueError:
            violations.append(
                Violation(
                    code="rating_date_invalid",
                    default="“${value}” is not a date (YYYY-MM-DD).",
                    field="date",
                    params={"value": date_value},
                )
            )
    if is_blank(engagement):
        violations.append(
            Violation(
                code="rating_engagement_required",
                default="Say which engagement is rated.",
                field="engagement",
            )
        )
    number = to_decimal(score)
    if number is None:
        violations.append(
            Violation(
                code="rating_score_not_a_number",
                default="The score must be a number, not “${value}”.",
                field="score",
                params={"value": score},
            )
        )
    elif not SCORE_MIN <= number <= SCORE_MAX:
        violations.append(
            Violation(
                code="rating_score_out_of_range",
                default="The score ${score} is outside the range ${minimum} to "
                "${maximum}.",
                field="score",
                params={"score": number, "minimum": SCORE_MIN, "maximum": SCORE_MAX},
            )
        )
    if is_blank(rater):
        violations.append(
            Violation(
                code="rating_rater_required",
                default="The rater is required.",
                field="rater",
            )
        )
    return violations


def rating_year(rating: Mapping[str, object]) -> int | None:
    """The year of a rating's ``date`` (``YYYY-MM-DD`` or a ``datetime.date``),
    or None when it has no readable date."""
    value = rating.get("date")
    if isinstance(value, datetime.date):
        return value.year
    try:
        return datetime.date.fromisoformat(str(value or "").strip()).year
    except ValueError:
        return None


def scores_of_year(ratings: Iterable[Mapping[str, object]], year: int) -> list[object]:
    """The scores of the ratings given in ``year``, oldest first.

    Elimination is run each year (R-M8) on that year's engagements: a rating
    from an earlier or later year does not count, nor one without a readable
    date (none is stored without one: :func:`validate_rating` requires it).
    """
    return [rating.get("score") for rating in ratings if rating_year(rating) == year]


def ratings_average(scores: Sequence[object]) -> Decimal | None:
    """The average of ``scores`` rounded half up to 2 decimals, or None."""
    numbers = [to_decimal(score, strict=True) for score in scores]
    if not numbers:
        return None
    return round_decimal(sum(numbers) / len(numbers))
