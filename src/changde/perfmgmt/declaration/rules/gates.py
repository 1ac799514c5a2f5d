"""The gates a budget project passes at submission and approval (R-M4,
R-M6, R-M13), and the reason a return to the unit needs.

Every gate answers with a list of violations; an empty list means it is met.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from changde.perfmgmt.core.rules.jurisdictions import MUNICIPAL
from changde.perfmgmt.core.rules.violations import Violation
from changde.perfmgmt.declaration.rules.fields import DEFAULT_SETTINGS
from changde.perfmgmt.declaration.rules.fields import DeclarationSettings

#: Results of a pre-evaluation (事前评估, R-M4).
PRE_EVALUATION_RESULTS = ("none", "passed", "failed")


PRE_EVALUATION_PASSED = "passed"


#: What a negative-list entry (R-M13) is about.
NEGATIVE_LIST_TARGET_KINDS = ("project", "unit")


@dataclass(frozen=True)
class ProjectFacts:
    """What the gates need to know about one budget project."""

    year: int
    budget_kind: str
    is_special_fund: bool
    amount: Decimal
    is_new_major: bool
    has_performance_goal: bool
    has_management_measure: bool
    pre_evaluation_result: str
    indicator_count: int
    #: Indicators ticked quantifiable, with or without a target value.
    quantifiable_indicator_count: int
    jurisdiction_kind: str
    #: Titles of the quantifiable indicators without a numeric target value:
    #: they do not count towards a special fund's minimum.
    quantifiable_without_target: tuple = ()


@dataclass(frozen=True)
class NegativeListHit:
    """A negative-list entry (R-M13) that applies to the project or its unit.

    ``target_kind`` is ``"project"`` or ``"unit"``. The caller selects the
    entries that apply; :func:`negative_list_gate` only reports them.
    """

    target_title: str
    target_kind: str
    reason: str
    year: int


def goal_gate(facts: ProjectFacts) -> list[Violation]:
    """Goals are declared with the budget (绩效目标与预算同步申报).

    Plan measure 4 (R-M4): no submission without a performance goal and at
    least one indicator.
    """
    violations = []
    if not facts.has_performance_goal:
        violations.append(
            Violation(
                "gate_performance_goal_missing",
                "A project cannot be submitted without a performance goal; "
                "goals are declared together with the budget.",
                "performance_goal",
            )
        )
    if facts.indicator_count <= 0:
        violations.append(
            Violation(
                "gate_indicators_missing",
                "A project cannot be submitted without performance indicators; "
                "it has ${count}.",
                "indicators",
                {"count": facts.indicator_count},
            )
        )
    return violations


def special_fund_indicator_gate(
    facts: ProjectFacts, settings: DeclarationSettings = DEFAULT_SETTINGS
) -> list[Violation]:
    """A special fund needs enough quantifiable indicators with targets.

    Plan measure 6 (R-M6): every special fund (专项) needs at least
    ``min_quantifiable_indicators`` (default 10) quantifiable indicators. An
    indicator counts when it is quantifiable and has a numeric target value
    (a quantifiable indicator without a target measures nothing); the
    refusal names those that lack one.
    """
    minimum = settings.min_quantifiable_indicators
    without_target = tuple(facts.quantifiable_without_target)
    count = facts.quantifiable_indicator_count - len(without_target)
    if not facts.is_special_fund or count >= minimum:
        return []
    if without_target:
        return [
            Violation(
                "gate_special_fund_quantifiable_without_target",
                "A special fund needs at least ${minimum} quantifiable indicators "
                "with a target value; this project has ${count}: ${quantifiable} "
                "are quantifiable, but ${missing_count} of them have no target "
                "value (${missing}).",
                "indicators",
                {
                    "minimum": minimum,
                    "count": count,
                    "quantifiable": facts.quantifiable_indicator_count,
                    "missing_count": len(without_target),
                    "missing": "、".join(without_target),
                },
            )
        ]
    return [
        Violation(
            "gate_special_fund_too_few_quantifiable_indicators",
            "A special fund needs at least ${minimum} quantifiable indicators "
            "with a target value; this project has ${count}.",
            "indicators",
            {"minimum": minimum, "count": count},
        )
    ]


def pre_evaluation_gate(facts: ProjectFacts) -> list[Violation]:
    """A new major policy or project needs a passed pre-evaluation.

    Plan measure 4 (R-M4): 新出台重大政策和项目 need a positive pre-evaluation
    (事前评估) before the budget application can be submitted.
    """
    if not facts.is_new_major or facts.pre_evaluation_result == PRE_EVALUATION_PASSED:
        return []
    return [
        Violation(
            "gate_pre_evaluation_not_passed",
            "A new major policy or project needs a passed pre-evaluation before "
            'it can be submitted; its pre-evaluation result is "${result}".',
            "pre_evaluation_result",
            {"result": facts.pre_evaluation_result},
        )
    ]


def management_measure_gate(
    facts: ProjectFacts, settings: DeclarationSettings = DEFAULT_SETTINGS
) -> list[Violation]:
    """A large special fund needs a management measure.

    Plan measure 4 (R-M4): a special fund of ``management_measure_threshold``
    yuan or more (default 5,000,000) needs a management measure
    (专项资金管理办法, jointly issued with the finance bureau).
    """
    threshold = settings.management_measure_threshold
    if (
        not facts.is_special_fund
        or facts.has_management_measure
        or facts.amount < threshold
    ):
        return []
    return [
        Violation(
            "gate_management_measure_missing",
            "A special fund of ${threshold} yuan or more needs a management "
            "measure; this one has ${amount} yuan and none is attached.",
            "management_measure",
            {"threshold": threshold, "amount": facts.amount},
        )
    ]


def special_fund_cap_gate(
    facts: ProjectFacts,
    approved_special_fund_count: int,
    settings: DeclarationSettings = DEFAULT_SETTINGS,
) -> list[Violation]:
    """The municipal level's special funds per year are capped.

    Plan measure 4 (R-M4): the municipal level (市本级) approves at most
    ``municipal_special_fund_cap`` (default 90) special funds a year.
    ``approved_special_fund_count`` is the number already approved for the
    project's year, not counting this project.
    """
    cap = settings.municipal_special_fund_cap
    if (
        not facts.is_special_fund
        or facts.jurisdiction_kind != MUNICIPAL
        or approved_special_fund_count + 1 <= cap
    ):
        return []
    return [
        Violation(
            "gate_municipal_special_fund_cap_exceeded",
            "The municipal level may approve at most ${cap} special funds a "
            "year; ${count} are already approved for ${year}, so this one "
            "would exceed the cap.",
            "is_special_fund",
            {"cap": cap, "count": approved_special_fund_count, "year": facts.year},
        )
    ]


def negative_list_gate(listed_entries: Iterable[NegativeListHit]) -> list[Violation]:
    """Listed projects and units are excluded from support.

    Plan measure 13 (R-M13): a new application by a project or unit on the
    negative list is refused with the reason. The caller passes only the
    entries that apply; each one is reported.
    """
    violations = []
    for hit in listed_entries:
        params = {"target": hit.target_title, "reason": hit.reason, "year": hit.year}
        if hit.target_kind == "unit":
            violations.append(
                Violation(
                    "gate_negative_list_unit",
                    'The budget unit "${target}" is on the negative list '
                    "(${year}): ${reason}",
                    None,
                    params,
                )
            )
        else:
            violations.append(
                Violation(
                    "gate_negative_list_project",
                    'The project "${target}" is on the negative list '
                    "(${year}): ${reason}",
                    None,
                    params,
                )
            )
    return violations


def submission_violations(
    facts: ProjectFacts,
    negative_list_hits: Iterable[NegativeListHit] = (),
    settings: DeclarationSettings = DEFAULT_SETTINGS,
) -> list[Violation]:
    """Every gate a project must pass to be submitted.

    Plan measures 4, 6 and 13 (R-M4, R-M6, R-M13): goal and indicators,
    quantifiable indicators of a special fund, pre-evaluation, management
    measure, negative list.
    """
    return [
        *goal_gate(facts),
        *special_fund_indicator_gate(facts, settings),
        *pre_evaluation_gate(facts),
        *management_measure_gate(facts, settings),
        *negative_list_gate(negative_list_hits),
    ]


def approval_violations(
    facts: ProjectFacts,
    approved_special_fund_count: int,
    negative_list_hits: Iterable[NegativeListHit] = (),
    settings: DeclarationSettings = DEFAULT_SETTINGS,
) -> list[Violation]:
    """Every gate a project must pass to be approved.

    Plan measures 4, 6 and 13 (R-M4, R-M6, R-M13): the gates of submission
    plus the municipal cap on special funds.
    """
    return [
        *submission_violations(facts, negative_list_hits, settings),
        *special_fund_cap_gate(facts, approved_special_fund_count, settings),
    ]


def return_reason_gate(comment: str | None) -> list[Violation]:
    """A project goes back to its unit with a reason (R-P1): the comment."""
    if comment is None or not str(comment).strip():
        return [
            Violation(
                code="gate_return_needs_reason",
                default="A project is returned to its unit with a reason: "
                "write it in the comment.",
                field="comment",
            )
        ]
    return []
