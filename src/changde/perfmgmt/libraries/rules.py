"""Plain-Python rules of the libraries and of internal review (R-M8).

Plan measure 8 (提升工作质量): internal review (内部点评) of evaluation reports,
the expert and intermediary-agency libraries with bottom-ranked elimination
(末位淘汰), and the supervision-guidance library (监督指导库) with its five
member groups. Also the pinyin sort key every name listing uses (R-P4).

Nothing here imports Zope or Plone. Scores and averages are
:class:`~decimal.Decimal`; inputs may be ``Decimal``, ``int``, numeric strings
or ``float`` (taken through ``str()``); ``bool``, NaN and infinities are
refused. Thresholds live in frozen settings dataclasses with the plan's
defaults; the Plone side builds them from the registry and passes them in.
"""

import unicodedata
from collections.abc import Iterable
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

from pypinyin import Style
from pypinyin import lazy_pinyin

from changde.perfmgmt.core import rules as core_rules
from changde.perfmgmt.core.rules import Violation
from changde.perfmgmt.core.rules import is_count
from changde.perfmgmt.core.rules import raise_if_violations
from changde.perfmgmt.core.rules import round_decimal
from changde.perfmgmt.core.rules import to_decimal

# The score range and the two-place exponent belong to core; re-exported.
SCORE_MIN = core_rules.SCORE_MIN
SCORE_MAX = core_rules.SCORE_MAX
TWO_PLACES = core_rules.TWO_PLACES


# --- Pinyin ordering (R-P4) --------------------------------------------------


def pinyin_sort_key(name: str) -> tuple[tuple[str, ...], str]:
    """Sort key ordering names by tone-less pinyin: 李四 (li) before 张三 (zhang).

    The key is ``(syllables, name)``: the lower-case, tone-less pinyin
    syllables of ``name`` (``pypinyin.lazy_pinyin``, ``Style.NORMAL``), then
    the name itself to break ties (同音 names, or 李娜 and "Li Na") the same way
    every time. Latin letters and digits are kept as they are (lower-cased, split
    on spaces), so Latin names sort among Chinese ones by their spelling; the
    name is NFKC-normalised first, so full-width ``Ｌｉ`` sorts as ``li``.

    A character with several readings gets its most common one: the surnames
    曾 (zeng) and 单 (shan) sort as ceng and dan.
    """
    normalised = unicodedata.normalize("NFKC", name).strip()
    syllables = []
    for chunk in lazy_pinyin(normalised, style=Style.NORMAL):
        syllables.extend(part.casefold() for part in chunk.split())
    return (tuple(syllables), name)


# --- Supervision-guidance library (监督指导库) -------------------------------

SUPERVISION_CATEGORIES = (
    "finance_expert",
    "npc_deputy",
    "cppcc_member",
    "discipline_inspection",
    "audit",
)
SUPERVISION_CATEGORY_LABELS = {
    "finance_expert": "财经专家",
    "npc_deputy": "人大代表",
    "cppcc_member": "政协委员",
    "discipline_inspection": "纪委监委委员",
    "audit": "审计部门同志",
}


@dataclass(frozen=True)
class SupervisionCoverage:
    """Which of the five member groups the library has."""

    per_category: dict[str, bool]
    missing: tuple[str, ...]
    complete: bool


def supervision_coverage(categories_present: Iterable[str]) -> SupervisionCoverage:
    """Coverage of the five groups, from the categories of the current members.

    ``categories_present`` may repeat categories (one per member). ``missing``
    keeps the order of :data:`SUPERVISION_CATEGORIES`. An unknown category
    raises ValueError rather than being silently ignored.
    """
    present = set(categories_present)
    unknown = present - set(SUPERVISION_CATEGORIES)
    if unknown:
        raise ValueError(f"unknown supervision categories: {sorted(unknown)!r}")
    per_category = {
        category: category in present for category in SUPERVISION_CATEGORIES
    }
    missing = tuple(
        category for category, covered in per_category.items() if not covered
    )
    return SupervisionCoverage(
        per_category=per_category, missing=missing, complete=not missing
    )


# --- Internal review (内部点评) ----------------------------------------------

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


@dataclass(frozen=True)
class RoundsStatus:
    """Internal-review rounds held against the yearly plan."""

    held: int
    planned: int
    remaining: int
    complete: bool


def rounds_status(
    held: int, settings: ReviewSettings = DEFAULT_REVIEW_SETTINGS
) -> RoundsStatus:
    """Rounds held this year against ``rounds_per_year``.

    More rounds than planned are allowed (``remaining`` is then 0).
    """
    raise_if_violations(validate_review_settings(settings))
    if not is_count(held, 0):
        raise ValueError(f"held must be a whole number ≥ 0: {held!r}")
    planned = settings.rounds_per_year
    return RoundsStatus(
        held=held,
        planned=planned,
        remaining=max(0, planned - held),
        complete=held >= planned,
    )


# --- Bottom-ranked elimination (末位淘汰) ------------------------------------


@dataclass(frozen=True)
class EliminationSettings:
    """Who is ranked, and how many of the lowest-rated are proposed.

    ``min_ratings``: members rated fewer times are not ranked. ``share``: the
    fraction of ranked members proposed, rounded down. ``minimum_count``: at
    least this many are proposed (when anyone can be ranked at all).
    """

    min_ratings: int = 3
    share: Decimal = Decimal("0.10")
    minimum_count: int = 1


DEFAULT_ELIMINATION_SETTINGS = EliminationSettings()


def validate_elimination_settings(settings: EliminationSettings) -> list[Violation]:
    """Field-level violations of the elimination settings."""
    violations = []
    for name, minimum in (("min_ratings", 1), ("minimum_count", 0)):
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
    share = to_decimal(settings.share)
    if share is None or not 0 <= share <= 1:
        violations.append(
            Violation(
                code="elimination_share_out_of_range",
                default="The share ${value} must be between 0 and 1.",
                field="share",
                params={"value": settings.share},
            )
        )
    return violations


class RankedMember(NamedTuple):
    """An eligible member with its average rating and bottom rank (1 = lowest)."""

    member_id: str
    name: str
    average: Decimal
    ratings_count: int
    rank: int


class Proposal(NamedTuple):
    """A member proposed for removal, with the English explanation."""

    member_id: str
    average: Decimal
    rank: int
    explanation: str


@dataclass(frozen=True)
class EliminationResult:
    """The year's elimination proposals.

    ``eligible``: ranked members, lowest average first. ``too_few_ratings``:
    ids of members not ranked, in pinyin order of their names. ``proposed``:
    the proposals, lowest first. ``note``: why nobody is proposed, or "".
    """

    eligible: tuple[RankedMember, ...]
    too_few_ratings: tuple[str, ...]
    proposed: tuple[Proposal, ...]
    note: str = ""


def elimination_count(
    eligible_count: int, settings: EliminationSettings = DEFAULT_ELIMINATION_SETTINGS
) -> int:
    """How many of ``eligible_count`` ranked members are proposed.

    ``max(minimum_count, floor(share × eligible_count))``, never more than
    there are. Rounded *down*, so that a share only proposes whole members it
    covers: 10% of 10 → 1, of 25 → 2, of 3 → 0 raised to the minimum 1.
    Nobody when nobody is eligible.
    """
    raise_if_violations(validate_elimination_settings(settings))
    if eligible_count <= 0:
        return 0
    by_share = int(to_decimal(settings.share, strict=True) * eligible_count)
    return min(eligible_count, max(settings.minimum_count, by_share))


def elimination_proposals(
    members: Iterable[tuple[str, str, Sequence[object]]],
    settings: EliminationSettings = DEFAULT_ELIMINATION_SETTINGS,
) -> EliminationResult:
    """Propose the lowest-rated library members for removal (末位淘汰).

    ``members`` are ``(member_id, name, ratings)``; ratings are numbers on any
    one scale shared by all members. Decisions:

    - A member with fewer than ``min_ratings`` ratings is not ranked and goes
      to ``too_few_ratings``: a handful of ratings is no basis for removal.
    - Members are ranked by their exact average rating, lowest first (the
      average shown is rounded half up to 2 decimals, but ranking and tie
      detection use the exact value). Equal averages are ordered by
      :func:`pinyin_sort_key` of the name, then by member id, so the order
      never depends on the input order.
    - :func:`elimination_count` members from the bottom are proposed.
    - A tie at the cut line (the first member not proposed has the same
      average as a proposed one) does not widen the proposal: the pinyin order
      decided it, and the explanation of each proposed member in the tie says
      so, so that the office can weigh it.
    - When every ranked member has the same average (including a single
      ranked member) there is no meaningful ranking: nobody is proposed and
      ``note`` says so.

    Raises ValueError for invalid settings, a repeated member id or a rating
    that is not a number.
    """
    raise_if_violations(validate_elimination_settings(settings))
    seen = set()
    ranked_input = []
    too_few = []
    for member_id, name, ratings in members:
        if member_id in seen:
            raise ValueError(f"member id given twice: {member_id!r}")
        seen.add(member_id)
        numbers = [to_decimal(rating, strict=True) for rating in ratings]
        if len(numbers) < settings.min_ratings:
            too_few.append((pinyin_sort_key(name), member_id))
            continue
        exact = sum((Fraction(number) for number in numbers), Fraction(0))
        exact /= len(numbers)
        ranked_input.append((exact, pinyin_sort_key(name), member_id, name, numbers))
    ranked_input.sort(key=lambda item: (item[0], item[1], item[2]))
    too_few.sort()
    total = len(ranked_input)

    def shown(exact: Fraction) -> Decimal:
        return round_decimal(Decimal(exact.numerator) / Decimal(exact.denominator))

    eligible = tuple(
        RankedMember(member_id, name, shown(exact), len(numbers), rank)
        for rank, (exact, _key, member_id, name, numbers) in enumerate(
            ranked_input, start=1
        )
    )
    too_few_ids = tuple(member_id for _key, member_id in too_few)
    if not total:
        return EliminationResult(
            eligible=eligible,
            too_few_ratings=too_few_ids,
            proposed=(),
            note=(
                f"Nobody has at least {settings.min_ratings} ratings: "
                "nobody can be ranked or proposed."
            ),
        )
    if len({item[0] for item in ranked_input}) == 1:
        return EliminationResult(
            eligible=eligible,
            too_few_ratings=too_few_ids,
            proposed=(),
            note=(
                f"All {total} ranked members have the same average rating "
                f"({eligible[0].average}): there is no meaningful ranking, "
                "so nobody is proposed."
            ),
        )
    count = elimination_count(total, settings)
    if not count:
        return EliminationResult(
            eligible=eligible,
            too_few_ratings=too_few_ids,
            proposed=(),
            note=f"The settings propose nobody of {total} ranked members.",
        )
    cut_average = ranked_input[count - 1][0]
    tied_beyond_cut = sum(1 for item in ranked_input[count:] if item[0] == cut_average)
    proposed = []
    for member, item in zip(eligible[:count], ranked_input, strict=False):
        explanation = (
            f"{member.name}: average rating {member.average} from "
            f"{member.ratings_count} ratings, rank {member.rank} from the bottom "
            f"of {total} ranked members; the lowest {count} are proposed."
        )
        if tied_beyond_cut and item[0] == cut_average:
            explanation += (
                f" {tied_beyond_cut} member(s) not proposed have the same average: "
                "the tie at the cut line was broken by pinyin order of the names "
                "(then member id)."
            )
        proposed.append(
            Proposal(member.member_id, member.average, member.rank, explanation)
        )
    return EliminationResult(
        eligible=eligible,
        too_few_ratings=too_few_ids,
        proposed=tuple(proposed),
    )
