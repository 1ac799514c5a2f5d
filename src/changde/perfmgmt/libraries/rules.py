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

import datetime
from collections.abc import Iterable
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

from changde.perfmgmt.core import rules as core_rules
from changde.perfmgmt.core.rules import Violation
from changde.perfmgmt.core.rules import is_count
from changde.perfmgmt.core.rules import pinyin_sort_key
from changde.perfmgmt.core.rules import raise_if_violations
from changde.perfmgmt.core.rules import round_decimal
from changde.perfmgmt.core.rules import to_decimal

# The score range and the two-place exponent belong to core; re-exported.
SCORE_MIN = core_rules.SCORE_MIN
SCORE_MAX = core_rules.SCORE_MAX
TWO_PLACES = core_rules.TWO_PLACES


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


def review_round_number_violation(
    year: int, number: int, numbers_taken: Iterable[int]
) -> Violation | None:
    """A violation when ``year`` already has a round numbered ``number``
    (``numbers_taken``: the numbers of the year's other rounds)."""
    if number is None or number not in set(numbers_taken):
        return None
    return Violation(
        code="review_round_number_taken",
        default="${year} already has internal-review round ${number}.",
        field="number",
        params={"year": year, "number": number},
    )


def reviewed_report_violations(
    uids: Sequence[str | None], known_uids: Iterable[str]
) -> dict[int, Violation]:
    """Reviewed-report rows (0-based index) whose ``uid`` is not an evaluation
    report of the system (``known_uids``), or names the report of an earlier
    row. A row without a uid is a report outside the system (a title only)."""
    known = set(known_uids)
    seen = set()
    answer = {}
    for index, uid in enumerate(uids):
        if not uid:
            continue
        if uid not in known:
            answer[index] = Violation(
                code="review_row_report_unknown",
                default="“${uid}” is not an evaluation report of the system.",
                field="uid",
                params={"uid": uid},
            )
        elif uid in seen:
            answer[index] = Violation(
                code="review_row_report_twice",
                default="This evaluation report is on an earlier row already.",
                field="uid",
                params={"uid": uid},
            )
        seen.add(uid)
    return answer


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
    """A member proposed for removal, with the reasons (translatable
    :class:`Violation` messages: rank, and the tie at the cut line if any)."""

    member_id: str
    average: Decimal
    rank: int
    reasons: tuple[Violation, ...]

    @property
    def explanation(self) -> str:
        """The reasons in English (logs, tests)."""
        return " ".join(reason.text for reason in self.reasons)


@dataclass(frozen=True)
class EliminationResult:
    """The year's elimination proposals.

    ``eligible``: ranked members, lowest average first. ``too_few_ratings``:
    ids of members not ranked, in pinyin order of their names. ``proposed``:
    the proposals, lowest first. ``note_reason``: why nobody is proposed
    (a translatable :class:`Violation` message), or None.
    """

    eligible: tuple[RankedMember, ...]
    too_few_ratings: tuple[str, ...]
    proposed: tuple[Proposal, ...]
    note_reason: Violation | None = None

    @property
    def note(self) -> str:
        """Why nobody is proposed, in English, or "" (logs, tests)."""
        return self.note_reason.text if self.note_reason else ""


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
    *,
    person: bool = False,
) -> EliminationResult:
    """Propose the lowest-rated library members for removal (末位淘汰).

    ``members`` are ``(member_id, name, ratings)``; ratings are numbers on any
    one scale shared by all members. Decisions:

    - A member with fewer than ``min_ratings`` ratings is not ranked and goes
      to ``too_few_ratings``: a handful of ratings is no basis for removal.
    - Members are ranked by their exact average rating, lowest first (the
      average shown is rounded half up to 2 decimals, but ranking and tie
      detection use the exact value). Equal averages are ordered by
      :func:`pinyin_sort_key` of the name (read as a person's name, surname
      first, when ``person``: experts, not agencies), then by member id, so
      the order never depends on the input order.
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
            too_few.append((pinyin_sort_key(name, person=person), member_id))
            continue
        exact = sum((Fraction(number) for number in numbers), Fraction(0))
        exact /= len(numbers)
        ranked_input.append(
            (exact, pinyin_sort_key(name, person=person), member_id, name, numbers)
        )
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
            note_reason=Violation(
                "elimination_note_nobody_rated",
                "Nobody has at least ${min_ratings} ratings: nobody can be ranked "
                "or proposed.",
                None,
                {"min_ratings": settings.min_ratings},
            ),
        )
    if len({item[0] for item in ranked_input}) == 1:
        return EliminationResult(
            eligible=eligible,
            too_few_ratings=too_few_ids,
            proposed=(),
            note_reason=Violation(
                "elimination_note_all_equal",
                "All ${total} ranked members have the same average rating "
                "(${average}): there is no meaningful ranking, so nobody is proposed.",
                None,
                {"total": total, "average": eligible[0].average},
            ),
        )
    count = elimination_count(total, settings)
    if not count:
        return EliminationResult(
            eligible=eligible,
            too_few_ratings=too_few_ids,
            proposed=(),
            note_reason=Violation(
                "elimination_note_settings_propose_nobody",
                "The settings propose nobody of ${total} ranked members.",
                None,
                {"total": total},
            ),
        )
    cut_average = ranked_input[count - 1][0]
    tied_beyond_cut = sum(1 for item in ranked_input[count:] if item[0] == cut_average)
    proposed = []
    for member, item in zip(eligible[:count], ranked_input, strict=False):
        reasons = [
            Violation(
                "elimination_reason_rank",
                "${name}: average rating ${average} from ${ratings} ratings, rank "
                "${rank} from the bottom of ${total} ranked members; the lowest "
                "${count} are proposed.",
                None,
                {
                    "name": member.name,
                    "average": member.average,
                    "ratings": member.ratings_count,
                    "rank": member.rank,
                    "total": total,
                    "count": count,
                },
            )
        ]
        if tied_beyond_cut and item[0] == cut_average:
            reasons.append(
                Violation(
                    "elimination_reason_tie_at_cut",
                    "${tied} member(s) not proposed have the same average: the tie "
                    "at the cut line was broken by pinyin order of the names (then "
                    "member id).",
                    None,
                    {"tied": tied_beyond_cut},
                )
            )
        proposed.append(
            Proposal(member.member_id, member.average, member.rank, tuple(reasons))
        )
    return EliminationResult(
        eligible=eligible,
        too_few_ratings=too_few_ids,
        proposed=tuple(proposed),
    )


# --- Members of the expert and agency libraries ----------------------------------

LIBRARY_KINDS = ("expert", "agency", "supervision")
MEMBER_LEVELS = ("provincial", "municipal")
MEMBER_LEVEL_LABELS = {"provincial": "省级", "municipal": "市级"}
MEMBER_STATUSES = ("active", "proposed_for_removal", "removed")
MEMBER_STATUS_LABELS = {
    "active": "在库",
    "proposed_for_removal": "拟淘汰",
    "removed": "已淘汰",
}
#: Statuses of members that may be assigned to new evaluations.
ASSIGNABLE_STATUSES = ("active", "proposed_for_removal")


def publish_profile_violations(status: str | None) -> list[Violation]:
    """A removed member (已淘汰) has no public profile: publishing it again
    would show the public a member who may no longer be engaged."""
    if (status or "active") == "removed":
        return [
            Violation(
                code="library_publish_removed",
                default="A removed member's profile cannot be published.",
                field="status",
            )
        ]
    return []


#: The columns of each library's spreadsheet (and of an imported row): the
#: member's field id (``title`` is the name), Chinese header, required. A
#: list column holds values separated by 、 , ; or a new line.
LIBRARY_COLUMNS = {
    "expert": (
        ("title", "姓名", True),
        ("level", "级别", True),
        ("expertise", "专业领域", False),
        ("organisation", "工作单位", False),
        ("professional_title", "职称", False),
        ("contact", "联系方式", False),
        ("user_id", "系统账号", False),
        ("status", "状态", False),
    ),
    "agency": (
        ("title", "机构名称", True),
        ("level", "级别", True),
        ("qualifications", "资质", False),
        ("contact", "联系方式", False),
        ("user_id", "系统账号", False),
        ("status", "状态", False),
    ),
    "supervision": (
        ("title", "姓名", True),
        ("category", "类别", True),
        ("organisation", "工作单位", False),
    ),
}
LIST_COLUMNS = ("expertise", "qualifications")
#: Columns an export adds that an import ignores: id, header.
EXPORT_ONLY_COLUMNS = (
    ("id", "编号"),
    ("ratings_count", "评分次数"),
    ("ratings_average", "平均分"),
    ("review_state", "公开状态"),
)
#: The column of an export that names the member a row updates on import.
ID_COLUMN, ID_HEADER = EXPORT_ONLY_COLUMNS[0]
#: Longest text of a cell (names, organisations, contacts).
MAX_CELL_LENGTH = 200

_CHOICE_COLUMNS = {
    "level": (MEMBER_LEVELS, MEMBER_LEVEL_LABELS),
    "status": (MEMBER_STATUSES, MEMBER_STATUS_LABELS),
    "category": (SUPERVISION_CATEGORIES, SUPERVISION_CATEGORY_LABELS),
}


def split_list_cell(value) -> list[str]:
    """The items of a list cell: split on 、 , ， ; ； and new lines, stripped."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        items = [str(item) for item in value]
    else:
        text = str(value)
        for separator in ("、", "，", ";", "；", "\n"):
            text = text.replace(separator, ",")
        items = text.split(",")
    return [item.strip() for item in items if item and item.strip()]


def _choice(column: str, value):
    """The id of a choice cell given as its id or its Chinese label, or None."""
    ids, labels = _CHOICE_COLUMNS[column]
    text = str(value).strip()
    if text in ids:
        return text
    for id_, label in labels.items():
        if text == label:
            return id_
    return None


def normalise_library_row(kind: str, row: Mapping[str, object]):
    """Validate one imported row of a library; answer ``(values, violations)``.

    ``row`` maps column ids (or their Chinese headers) to cell values. Values
    are stripped text; list columns become lists; choice columns accept their
    id or Chinese label (省级, 拟淘汰, 人大代表, ...) and become the id; an
    empty status is None (the member's status stays as it is). ``id`` (编号,
    the first column of an export) is the id of the member the row updates,
    or None for a new member. Violations have the column id as field.
    Unknown columns are refused, so a misspelt header is not silently lost.
    """
    if kind not in LIBRARY_COLUMNS:
        raise ValueError(f"unknown library kind: {kind!r}")
    columns = LIBRARY_COLUMNS[kind]
    by_header = {header: id_ for id_, header, _required in columns}
    known = {id_ for id_, _header, _required in columns}
    ignored = {name for pair in EXPORT_ONLY_COLUMNS for name in pair}
    cells = {}
    violations = []
    member_id = None
    for key, value in row.items():
        column = by_header.get(str(key).strip(), str(key).strip())
        if column in (ID_COLUMN, ID_HEADER):
            text = "" if value is None else str(value).strip()
            member_id = text or None
            continue
        if column in ignored:
            continue
        if column not in known:
            if value is None or str(value).strip() == "":
                continue  # an empty cell of an extra column (ratings, notes)
            violations.append(
                Violation(
                    code="library_row_unknown_column",
                    default="“${column}” is not a column of this library.",
                    field=str(key),
                    params={"column": key},
                )
            )
            continue
        cells[column] = value
    values = {"id": member_id}
    for column, _header, required in columns:
        value = cells.get(column)
        if column in LIST_COLUMNS:
            values[column] = split_list_cell(value)
            too_long = [item for item in values[column] if len(item) > MAX_CELL_LENGTH]
            if too_long:
                violations.append(
                    Violation(
                        code="library_row_too_long",
                        default="The text is longer than ${maximum} characters.",
                        field=column,
                        params={"maximum": MAX_CELL_LENGTH},
                    )
                )
            continue
        text = "" if value is None else str(value).strip()
        if not text:
            if required:
                violations.append(
                    Violation(
                        code="library_row_required",
                        default="This column is required.",
                        field=column,
                    )
                )
            values[column] = None
            continue
        if column in _CHOICE_COLUMNS:
            choice = _choice(column, text)
            if choice is None:
                ids, labels = _CHOICE_COLUMNS[column]
                violations.append(
                    Violation(
                        code="library_row_invalid_choice",
                        default="“${value}” is not one of: ${choices}.",
                        field=column,
                        params={
                            "value": text,
                            "choices": "、".join(labels[id_] for id_ in ids),
                        },
                    )
                )
            values[column] = choice
            continue
        if len(text) > MAX_CELL_LENGTH:
            violations.append(
                Violation(
                    code="library_row_too_long",
                    default="The text is longer than ${maximum} characters.",
                    field=column,
                    params={"maximum": MAX_CELL_LENGTH},
                )
            )
        values[column] = text
    return values, violations


def present_columns(kind: str, row: Mapping[str, object]) -> set[str]:
    """The column ids ``row`` gives (by id or Chinese header), whatever their
    value: an import updates only those of an existing member, so a file made
    before a column existed leaves that field as it is."""
    by_header = {header: id_ for id_, header, _required in LIBRARY_COLUMNS[kind]}
    known = set(by_header.values())
    answer = set()
    for key in row:
        column = by_header.get(str(key).strip(), str(key).strip())
        if column in known:
            answer.add(column)
    return answer


def duplicate_name_violations(
    names: Sequence[str], existing: Iterable[str] = ()
) -> dict[int, Violation]:
    """Rows (0-based index) whose name is already in the library or on an
    earlier row of the same batch."""
    seen = {name.strip() for name in existing if name}
    answer = {}
    for index, name in enumerate(names):
        key = (name or "").strip()
        if not key:
            continue
        if key in seen:
            answer[index] = Violation(
                code="library_row_duplicate_name",
                default="“${name}” is already in the library.",
                field="title",
                params={"name": key},
            )
        seen.add(key)
    return answer


def import_plan_violations(
    rows: Sequence[tuple[str | None, str, str | None]],
    members: Mapping[str, tuple[str, str | None]],
) -> dict[int, list[Violation]]:
    """Violations of importing ``rows`` into a library, by row (0-based index).

    ``rows`` are ``(member id or None, name, status or None)``: a row with an
    id updates that member (an export imports again), one without creates a
    member. ``members`` maps the library's member ids to ``(name, status)``.

    - An id that is not a member of the library, or given on two rows, is
      refused (field ``id``): ids are made by the library, never typed.
    - A name may be in the library once: the names of the members the file
      does not update, and those of the file's rows, must all differ (a row
      may keep its own member's name; two members may swap names).
    - The status changes only through elimination (末位淘汰), where the office
      confirms with a record of who, when and why: a row may leave 状态 empty
      or repeat the member's current status; a new member is 在库 (active).
    """
    answer: dict[int, list[Violation]] = {}

    def add(index, violation):
        answer.setdefault(index, []).append(violation)

    seen_ids = set()
    for index, (member_id, _name, _status) in enumerate(rows):
        if member_id is None:
            continue
        if member_id not in members:
            add(
                index,
                Violation(
                    code="library_row_unknown_id",
                    default="“${id}” is not the 编号 of a member of this library "
                    "(leave it empty for a new member).",
                    field="id",
                    params={"id": member_id},
                ),
            )
        elif member_id in seen_ids:
            add(
                index,
                Violation(
                    code="library_row_duplicate_id",
                    default="The member “${id}” is on an earlier row already.",
                    field="id",
                    params={"id": member_id},
                ),
            )
        seen_ids.add(member_id)
    updated = {member_id for member_id, _n, _s in rows if member_id in members}
    untouched = [
        name
        for member_id, (name, _status) in members.items()
        if member_id not in updated
    ]
    names = [name or "" for _member_id, name, _status in rows]
    for index, violation in duplicate_name_violations(names, untouched).items():
        add(index, violation)
    for index, (member_id, _name, status) in enumerate(rows):
        if status is None or (member_id is not None and member_id not in members):
            continue
        known = member_id is not None
        current = (members[member_id][1] or "active") if known else "active"
        if status != current:
            add(
                index,
                Violation(
                    code="library_row_status_by_elimination",
                    default=(
                        "The status cannot be changed by an import (“${value}” "
                        "instead of “${current}”): it changes only through "
                        "elimination (末位淘汰); a new member is 在库."
                    ),
                    field="status",
                    params={
                        "value": MEMBER_STATUS_LABELS.get(status, status),
                        "current": MEMBER_STATUS_LABELS.get(current, current),
                    },
                ),
            )
    return answer


# --- Ratings of engagements -------------------------------------------------------


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
    if core_rules.is_blank(engagement):
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
    if core_rules.is_blank(rater):
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


# --- Confirming an elimination ------------------------------------------------------

ELIMINATION_DECISIONS = ("remove", "keep")


def validate_elimination_decisions(
    proposed_ids: Iterable[str],
    member_ids: Iterable[str],
    decisions: Mapping[str, tuple[str, str]],
) -> list[Violation]:
    """Violations of the office's decisions on an elimination (field = member id).

    ``decisions`` maps a member id to ``(decision, reason)`` with decision
    ``remove`` or ``keep``. Every proposed member needs a decision. Keeping a
    proposed member, or removing one who was not proposed, overrides the
    ranking and needs a reason. Members not in the library are refused.
    """
    proposed = list(proposed_ids)
    known = set(member_ids)
    violations = []
    for member_id in proposed:
        if member_id not in decisions:
            violations.append(
                Violation(
                    code="elimination_decision_missing",
                    default="Decide whether to remove or keep ${member}.",
                    field=member_id,
                    params={"member": member_id},
                )
            )
    for member_id, (decision, reason) in decisions.items():
        if member_id not in known:
            violations.append(
                Violation(
                    code="elimination_member_unknown",
                    default="“${member}” is not a member of this library.",
                    field=member_id,
                    params={"member": member_id},
                )
            )
            continue
        if decision not in ELIMINATION_DECISIONS:
            violations.append(
                Violation(
                    code="elimination_decision_invalid",
                    default="The decision must be remove or keep, not “${value}”.",
                    field=member_id,
                    params={"value": decision},
                )
            )
            continue
        overrides = (decision == "keep") == (member_id in proposed)
        if overrides and core_rules.is_blank(reason):
            violations.append(
                Violation(
                    code="elimination_override_reason_required",
                    default=(
                        "Give a reason: ${decision} of ${member} overrides the ranking."
                    ),
                    field=member_id,
                    params={"member": member_id, "decision": decision},
                )
            )
    return violations


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
