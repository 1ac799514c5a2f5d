"""Checks of a performance indicator's fields (R-M6): weight, target,
comparator."""

from decimal import Decimal

from changde.perfmgmt.core.rules.numbers import to_decimal
from changde.perfmgmt.core.rules.values import is_blank
from changde.perfmgmt.core.rules.violations import Violation

#: Comparators of a level-3 indicator (R-M6): ≥ ≤ = ≈ and qualitative.
COMPARATORS = ("ge", "le", "eq", "approx", "qualitative")


QUALITATIVE = "qualitative"


#: Bounds of an indicator's weight (percentage points).
MIN_WEIGHT = Decimal(0)


MAX_WEIGHT = Decimal(100)


def validate_indicator_weight(weight) -> list[Violation]:
    """Check an indicator's weight: when given, a number in [0, 100]
    (plan measure 6, R-M6)."""
    if is_blank(weight):
        return []
    number = to_decimal(weight, allow_commas=True)
    if number is None:
        return [
            Violation(
                "indicator_weight_not_a_number",
                'The weight must be a number; "${weight}" is not.',
                "weight",
                {"weight": weight},
            )
        ]
    if not MIN_WEIGHT <= number <= MAX_WEIGHT:
        return [
            Violation(
                "indicator_weight_out_of_range",
                "The weight must lie between ${minimum} and ${maximum}; "
                "it is ${weight}.",
                "weight",
                {"weight": number, "minimum": MIN_WEIGHT, "maximum": MAX_WEIGHT},
            )
        ]
    return []


def has_numeric_target(target_value) -> bool:
    """Whether ``target_value`` is a number (a quantifiable indicator's target)."""
    return (
        not is_blank(target_value)
        and to_decimal(target_value, allow_commas=True) is not None
    )


def validate_indicator_target(quantifiable, target_value) -> list[Violation]:
    """A quantifiable indicator needs a numeric target value (R-M6)."""
    if not quantifiable:
        return []
    if is_blank(target_value):
        return [
            Violation(
                "indicator_quantifiable_needs_target",
                "A quantifiable indicator needs a numeric target value.",
                "target_value",
            )
        ]
    if not has_numeric_target(target_value):
        return [
            Violation(
                "indicator_target_not_a_number",
                "A quantifiable indicator needs a numeric target value; "
                '"${target_value}" is not a number.',
                "target_value",
                {"target_value": target_value},
            )
        ]
    return []


def validate_indicator_comparator(comparator, quantifiable) -> list[Violation]:
    """Check an indicator's comparator: given, one of :data:`COMPARATORS`,
    and not ``qualitative`` for a quantifiable indicator (R-M6)."""
    if is_blank(comparator):
        return [
            Violation(
                "indicator_comparator_required",
                "The comparator is required.",
                "comparator",
            )
        ]
    if comparator not in COMPARATORS:
        return [
            Violation(
                "indicator_comparator_unknown",
                'Unknown comparator "${comparator}"; it must be one of ${allowed}.',
                "comparator",
                {"comparator": comparator, "allowed": ", ".join(COMPARATORS)},
            )
        ]
    if quantifiable and comparator == QUALITATIVE:
        return [
            Violation(
                "indicator_quantifiable_needs_comparator",
                'A quantifiable indicator needs a comparator other than "qualitative".',
                "comparator",
                {"comparator": comparator},
            )
        ]
    return []


def validate_indicator_fields(
    comparator, weight, quantifiable, target_value
) -> list[Violation]:
    """Check a level-3 indicator's comparator, weight and target value.

    Plan measure 6 (R-M6): the comparator is one of :data:`COMPARATORS`; the
    weight, when given, lies in [0, 100]; a quantifiable indicator needs a
    numeric target value and a comparator other than ``qualitative``.
    """
    return [
        *validate_indicator_comparator(comparator, quantifiable),
        *validate_indicator_weight(weight),
        *validate_indicator_target(quantifiable, target_value),
    ]


def quantified_share(indicator_count: int, quantifiable_count: int) -> Decimal | None:
    """The share (0..1) of quantifiable indicators, None without indicators.

    Plan measure 6 (R-M6): reported per unit and district. Raises ValueError
    for negative counts or more quantifiable indicators than indicators.
    """
    if indicator_count < 0 or quantifiable_count < 0:
        raise ValueError("Counts cannot be negative.")
    if quantifiable_count > indicator_count:
        raise ValueError("More quantifiable indicators than indicators.")
    if indicator_count == 0:
        return None
    return Decimal(quantifiable_count) / Decimal(indicator_count)


# --- One row of the project form's indicator table -------------------------


def validate_indicator_levels(level1, level2, level_pairs) -> list[Violation]:
    """Level 1 and level 2 of an indicator (R-M6): both given, and level 2
    one of level 1's in the framework. ``level_pairs`` are the framework's
    ``"level 1/level 2"`` pairs (the declaration settings)."""
    if is_blank(level1):
        return [
            Violation(
                "indicator_level1_required", "Choose the level 1 indicator.", "level1"
            )
        ]
    if is_blank(level2):
        return [
            Violation(
                "indicator_level2_required", "Choose the level 2 indicator.", "level2"
            )
        ]
    pairs = {tuple(part.strip() for part in pair.split("/", 1)) for pair in level_pairs}
    if (level1.strip(), level2.strip()) not in pairs:
        return [
            Violation(
                "indicator_level2_not_under_level1",
                '"${level2}" is not a level 2 indicator of "${level1}".',
                "level2",
                {"level1": level1, "level2": level2},
            )
        ]
    return []


def validate_indicator_row(
    title, level1, level2, comparator, weight, quantifiable, target_value, level_pairs
) -> list[Violation]:
    """Every check of one level-3 indicator as the project form's table
    holds it (R-M6): its name, its levels, its comparator, weight and target
    value. Each violation names its field, so the form marks the cell."""
    violations = []
    if is_blank(title):
        violations.append(
            Violation(
                "indicator_title_required",
                "Write the level 3 indicator's name.",
                "title",
            )
        )
    violations += validate_indicator_levels(level1, level2, level_pairs)
    violations += validate_indicator_fields(
        comparator, weight, quantifiable, target_value
    )
    return violations
