"""The yearly assessment (考核) of plan measure 3 (R-M3).

Municipal units are assessed on 重视度 (attention), 执行力 (execution),
绩效评价等级 (evaluation grade) and 综合管理水平 (overall management);
districts on 问题整改 (rectification), 绩效指标的细化量化 (quantified
indicators) and 报告文本质量 (report text quality). Each criterion has a
weight (the weights of a kind add up to 100, settings) and a source: what the
system already holds pre-fills it as a share (percent) of its weight; the
office enters the rest by hand, and may replace a pre-filled number with a
note saying why (both are kept).

Rounding as in :mod:`.scoring`: each criterion's points half up to two
decimals, the total their sum.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from decimal import Decimal

from changde.perfmgmt.assessment.rules.scoring import Explanation
from changde.perfmgmt.assessment.rules.scoring import round_points
from changde.perfmgmt.assessment.rules.scoring import show
from changde.perfmgmt.core.rules.numbers import DECIMAL_CONTEXT
from changde.perfmgmt.core.rules.numbers import HUNDRED
from changde.perfmgmt.core.rules.numbers import percent
from changde.perfmgmt.core.rules.numbers import round_decimal
from changde.perfmgmt.core.rules.numbers import to_decimal
from changde.perfmgmt.core.rules.values import is_blank
from changde.perfmgmt.core.rules.violations import Violation

ZERO = Decimal(0)

UNIT = "unit"
DISTRICT = "district"
TARGET_KINDS = (UNIT, DISTRICT)

#: Where a criterion's number comes from.
SOURCES = (
    "self_evaluations_on_time",
    "monitoring_on_time",
    "evaluation_grades",
    "rectification_rate",
    "quantified_share",
    "text_quality",
    "manual",
)
MANUAL = "manual"


@dataclass(frozen=True)
class AssessmentCriterion:
    id: str
    title: str
    weight: Decimal
    source: str


UNIT_CRITERIA = (
    AssessmentCriterion("attention", "重视度", Decimal(25), "self_evaluations_on_time"),
    AssessmentCriterion("execution", "执行力", Decimal(25), "monitoring_on_time"),
    AssessmentCriterion(
        "evaluation_grade", "绩效评价等级", Decimal(30), "evaluation_grades"
    ),
    AssessmentCriterion("management", "综合管理水平", Decimal(20), MANUAL),
)
DISTRICT_CRITERIA = (
    AssessmentCriterion("rectification", "问题整改", Decimal(40), "rectification_rate"),
    AssessmentCriterion(
        "quantification", "绩效指标的细化量化", Decimal(30), "quantified_share"
    ),
    AssessmentCriterion("report_quality", "报告文本质量", Decimal(30), "text_quality"),
)

#: The share of the weight each evaluation grade earns (percent).
DEFAULT_GRADE_SHARES = {
    "excellent": Decimal(100),
    "good": Decimal(80),
    "average": Decimal(60),
    "poor": Decimal(0),
}


@dataclass(frozen=True)
class AssessmentSettings:
    unit_criteria: tuple = UNIT_CRITERIA
    district_criteria: tuple = DISTRICT_CRITERIA
    grade_shares: Mapping = dataclass_field(
        default_factory=lambda: dict(DEFAULT_GRADE_SHARES)
    )
    #: self-evaluations are on time when submitted by this day of the next
    #: year (month, day)
    self_evaluation_due: tuple = (4, 30)

    def criteria(self, kind):
        if kind not in TARGET_KINDS:
            raise ValueError(f"unknown kind of assessment: {kind!r}")
        return self.unit_criteria if kind == UNIT else self.district_criteria


DEFAULT_ASSESSMENT_SETTINGS = AssessmentSettings()


def validate_weights(criteria, field: str) -> list[Violation]:
    """The weights of one kind's criteria are numbers ≥ 0 adding up to 100."""
    weights = [to_decimal(criterion.weight) for criterion in criteria]
    if any(weight is None or weight < 0 for weight in weights):
        return [
            Violation(
                code="assessment_weight_invalid",
                default="Every weight must be a number of at least 0.",
                field=field,
            )
        ]
    total = sum(weights, ZERO)
    if total != HUNDRED:
        return [
            Violation(
                code="assessment_weights_not_100",
                default="The weights add up to ${sum}, not 100.",
                field=field,
                params={"sum": total},
            )
        ]
    return []


def validate_grade_shares(shares) -> list[Violation]:
    violations = []
    for grade in DEFAULT_GRADE_SHARES:
        value = to_decimal(shares.get(grade))
        if value is None or not ZERO <= value <= HUNDRED:
            violations.append(
                Violation(
                    code="assessment_grade_share_invalid",
                    default="The share of the grade ${grade} must be 0 to 100 %.",
                    field=f"grade_share_{grade}",
                    params={"grade": grade},
                )
            )
    return violations


# --- facts ------------------------------------------------------------------


@dataclass(frozen=True)
class SourceFacts:
    """What the system holds for one source: ``share`` (percent 0–100, None
    when there is nothing to measure), ``part`` of ``whole`` counted, and
    ``sources``: ``(title, url)`` of the items counted."""

    share: Decimal | None = None
    part: object = None
    whole: object = None
    sources: tuple = ()

    def as_dict(self) -> dict:
        return {
            "share": None if self.share is None else str(self.share),
            "part": _plain(self.part),
            "whole": _plain(self.whole),
            "sources": [list(source) for source in self.sources],
        }

    @classmethod
    def from_dict(cls, data) -> "SourceFacts":
        data = data or {}
        return cls(
            share=to_decimal(data.get("share")),
            part=data.get("part"),
            whole=data.get("whole"),
            sources=tuple(tuple(source) for source in data.get("sources") or ()),
        )


def _plain(value):
    """A count as JSON keeps it (an int), anything else as text."""
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    return str(value)


def share_of(part, whole) -> SourceFacts:
    """``part`` of ``whole`` as a share (None when there is nothing)."""
    return SourceFacts(share=percent(part, whole), part=part, whole=whole)


def grade_share(grades, shares=DEFAULT_GRADE_SHARES) -> Decimal | None:
    """The average share earned by ``grades`` (grade ids), or None."""
    grades = [grade for grade in grades if grade in shares]
    if not grades:
        return None
    total = sum((to_decimal(shares[grade], strict=True) for grade in grades), ZERO)
    return round_decimal(DECIMAL_CONTEXT.divide(total, Decimal(len(grades))))


def average_score(scores) -> Decimal | None:
    """The average of scores out of 100 (internal-review text quality)."""
    numbers = [to_decimal(score) for score in scores]
    numbers = [number for number in numbers if number is not None]
    if not numbers:
        return None
    return round_decimal(
        DECIMAL_CONTEXT.divide(sum(numbers, ZERO), Decimal(len(numbers)))
    )


# --- scoring ----------------------------------------------------------------


@dataclass(frozen=True)
class AssessmentLine:
    id: str
    title: str
    weight: Decimal
    source: str
    points: Decimal | None
    prefilled: Decimal | None
    entered: Decimal | None
    facts: SourceFacts | None
    explanation: Explanation | None
    note: str = ""

    @property
    def status(self) -> str:
        return "scored" if self.points is not None else "missing"

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "weight": str(self.weight),
            "source": self.source,
            "status": self.status,
            "points": None if self.points is None else str(self.points),
            "prefilled": None if self.prefilled is None else str(self.prefilled),
            "entered": None if self.entered is None else str(self.entered),
            "facts": self.facts.as_dict() if self.facts else None,
            "explanation": self.explanation.as_dict() if self.explanation else None,
            "note": self.note,
        }


@dataclass(frozen=True)
class AssessmentResult:
    lines: tuple
    total: Decimal | None

    @property
    def complete(self) -> bool:
        return self.total is not None

    def as_dict(self) -> dict:
        return {
            "lines": [line.as_dict() for line in self.lines],
            "total": None if self.total is None else str(self.total),
            "complete": self.complete,
        }


def _prefill_explanation(source, facts, weight, points):
    params = {
        "part": facts.part,
        "whole": facts.whole,
        "share": facts.share,
        "weight": show(weight),
        "points": points,
    }
    if source == "self_evaluations_on_time":
        return Explanation(
            code="assess_self_evaluations_on_time",
            default=(
                "${part} of ${whole} self-evaluations submitted on time "
                "(${share} %) × ${weight} = ${points}"
            ),
            params=params,
        )
    if source == "monitoring_on_time":
        return Explanation(
            code="assess_monitoring_on_time",
            default=(
                "${part} of ${whole} monitoring records submitted on time "
                "(${share} %) × ${weight} = ${points}"
            ),
            params=params,
        )
    if source == "evaluation_grades":
        return Explanation(
            code="assess_evaluation_grades",
            default=(
                "The ${whole} evaluation grades earn ${share} % on average "
                "× ${weight} = ${points}"
            ),
            params=params,
        )
    if source == "rectification_rate":
        return Explanation(
            code="assess_rectification_rate",
            default=(
                "${part} of ${whole} rectification items accepted "
                "(${share} %) × ${weight} = ${points}"
            ),
            params=params,
        )
    if source == "quantified_share":
        return Explanation(
            code="assess_quantified_share",
            default=(
                "${part} of ${whole} indicators quantified (${share} %) "
                "× ${weight} = ${points}"
            ),
            params=params,
        )
    return Explanation(
        code="assess_text_quality",
        default=(
            "Average text-quality score of ${whole} reviewed reports: "
            "${share} of 100 × ${weight} = ${points}"
        ),
        params=params,
    )


def prefilled_points(criterion, facts: SourceFacts | None) -> Decimal | None:
    if criterion.source == MANUAL or facts is None or facts.share is None:
        return None
    return round_points(
        DECIMAL_CONTEXT.divide(
            DECIMAL_CONTEXT.multiply(facts.share, to_decimal(criterion.weight)),
            HUNDRED,
        )
    )


def score_assessment(criteria, facts: Mapping, entries=None) -> AssessmentResult:
    """The assessment card of one unit or district: each criterion's points
    (entered by hand, else pre-filled from ``facts``, a mapping of source to
    :class:`SourceFacts`) and the total once every criterion has points."""
    entries = entries if isinstance(entries, Mapping) else {}
    lines = []
    for criterion in criteria:
        weight = to_decimal(criterion.weight, strict=True)
        source_facts = facts.get(criterion.source)
        prefilled = prefilled_points(criterion, source_facts)
        entry = entries.get(criterion.id)
        entry = entry if isinstance(entry, Mapping) else {}
        entered = to_decimal(entry.get("points"))
        if entered is not None and not ZERO <= entered <= weight:
            entered = None
        note = entry.get("note") if isinstance(entry.get("note"), str) else ""
        if entered is not None:
            points = round_points(entered)
            explanation = Explanation(
                code="assess_entered",
                default="${points} of ${weight} entered by hand",
                params={"points": points, "weight": show(weight)},
            )
        elif prefilled is not None:
            points = prefilled
            explanation = _prefill_explanation(
                criterion.source, source_facts, weight, points
            )
        else:
            points = None
            if criterion.source == MANUAL:
                explanation = Explanation(
                    code="assess_manual_missing",
                    default="Scored by hand: waiting for the points (0 to ${weight}).",
                    params={"weight": show(weight)},
                )
            else:
                explanation = Explanation(
                    code="assess_no_data",
                    default=(
                        "The system holds nothing to measure this year: enter "
                        "the points by hand (0 to ${weight})."
                    ),
                    params={"weight": show(weight)},
                )
        lines.append(
            AssessmentLine(
                id=criterion.id,
                title=criterion.title,
                weight=weight,
                source=criterion.source,
                points=points,
                prefilled=prefilled,
                entered=entered,
                facts=source_facts,
                explanation=explanation,
                note=(note or "").strip(),
            )
        )
    complete = all(line.points is not None for line in lines)
    total = sum((line.points for line in lines), ZERO) if complete else None
    return AssessmentResult(lines=tuple(lines), total=total)


def validate_assessment_entries(criteria, entries, facts: Mapping) -> list[Violation]:
    """Violations of the office's entries (field ``entries``): unknown
    criteria, points outside 0 to the weight, and a pre-filled number
    replaced without a note."""
    if entries is None:
        return []
    if not isinstance(entries, Mapping):
        return [
            Violation(
                code="assessment_entries_not_an_object",
                default="The entries must be an object keyed by criterion id.",
                field="entries",
            )
        ]
    by_id = {criterion.id: criterion for criterion in criteria}
    violations = []
    for key in sorted(entries, key=str):
        criterion = by_id.get(key)
        entry = entries[key]
        if criterion is None:
            violations.append(
                Violation(
                    code="assessment_entry_unknown",
                    default="“${key}” is not a criterion of this assessment.",
                    field="entries",
                    params={"key": key},
                )
            )
            continue
        if not isinstance(entry, Mapping) or set(entry) - {"points", "note"}:
            violations.append(
                Violation(
                    code="assessment_entry_invalid",
                    default=(
                        "The entry of ${key} must be an object with points and note."
                    ),
                    field="entries",
                    params={"key": key},
                )
            )
            continue
        value = entry.get("points")
        if value is None:
            continue
        number = to_decimal(value)
        weight = to_decimal(criterion.weight, strict=True)
        if number is None or not ZERO <= number <= weight:
            violations.append(
                Violation(
                    code="assessment_points_out_of_range",
                    default=(
                        "The points of ${title} must be a number from 0 to "
                        "${weight}, not “${value}”."
                    ),
                    field="entries",
                    params={
                        "key": key,
                        "title": criterion.title,
                        "weight": weight,
                        "value": value,
                    },
                )
            )
            continue
        prefilled = prefilled_points(criterion, facts.get(criterion.source))
        note = entry.get("note")
        if (
            prefilled is not None
            and round_points(number) != prefilled
            and (not isinstance(note, str) or is_blank(note))
        ):
            violations.append(
                Violation(
                    code="assessment_override_needs_note",
                    default=(
                        "${title} is pre-filled with ${prefilled} from the "
                        "system's facts: replacing it with ${value} needs a note."
                    ),
                    field="entries",
                    params={
                        "key": key,
                        "title": criterion.title,
                        "prefilled": prefilled,
                        "value": value,
                    },
                )
            )
    return violations


def rank(items):
    """Competition ranking (1, 2, 2, 4) of ``items``: ``(key, total,
    sort_key)``, highest total first, ties by ``sort_key`` (pinyin of the
    name); items without a total come last, without a rank. Answers
    ``[(key, rank or None)]`` in ranking order."""
    scored = sorted(
        (item for item in items if item[1] is not None),
        key=lambda item: (-to_decimal(item[1], strict=True), item[2]),
    )
    answer = []
    previous, previous_rank = None, 0
    for position, (key, total, _sort) in enumerate(scored, start=1):
        number = to_decimal(total, strict=True)
        current = previous_rank if number == previous else position
        answer.append((key, current))
        previous, previous_rank = number, current
    unscored = sorted((item for item in items if item[1] is None), key=lambda i: i[2])
    answer.extend((key, None) for key, _total, _sort in unscored)
    return answer
