"""Result application (R-M10): what the evaluation, monitoring and
execution of a project recommend for its next budget."""

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date
from decimal import Decimal

from changde.perfmgmt.core.rules.numbers import SCORE_MAX
from changde.perfmgmt.core.rules.numbers import SCORE_MIN
from changde.perfmgmt.core.rules.numbers import to_decimal
from changde.perfmgmt.core.rules.values import is_count
from changde.perfmgmt.core.rules.violations import Violation
from changde.perfmgmt.core.rules.violations import format_message
from changde.perfmgmt.core.rules.violations import raise_if_violations
from changde.perfmgmt.core.rules.violations import stringify_params
from changde.perfmgmt.evaluation.rules.grades import GRADE_LABELS
from changde.perfmgmt.evaluation.rules.grades import GRADES

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
