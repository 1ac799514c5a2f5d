"""Scoring in internal review (内部点评): criteria, weights, the total, and
the cap on reports marked excellent."""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from changde.perfmgmt.core.rules.numbers import SCORE_MAX
from changde.perfmgmt.core.rules.numbers import SCORE_MIN
from changde.perfmgmt.core.rules.numbers import round_decimal
from changde.perfmgmt.core.rules.numbers import to_decimal
from changde.perfmgmt.core.rules.values import is_count
from changde.perfmgmt.core.rules.violations import Violation
from changde.perfmgmt.core.rules.violations import raise_if_violations

REVIEW_CRITERIA = (
    "goal_completion",
    "problem_depth",
    "suggestion_feasibility",
    "text_quality",
)


REVIEW_CRITERION_LABELS = {
    "goal_completion": "项目目标完成情况",
    "problem_depth": "问题揭示深度",
    "suggestion_feasibility": "建议可行性",
    "text_quality": "报告文本水平",
}


@dataclass(frozen=True)
class ReviewWeights:
    """Weights (percent) of the four internal-review criteria; they sum to 100."""

    goal_completion: Decimal = Decimal("25")
    problem_depth: Decimal = Decimal("25")
    suggestion_feasibility: Decimal = Decimal("25")
    text_quality: Decimal = Decimal("25")


DEFAULT_REVIEW_WEIGHTS = ReviewWeights()


def validate_review_weights(weights: ReviewWeights) -> list[Violation]:
    """Field-level violations of a weight that is not a number ≥ 0, and a
    violation (no field) when the weights do not sum to 100."""
    violations = []
    numbers = []
    for criterion in REVIEW_CRITERIA:
        value = getattr(weights, criterion)
        number = to_decimal(value)
        if number is None or number < 0:
            violations.append(
                Violation(
                    code="review_weight_invalid",
                    default="The weight ${value} must be a number of at least 0.",
                    field=criterion,
                    params={"value": value},
                )
            )
        else:
            numbers.append(number)
    if not violations and sum(numbers) != SCORE_MAX:
        violations.append(
            Violation(
                code="review_weights_sum",
                default=(
                    "The internal-review weights sum to ${total}; "
                    "they must sum to ${required}."
                ),
                params={"total": sum(numbers), "required": SCORE_MAX},
            )
        )
    return violations


def validate_review_scores(scores: Mapping[str, object]) -> list[Violation]:
    """Field-level violations of an internal-review score sheet.

    Every criterion of :data:`REVIEW_CRITERIA` needs a number from 0 to 100;
    the field id is the criterion id. Keys that are not criteria are refused.
    """
    violations = []
    for criterion in REVIEW_CRITERIA:
        if scores.get(criterion) is None:
            violations.append(
                Violation(
                    code="review_score_missing",
                    default="A score for this criterion is required.",
                    field=criterion,
                )
            )
            continue
        value = scores[criterion]
        number = to_decimal(value)
        if number is None:
            violations.append(
                Violation(
                    code="review_score_not_a_number",
                    default="The score must be a number, not “${value}”.",
                    field=criterion,
                    params={"value": value},
                )
            )
            continue
        if not SCORE_MIN <= number <= SCORE_MAX:
            violations.append(
                Violation(
                    code="review_score_out_of_range",
                    default=(
                        "The score ${score} is outside the range "
                        "${minimum} to ${maximum}."
                    ),
                    field=criterion,
                    params={
                        "score": number,
                        "minimum": SCORE_MIN,
                        "maximum": SCORE_MAX,
                    },
                )
            )
    for key in sorted(set(scores) - set(REVIEW_CRITERIA), key=str):
        violations.append(
            Violation(
                code="review_score_unknown_criterion",
                default="“${criterion}” is not an internal-review criterion.",
                field=str(key),
                params={"criterion": key},
            )
        )
    return violations


def review_total(
    scores: Mapping[str, object], weights: ReviewWeights = DEFAULT_REVIEW_WEIGHTS
) -> Decimal:
    """Weighted total (0–100) of an internal-review score sheet, 2 decimals.

    Σ score × weight / 100, rounded half up. Raises ValueError for scores
    :func:`validate_review_scores` refuses or weights
    :func:`validate_review_weights` refuses.
    """
    raise_if_violations(validate_review_scores(scores))
    raise_if_violations(validate_review_weights(weights))
    total = sum(
        to_decimal(scores[criterion], strict=True)
        * to_decimal(getattr(weights, criterion), strict=True)
        for criterion in REVIEW_CRITERIA
    )
    return round_decimal(total / SCORE_MAX)


@dataclass(frozen=True)
class ReviewSettings:
    """Internal rounds a year, and how many excellent reports a year (3–5)."""

    rounds_per_year: int = 5
    excellent_min: int = 3
    excellent_max: int = 5


DEFAULT_REVIEW_SETTINGS = ReviewSettings()


def validate_review_settings(settings: ReviewSettings) -> list[Violation]:
    """Field-level violations: counts must be whole numbers, min ≤ max."""
    violations = []
    for name, minimum in (
        ("rounds_per_year", 1),
        ("excellent_min", 0),
        ("excellent_max", 1),
    ):
        value = getattr(settings, name)
        if not is_count(value, minimum):
            violations.append(
                Violation(
                    code="setting_count_too_small",
                    default="${setting} must be a whole number of at least ${minimum}.",
                    field=name,
                    params={"setting": name, "value": value, "minimum": minimum},
                )
            )
    if not violations and settings.excellent_min > settings.excellent_max:
        violations.append(
            Violation(
                code="excellent_range_inverted",
                default=(
                    "The minimum of excellent reports (${minimum}) exceeds "
                    "the maximum (${maximum})."
                ),
                field="excellent_min",
                params={
                    "minimum": settings.excellent_min,
                    "maximum": settings.excellent_max,
                },
            )
        )
    return violations


def excellent_mark_violation(
    already_marked_count: int, settings: ReviewSettings = DEFAULT_REVIEW_SETTINGS
) -> Violation | None:
    """A violation when marking one more report excellent would exceed the cap.

    With the default cap of 5, the 6th report of a year is refused.
    """
    raise_if_violations(validate_review_settings(settings))
    if already_marked_count + 1 <= settings.excellent_max:
        return None
    return Violation(
        code="excellent_reports_cap_reached",
        default=(
            "${count} reports are already marked excellent this year; "
            "at most ${maximum} may be."
        ),
        field="excellent",
        params={"count": already_marked_count, "maximum": settings.excellent_max},
    )


def excellent_gap(
    marked_count: int, settings: ReviewSettings = DEFAULT_REVIEW_SETTINGS
) -> int:
    """How many excellent reports the year still lacks to reach the minimum."""
    raise_if_violations(validate_review_settings(settings))
    return max(0, settings.excellent_min - marked_count)


def excellent_year_violation(
    marked_elsewhere: int,
    marked_here: int,
    settings: ReviewSettings = DEFAULT_REVIEW_SETTINGS,
) -> Violation | None:
    """A violation when ``marked_here`` excellent reports (of one round) and
    ``marked_elsewhere`` (the year's other rounds) exceed the yearly cap."""
    total = marked_elsewhere + marked_here
    if not marked_here or total <= 0:
        return None
    return excellent_mark_violation(total - 1, settings)
