"""Scores and grades (优/良/中/差) of every scored evaluation, and the
pre-evaluation result a grade gives."""

from dataclasses import dataclass
from decimal import Decimal

from changde.perfmgmt.core.rules.numbers import SCORE_MAX
from changde.perfmgmt.core.rules.numbers import SCORE_MIN
from changde.perfmgmt.core.rules.numbers import to_decimal
from changde.perfmgmt.core.rules.violations import Violation
from changde.perfmgmt.core.rules.violations import raise_if_violations

GRADES = ("excellent", "good", "average", "poor")


GRADE_LABELS = {"excellent": "优", "good": "良", "average": "中", "poor": "差"}


@dataclass(frozen=True)
class GradeBands:
    """Lower bounds of the national grade bands (优 ≥ 90, 良 ≥ 80, 中 ≥ 60).

    A score at a bound belongs to the higher band: 90 is excellent, 89.99 good.
    Everything under ``average_min`` is poor (差).
    """

    excellent_min: Decimal = Decimal("90")
    good_min: Decimal = Decimal("80")
    average_min: Decimal = Decimal("60")


DEFAULT_GRADE_BANDS = GradeBands()


def validate_grade_bands(bands: GradeBands) -> list[Violation]:
    """Violations unless 0 < average_min < good_min < excellent_min ≤ 100."""
    excellent = to_decimal(bands.excellent_min)
    good = to_decimal(bands.good_min)
    average = to_decimal(bands.average_min)
    ordered = (
        None not in (excellent, good, average)
        and SCORE_MIN < average < good < excellent <= SCORE_MAX
    )
    if ordered:
        return []
    # the field to correct: the first band, from the bottom, out of order
    if average is None or not average > SCORE_MIN:
        field = "average_min"
    elif good is None or not average < good:
        field = "good_min"
    else:
        field = "excellent_min"
    return [
        Violation(
            field=field,
            code="grade_bands_out_of_order",
            default=(
                "Grade bands must rise within ${minimum} to ${maximum}: "
                "中 from ${average_min} < 良 from ${good_min} "
                "< 优 from ${excellent_min}."
            ),
            params={
                "minimum": SCORE_MIN,
                "maximum": SCORE_MAX,
                "average_min": bands.average_min,
                "good_min": bands.good_min,
                "excellent_min": bands.excellent_min,
            },
        )
    ]


def validate_score(score, field: str = "score") -> Violation | None:
    """A violation unless ``score`` is a number with 0 ≤ score ≤ 100."""
    number = to_decimal(score)
    if number is None:
        return Violation(
            code="score_not_a_number",
            default="The score must be a number, not “${value}”.",
            field=field,
            params={"value": score},
        )
    if SCORE_MIN <= number <= SCORE_MAX:
        return None
    return Violation(
        code="score_out_of_range",
        default="The score ${score} is outside the range ${minimum} to ${maximum}.",
        field=field,
        params={"score": number, "minimum": SCORE_MIN, "maximum": SCORE_MAX},
    )


def grade_for_score(score, bands: GradeBands = DEFAULT_GRADE_BANDS) -> str:
    """The grade id (one of :data:`GRADES`) of a score between 0 and 100.

    The score is compared as given, without rounding: 89.999 is still good.
    Raises ValueError for a score :func:`validate_score` refuses and for bands
    :func:`validate_grade_bands` refuses.
    """
    violation = validate_score(score)
    if violation:
        raise ValueError(violation.text)
    raise_if_violations(validate_grade_bands(bands))
    number = to_decimal(score, strict=True)
    if number >= to_decimal(bands.excellent_min, strict=True):
        return "excellent"
    if number >= to_decimal(bands.good_min, strict=True):
        return "good"
    if number >= to_decimal(bands.average_min, strict=True):
        return "average"
    return "poor"


def pre_evaluation_result_for(outcome: str | bool) -> str:
    """``"passed"`` or ``"failed"`` for a pre-evaluation (事前评估, R-M4).

    These are the ids of ``declaration.rules.gates.PRE_EVALUATION_RESULTS``, whose
    gate lets only a passed pre-evaluation through.

    ``outcome`` is either the pre-evaluation's grade id or, when the assessors
    gave a plain verdict instead of a score, a ``bool`` (True: passed).
    Definition: a pre-evaluation passes when its grade is not poor (差), so 优,
    良 and 中 all pass. Only a passed pre-evaluation lets a budget application
    of a new major policy or project be submitted.
    """
    if isinstance(outcome, bool):
        return "passed" if outcome else "failed"
    if outcome not in GRADES:
        raise ValueError(f"unknown grade: {outcome!r}")
    return "failed" if outcome == "poor" else "passed"


def current_pre_evaluation_result(grades, baseline: str = "none") -> str:
    """The project's pre-evaluation result (事前评估结果) from its approved
    pre-evaluations (``grades``: their grade ids, oldest approval first).

    The latest approved pre-evaluation decides. When none is approved (any
    more: returned to draft, deleted, or its score cleared), the result goes
    back to ``baseline``, what the project had before a pre-evaluation
    decided it (``"none"`` unless the office had entered one).
    """
    decided = [grade for grade in grades if grade is not None]
    if not decided:
        return baseline or "none"
    return pre_evaluation_result_for(decided[-1])
