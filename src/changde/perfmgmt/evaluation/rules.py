"""Plain-Python rules of evaluation, rectification and result application.

Covers plan measures 10 (强化结果应用机制), 12 (建立反馈整改机制) and 13
(建立淘汰机制) of the 2019 work plan, i.e. requirements R-M10, R-M12 and R-M13,
plus the grade bands every scored evaluation uses.

Nothing here imports Zope or Plone. Numbers (scores, rates) are
:class:`~decimal.Decimal`; inputs may be ``Decimal``, ``int``, numeric strings
or ``float`` (taken through ``str()`` so that ``89.99`` stays ``89.99``);
``bool``, NaN and infinities are refused. Every threshold of the plan lives in
a frozen settings dataclass whose defaults are the plan's numbers; the Plone
side builds them from the registry and passes them in.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date
from decimal import ROUND_DOWN
from decimal import Decimal

from changde.perfmgmt.core import rules as core_rules
from changde.perfmgmt.core.rules import Violation
from changde.perfmgmt.core.rules import format_message
from changde.perfmgmt.core.rules import is_count
from changde.perfmgmt.core.rules import percent
from changde.perfmgmt.core.rules import raise_if_violations
from changde.perfmgmt.core.rules import stringify_params
from changde.perfmgmt.core.rules import to_decimal

EVALUATION_KINDS = ("self", "key", "pre", "unit_overall")
EVALUATION_KIND_LABELS = {
    "self": "单位自评",
    "key": "重点评价",
    "pre": "事前评估",
    "unit_overall": "部门整体支出评价",
}

GRADES = ("excellent", "good", "average", "poor")
GRADE_LABELS = {"excellent": "优", "good": "良", "average": "中", "poor": "差"}

# The score range (0 to 100) belongs to core; re-exported for the rules below.
SCORE_MIN = core_rules.SCORE_MIN
SCORE_MAX = core_rules.SCORE_MAX

RECTIFICATION_STATUSES = ("open", "submitted", "accepted", "reopened")
RECTIFICATION_STATUS_LABELS = {
    "open": "待整改",
    "submitted": "已提交",
    "accepted": "已验收",
    "reopened": "退回重改",
}

ACTIONS = (
    "reduce_or_merge",
    "key_evaluation_scope",
    "suspend_funding",
    "priority",
    "improve",
    "cut_or_cancel",
    "adjust_or_merge",
    "recover_funds",
)
ACTION_LABELS = {
    "reduce_or_merge": "调减或整合",
    "key_evaluation_scope": "纳入重点评价范围",
    "suspend_funding": "暂缓或停止预算拨款",
    "priority": "优先保障",
    "improve": "督促改进",
    "cut_or_cancel": "削减或取消",
    "adjust_or_merge": "调整或整合",
    "recover_funds": "收回统筹使用",
}

NEGATIVE_LIST_REASONS = (
    "unclear_goals",
    "execution_below_standard",
    "incomplete_systems",
    "poor_evaluation_inadequate_rectification",
    "serious_monitoring_problem",
    "other",
)
NEGATIVE_LIST_REASON_LABELS = {
    "unclear_goals": "目标不明确",
    "execution_below_standard": "执行率不达标",
    "incomplete_systems": "制度不健全",
    "poor_evaluation_inadequate_rectification": "重点评价结果不理想且整改不到位",
    "serious_monitoring_problem": "监控发现严重问题",
    "other": "其他",
}


# --- Scores and grades -------------------------------------------------------


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

    These are the ids of ``declaration.rules.PRE_EVALUATION_RESULTS``, whose
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


# --- Rectification (R-M12) ---------------------------------------------------


@dataclass(frozen=True)
class RectificationSettings:
    """The rectification rate every key evaluation's problems must reach."""

    target_rate: Decimal = Decimal("100")


DEFAULT_RECTIFICATION_SETTINGS = RectificationSettings()


def rectification_rate(total: int, accepted: int) -> Decimal | None:
    """Percentage of rectification items accepted, or None when there are none.

    Rounded *down* to two decimals, so that 100.00 means every item is
    accepted (29,999 of 30,000 gives 99.99, never 100.00).
    """
    for name, count in (("total", total), ("accepted", accepted)):
        if not is_count(count, 0):
            raise ValueError(f"{name} must be a whole number ≥ 0: {count!r}")
    if accepted > total:
        raise ValueError(f"accepted ({accepted}) exceeds total ({total})")
    return percent(accepted, total, rounding=ROUND_DOWN)


def rectification_met(
    rate: Decimal | None,
    settings: RectificationSettings = DEFAULT_RECTIFICATION_SETTINGS,
) -> bool:
    """Whether a rectification rate reaches the target (100% by default).

    ``None`` (no rectification items) counts as met: nothing is left to
    rectify. Whether problems were recorded as items at all is a separate check.
    """
    if rate is None:
        return True
    return to_decimal(rate, strict=True) >= to_decimal(
        settings.target_rate, strict=True
    )


def is_item_overdue(deadline: date | None, status: str, today: date) -> bool:
    """Whether a rectification item is overdue: not accepted and past deadline.

    The deadline day itself is not overdue. An item without a deadline is never
    overdue.
    """
    if status not in RECTIFICATION_STATUSES:
        raise ValueError(f"unknown rectification status: {status!r}")
    if deadline is None:
        return False
    return status != "accepted" and today > deadline


# --- Result application (R-M10) and the negative list (R-M13) ----------------


@dataclass(frozen=True)
class ResultApplicationSettings:
    """Thresholds of plan measure 10.

    ``low_execution_rate``: a final-round execution rate strictly under it is
    low (70 is not low, 69.99 is). ``low_execution_years``: how many
    consecutive years of low rates put a project in next year's key-evaluation
    scope. ``idle_funds_months``: funds idle this many months or longer are
    recovered.
    """

    low_execution_rate: Decimal = Decimal("70")
    low_execution_years: int = 2
    idle_funds_months: int = 24


DEFAULT_RESULT_APPLICATION_SETTINGS = ResultApplicationSettings()


def validate_result_application_settings(
    settings: ResultApplicationSettings,
) -> list[Violation]:
    """Field-level violations of out-of-range thresholds."""
    violations = []
    rate = to_decimal(settings.low_execution_rate)
    if rate is None or not SCORE_MIN < rate <= SCORE_MAX:
        violations.append(
            Violation(
                code="low_execution_rate_out_of_range",
                default=(
                    "The low execution rate ${value} must be above ${minimum} "
                    "and at most ${maximum} percent."
                ),
                field="low_execution_rate",
                params={
                    "value": settings.low_execution_rate,
                    "minimum": SCORE_MIN,
                    "maximum": SCORE_MAX,
                },
            )
        )
    for name in ("low_execution_years", "idle_funds_months"):
        value = getattr(settings, name)
        if not is_count(value, 1):
            violations.append(
                Violation(
                    code="setting_not_positive_whole_number",
                    default="${setting} must be a whole number of at least 1.",
                    field=name,
                    params={"setting": name, "value": value},
                )
            )
    return violations


@dataclass(frozen=True)
class Recommendation:
    """One rule's advice to the budget office, with its reason.

    ``rule`` is the stable id of the rule that fired and the i18n msgid of
    ``reason_default`` (English, ``${name}`` placeholders filled from
    ``params``); ``action`` is one of :data:`ACTIONS`.
    """

    rule: str
    action: str
    reason_default: str
    params: dict = dataclass_field(default_factory=dict)

    @property
    def reason(self) -> str:
        """The English reason with its numbers filled in."""
        return format_message(self.reason_default, self.params)

    def as_dict(self) -> dict:
        """Plain data for JSON answers."""
        return {
            "rule": self.rule,
            "action": self.action,
            "reason": self.reason,
            "params": stringify_params(self.params),
        }


def unclear_goals_recommendation(goals_unclear: bool) -> Recommendation | None:
    """Goal review found the performance goals unclear → reduce or merge."""
    if not goals_unclear:
        return None
    return Recommendation(
        rule="goal_review_unclear",
        action="reduce_or_merge",
        reason_default=(
            "The goal review found the performance goals unclear: "
            "reduce or merge the budget."
        ),
    )


def low_execution_run(
    final_rates: Mapping[int, object],
    year: int,
    settings: ResultApplicationSettings = DEFAULT_RESULT_APPLICATION_SETTINGS,
) -> tuple[int, ...]:
    """The years of a run of low execution ending in ``year``, or ``()``.

    ``final_rates`` maps a year to the execution rate (percent) of its final
    monitoring round. The run holds when each of the ``low_execution_years``
    years ending with ``year`` (``year - N + 1`` … ``year``) has a rate
    strictly under ``low_execution_rate``. A year missing from the mapping
    breaks the run: no data is not evidence of low execution.
    """
    raise_if_violations(validate_result_application_settings(settings))
    threshold = to_decimal(settings.low_execution_rate, strict=True)
    years = tuple(range(year - settings.low_execution_years + 1, year + 1))
    for each in years:
        if each not in final_rates:
            return ()
        if to_decimal(final_rates[each], strict=True) >= threshold:
            return ()
    return years


def low_execution_recommendation(
    final_rates: Mapping[int, object],
    year: int,
    settings: ResultApplicationSettings = DEFAULT_RESULT_APPLICATION_SETTINGS,
) -> Recommendation | None:
    """Low execution ``low_execution_years`` years running → key evaluation.

    The project goes into the key-evaluation scope of ``year + 1``.
    """
    years = low_execution_run(final_rates, year, settings)
    if not years:
        return None
    return Recommendation(
        rule="execution_below_target_years",
        action="key_evaluation_scope",
        reason_default=(
            "The final-round execution rate was under ${threshold}% in each of "
            "the ${count} years ${years}: include the project in the "
            "key-evaluation scope of ${next_year}."
        ),
        params={
            "threshold": settings.low_execution_rate,
            "count": len(years),
            "years": ", ".join(str(each) for each in years),
            "next_year": year + 1,
        },
    )


def monitoring_recommendation(
    serious_problem: bool, rectified: bool
) -> Recommendation | None:
    """A serious monitoring problem not yet rectified → suspend funding."""
    if not serious_problem or rectified:
        return None
    return Recommendation(
        rule="monitoring_serious_problem",
        action="suspend_funding",
        reason_default=(
            "Monitoring found a serious problem that is not yet rectified: "
            "suspend or stop funding until it is."
        ),
    )


def key_evaluation_recommendation(
    grade: str | None, ineffective: bool = False
) -> Recommendation | None:
    """Key-evaluation result → priority, improve, or cut or cancel.

    优 and 良 (the plan's "good performance") → priority; 中 → improve;
    差, or funds found inefficient or ineffective (whatever the grade) → cut or
    cancel. No grade and no ineffectiveness finding → no recommendation.
    """
    if grade is not None and grade not in GRADES:
        raise ValueError(f"unknown grade: {grade!r}")
    if ineffective:
        return Recommendation(
            rule="key_evaluation_ineffective",
            action="cut_or_cancel",
            reason_default=(
                "The key evaluation found the funds inefficient or ineffective: "
                "cut or cancel them."
            ),
        )
    if grade is None:
        return None
    params = {"grade": GRADE_LABELS[grade]}
    if grade == "poor":
        return Recommendation(
            rule="key_evaluation_poor",
            action="cut_or_cancel",
            reason_default="The key evaluation graded ${grade}: cut or cancel.",
            params=params,
        )
    if grade == "average":
        return Recommendation(
            rule="key_evaluation_average",
            action="improve",
            reason_default="The key evaluation graded ${grade}: require improvement.",
            params=params,
        )
    return Recommendation(
        rule="key_evaluation_good",
        action="priority",
        reason_default="The key evaluation graded ${grade}: fund with priority.",
        params=params,
    )


def fragmentation_recommendation(
    overlapping_or_fragmented: bool,
) -> Recommendation | None:
    """Overlapping or fragmented policies and projects → adjust or merge."""
    if not overlapping_or_fragmented:
        return None
    return Recommendation(
        rule="overlapping_or_fragmented",
        action="adjust_or_merge",
        reason_default=(
            "The project overlaps others or is fragmented: adjust or merge it."
        ),
    )


def idle_funds_recommendation(
    idle_months: int | None,
    settings: ResultApplicationSettings = DEFAULT_RESULT_APPLICATION_SETTINGS,
) -> Recommendation | None:
    """Funds idle ``idle_funds_months`` months or longer → recover them."""
    raise_if_violations(validate_result_application_settings(settings))
    if idle_months is None or idle_months < settings.idle_funds_months:
        return None
    return Recommendation(
        rule="idle_funds",
        action="recover_funds",
        reason_default=(
            "The funds have been idle for ${months} months (limit ${limit}): "
            "recover them for areas in urgent need."
        ),
        params={"months": idle_months, "limit": settings.idle_funds_months},
    )


@dataclass(frozen=True)
class ProjectResultFacts:
    """What the system knows of one project when results are applied.

    ``year`` is the year being assessed: the last year of a low-execution run,
    whose recommendations concern ``year + 1``. ``final_execution_rates`` maps
    years to final-round execution rates (percent). ``key_evaluation_grade`` is
    a grade id or None (no key evaluation). ``rectification_rate`` is
    :func:`rectification_rate` of the key evaluation's items (None: no items);
    ``as_of`` is the date the facts hold on, compared with
    ``rectification_deadline``.
    """

    year: int
    goals_unclear: bool = False
    final_execution_rates: Mapping[int, object] = dataclass_field(default_factory=dict)
    serious_monitoring_problem: bool = False
    monitoring_problem_rectified: bool = False
    key_evaluation_grade: str | None = None
    ineffective: bool = False
    overlapping_or_fragmented: bool = False
    funds_idle_months: int | None = None
    rectification_rate: Decimal | None = None
    rectification_deadline: date | None = None
    as_of: date | None = None

    def __post_init__(self):
        grade = self.key_evaluation_grade
        if grade is not None and grade not in GRADES:
            raise ValueError(f"unknown grade: {grade!r}")


def recommendations_for(
    facts: ProjectResultFacts,
    settings: ResultApplicationSettings = DEFAULT_RESULT_APPLICATION_SETTINGS,
) -> list[Recommendation]:
    """Every recommendation the facts call for, in the plan's order.

    The order is fixed: goal review, execution, monitoring, key evaluation,
    overlap or fragmentation, idle funds (the order of plan measure 10).
    """
    found = [
        unclear_goals_recommendation(facts.goals_unclear),
        low_execution_recommendation(facts.final_execution_rates, facts.year, settings),
        monitoring_recommendation(
            facts.serious_monitoring_problem, facts.monitoring_problem_rectified
        ),
        key_evaluation_recommendation(facts.key_evaluation_grade, facts.ineffective),
        fragmentation_recommendation(facts.overlapping_or_fragmented),
        idle_funds_recommendation(facts.funds_idle_months, settings),
    ]
    return [recommendation for recommendation in found if recommendation]


def negative_list_proposals(
    facts: ProjectResultFacts,
    settings: ResultApplicationSettings = DEFAULT_RESULT_APPLICATION_SETTINGS,
    rectification: RectificationSettings = DEFAULT_RECTIFICATION_SETTINGS,
) -> list[tuple[str, dict]]:
    """Proposed negative-list entries as ``(reason id, params)`` pairs.

    In the order of :data:`NEGATIVE_LIST_REASONS`:

    - ``unclear_goals``: the goal review found the goals unclear;
    - ``execution_below_standard``: the low-execution run of
      :func:`low_execution_run` holds;
    - ``poor_evaluation_inadequate_rectification``: the key evaluation graded
      poor, its rectification rate is under the target (see
      :func:`rectification_met`; no items counts as met) and ``as_of`` is after
      ``rectification_deadline`` (both must be known);
    - ``serious_monitoring_problem``: monitoring found a serious problem. Every
      round's flagged results enter the library (plan measure 9), so this is
      proposed even once rectified; ``params["rectified"]`` says whether.

    ``incomplete_systems`` and ``other`` are the office's judgement and are
    never proposed here. These are proposals: the office decides.
    """
    proposals = []
    if facts.goals_unclear:
        proposals.append(("unclear_goals", {"year": facts.year}))
    years = low_execution_run(facts.final_execution_rates, facts.year, settings)
    if years:
        proposals.append(
            (
                "execution_below_standard",
                {
                    "years": ", ".join(str(each) for each in years),
                    "threshold": settings.low_execution_rate,
                },
            )
        )
    past_deadline = (
        facts.rectification_deadline is not None
        and facts.as_of is not None
        and facts.as_of > facts.rectification_deadline
    )
    if (
        facts.key_evaluation_grade == "poor"
        and past_deadline
        and not rectification_met(facts.rectification_rate, rectification)
    ):
        proposals.append(
            (
                "poor_evaluation_inadequate_rectification",
                {
                    "grade": GRADE_LABELS["poor"],
                    "rectification_rate": facts.rectification_rate,
                    "target_rate": rectification.target_rate,
                    "deadline": facts.rectification_deadline.isoformat(),
                },
            )
        )
    if facts.serious_monitoring_problem:
        proposals.append(
            (
                "serious_monitoring_problem",
                {"rectified": facts.monitoring_problem_rectified},
            )
        )
    return proposals
