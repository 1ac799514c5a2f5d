"""Business rules of the declaration module (预算编制有目标), in plain Python.

The gates of the plan that a budget project (项目 / 专项 / 政策) must pass before
it is submitted or approved, the checks of its fields and of its indicators,
and the four-budgets coverage targets. Nothing here imports Zope or Plone: the
Plone side (workflow guards, form validators, REST services) builds plain
inputs (:class:`ProjectFacts`, :class:`NegativeListHit`, the settings) from
content and the registry, and turns the :class:`Violation` objects answered
here into translated, field-level messages. Every rule answers with a list of
violations; an empty list means the rule is met.

Money is :class:`~decimal.Decimal` in yuan.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from changde.perfmgmt.core import rules as core_rules
from changde.perfmgmt.core.rules import Violation
from changde.perfmgmt.core.rules import format_yuan
from changde.perfmgmt.core.rules import is_blank
from changde.perfmgmt.core.rules import to_decimal

# --- Vocabularies (ids; the Plone side supplies the translated titles) --------

#: Budget kinds (R-M5): the four budgets (四本预算) and government debt (政府债务).
BUDGET_KINDS = (
    "general_public",  # 一般公共预算
    "government_fund",  # 政府性基金预算
    "state_capital",  # 国有资本经营预算
    "social_insurance",  # 社会保险基金预算
    "government_debt",  # 政府债务
)
#: The four budgets whose coverage the plan counts (R-M5).
FOUR_BUDGETS = BUDGET_KINDS[:4]
#: The budget kind of government debt, targeted separately (R-M5).
DEBT_BUDGET_KIND = "government_debt"

# Jurisdiction kinds belong to core; re-exported for the gates below.
JURISDICTION_KINDS = core_rules.JURISDICTION_KINDS
MUNICIPAL = core_rules.MUNICIPAL

#: Comparators of a level-3 indicator (R-M6): ≥ ≤ = ≈ and qualitative.
COMPARATORS = ("ge", "le", "eq", "approx", "qualitative")
QUALITATIVE = "qualitative"

#: Results of a pre-evaluation (事前评估, R-M4).
PRE_EVALUATION_RESULTS = ("none", "passed", "failed")
PRE_EVALUATION_PASSED = "passed"

#: What a negative-list entry (R-M13) is about.
NEGATIVE_LIST_TARGET_KINDS = ("project", "unit")

#: Bounds of an indicator's weight (percentage points).
MIN_WEIGHT = Decimal(0)
MAX_WEIGHT = Decimal(100)


# --- Settings and plain inputs ------------------------------------------------


@dataclass(frozen=True)
class DeclarationSettings:
    """The thresholds of the plan (registry settings on the Plone side)."""

    #: Quantifiable indicators a special fund needs (R-M6).
    min_quantifiable_indicators: int = 10
    #: A special fund of this amount (yuan) or more needs a management measure.
    management_measure_threshold: Decimal = Decimal("5000000")
    #: Special funds the municipal level may approve per year (R-M4).
    municipal_special_fund_cap: int = 90
    #: The range of budget years accepted.
    min_year: int = core_rules.MIN_YEAR
    max_year: int = core_rules.MAX_YEAR


DEFAULT_SETTINGS = DeclarationSettings()


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


# --- Helpers ------------------------------------------------------------------

#: The parameters of the messages below that are amounts of yuan.
AMOUNT_PARAMS = ("amount", "threshold")


def readable_params(params: dict) -> dict:
    """``params`` with the amounts (:data:`AMOUNT_PARAMS`) formatted by
    :func:`format_yuan`, for the message a person reads."""
    return {
        key: format_yuan(value) if key in AMOUNT_PARAMS else value
        for key, value in params.items()
    }


def _to_int(value) -> int | None:
    """``value`` as an int (int or a string of digits), or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return None
    return None


# --- Field checks -------------------------------------------------------------


def validate_project_year(
    year, settings: DeclarationSettings = DEFAULT_SETTINGS
) -> list[Violation]:
    """Check a project's budget year: given, whole, in
    [``min_year``, ``max_year``] (plan measures 4 and 5, R-M4, R-M5)."""
    if is_blank(year):
        return [
            Violation("project_year_required", "The budget year is required.", "year")
        ]
    number = _to_int(year)
    if number is None:
        return [
            Violation(
                "project_year_invalid",
                'The budget year must be a whole number; "${year}" is not.',
                "year",
                {"year": year},
            )
        ]
    if not settings.min_year <= number <= settings.max_year:
        return [
            Violation(
                "project_year_out_of_range",
                "The budget year must lie between ${min_year} and ${max_year}; "
                "${year} does not.",
                "year",
                {
                    "year": number,
                    "min_year": settings.min_year,
                    "max_year": settings.max_year,
                },
            )
        ]
    return []


def validate_budget_kind(budget_kind) -> list[Violation]:
    """Check a project's budget kind: given, one of :data:`BUDGET_KINDS`
    (plan measure 5, R-M5)."""
    if is_blank(budget_kind):
        return [
            Violation(
                "project_budget_kind_required",
                "The budget kind is required.",
                "budget_kind",
            )
        ]
    if budget_kind not in BUDGET_KINDS:
        return [
            Violation(
                "project_budget_kind_unknown",
                'Unknown budget kind "${budget_kind}"; it must be one of ${allowed}.',
                "budget_kind",
                {"budget_kind": budget_kind, "allowed": ", ".join(BUDGET_KINDS)},
            )
        ]
    return []


def validate_amount(amount) -> list[Violation]:
    """Check a project's amount (yuan; Decimal, int or str): given, a number,
    not negative (plan measure 4, R-M4)."""
    if is_blank(amount):
        return [
            Violation("project_amount_required", "The amount is required.", "amount")
        ]
    number = to_decimal(amount, allow_commas=True)
    if number is None:
        return [
            Violation(
                "project_amount_not_a_number",
                'The amount must be a number of yuan; "${amount}" is not.',
                "amount",
                {"amount": amount},
            )
        ]
    if number < 0:
        return [
            Violation(
                "project_amount_negative",
                "The amount cannot be negative; it is ${amount} yuan.",
                "amount",
                {"amount": number},
            )
        ]
    return []


def validate_project_fields(
    year, budget_kind, amount, settings: DeclarationSettings = DEFAULT_SETTINGS
) -> list[Violation]:
    """Check a project's year, budget kind and amount.

    Plan measures 4 and 5 (R-M4, R-M5): the budget year lies in
    [``min_year``, ``max_year``], the budget kind is one of
    :data:`BUDGET_KINDS`, the amount (yuan; Decimal, int or str) is a number
    and not negative. The schema of a project calls each of the three checks
    as the constraint of its field (forms and REST alike).
    """
    return [
        *validate_project_year(year, settings),
        *validate_budget_kind(budget_kind),
        *validate_amount(amount),
    ]


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


# --- The gates at submission and approval -------------------------------------


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


# --- Coverage of the four budgets (R-M5) --------------------------------------


@dataclass(frozen=True)
class CoverageSettings:
    """The plan's coverage targets (registry settings on the Plone side)."""

    #: From this year all four budgets are required everywhere.
    full_coverage_year: int = 2021
    #: From this year government debt is required at the municipal level.
    debt_from_year: int = 2021
    #: Before ``full_coverage_year`` non-municipal jurisdictions need this many.
    district_minimum_before_full: int = 2


DEFAULT_COVERAGE_SETTINGS = CoverageSettings()


@dataclass(frozen=True)
class CoverageTarget:
    """How many of the four budgets are required, and whether debt is."""

    required_count: int
    debt_required: bool


@dataclass(frozen=True)
class Coverage:
    """Which budget kinds of a jurisdiction and year have projects."""

    year: int
    jurisdiction_kind: str
    #: Budget kind id -> covered, for every kind of :data:`BUDGET_KINDS`.
    covered: dict
    covered_count: int
    required_count: int
    debt_required: bool
    debt_covered: bool
    met: bool

    def as_dict(self) -> dict:
        """Plain data for JSON answers."""
        return {
            "year": self.year,
            "jurisdiction_kind": self.jurisdiction_kind,
            "covered": dict(self.covered),
            "covered_count": self.covered_count,
            "required_count": self.required_count,
            "debt_required": self.debt_required,
            "debt_covered": self.debt_covered,
            "met": self.met,
        }


def coverage_target(
    year: int,
    jurisdiction_kind: str,
    settings: CoverageSettings = DEFAULT_COVERAGE_SETTINGS,
) -> CoverageTarget:
    """The coverage target of a jurisdiction in a year.

    Plan measure 5 (R-M5): before ``full_coverage_year`` (2021) the municipal
    level needs all four budgets and the others at least
    ``district_minimum_before_full`` (2); from it all four everywhere.
    Government debt is required at the municipal level from
    ``debt_from_year`` (2021). Raises ValueError for an unknown kind.
    """
    if jurisdiction_kind not in JURISDICTION_KINDS:
        raise ValueError(f"Unknown jurisdiction kind: {jurisdiction_kind!r}")
    municipal = jurisdiction_kind == MUNICIPAL
    if municipal or year >= settings.full_coverage_year:
        required = len(FOUR_BUDGETS)
    else:
        required = settings.district_minimum_before_full
    debt_required = municipal and year >= settings.debt_from_year
    return CoverageTarget(required_count=required, debt_required=debt_required)


def coverage(
    budget_kinds_with_projects: Iterable[str],
    year: int,
    jurisdiction_kind: str,
    settings: CoverageSettings = DEFAULT_COVERAGE_SETTINGS,
) -> Coverage:
    """Coverage of the four budgets (and debt) against the plan's target.

    Plan measure 5 (R-M5): ``budget_kinds_with_projects`` are the budget
    kinds that have projects under performance management in the
    jurisdiction and year; unknown kinds are ignored.
    """
    kinds = set(budget_kinds_with_projects)
    target = coverage_target(year, jurisdiction_kind, settings)
    covered = {kind: kind in kinds for kind in BUDGET_KINDS}
    covered_count = sum(1 for kind in FOUR_BUDGETS if covered[kind])
    debt_covered = covered[DEBT_BUDGET_KIND]
    met = covered_count >= target.required_count and (
        debt_covered or not target.debt_required
    )
    return Coverage(
        year=year,
        jurisdiction_kind=jurisdiction_kind,
        covered=covered,
        covered_count=covered_count,
        required_count=target.required_count,
        debt_required=target.debt_required,
        debt_covered=debt_covered,
        met=met,
    )


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
