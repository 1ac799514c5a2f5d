"""A report's scorecard, scored line by line from the facts and the entries.

Inputs are plain: the template's rows (:mod:`.scorecards`), the facts the
system holds (:class:`CardFacts`: the final monitoring round's execution,
the project's indicators with their actual values) and the scorer's entries,
a mapping from a leaf's code — or ``"<code>/<indicator key>"`` for one
indicator of a formula leaf — to ``{"points", "percent", "not_applicable",
"note"}``.

The rules of the plan (R-M4 self-evaluation practice):

- execution: rate = executed / adjusted budget of the final round; points =
  rate × weight, capped at the weight; a rate under
  :attr:`ScoringSettings.explanation_below_rate` (90 %) needs a written
  explanation (the note of the leaf) before the report is submitted;
- a quantified indicator: "≥" scores actual / target × weight, "≤" target /
  actual × weight, both capped at the weight; "=" the full weight when met,
  else 0; "≈" the full weight within the tolerance (± 5 % of the target),
  else 0; a qualitative indicator by band, from the scorer's percentage;
- an indicator (or any leaf) marked not applicable, with a reason, is
  dropped and the remaining weights rescaled to the same total; a formula
  leaf with no indicator of its kind is dropped the same way;
- no division by zero: a target of 0 for "≥" cannot be scored, and says why.

Rounding, stated once: points are computed exactly (Decimal, 60 digits);
each line shows its points rounded half up to two decimals, and a group's
points and the total are the exact sum of their lines, rounded the same way
once (89.995 → 90.00), so the total never exceeds 100 and the grade is read
from the rounded total. The printed lines may therefore add up to 0.01 more
or less than the printed total. Weights after rescaling are shown to two
decimals but computed exactly.
"""

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from decimal import ROUND_HALF_UP
from decimal import Decimal

from changde.perfmgmt.assessment.rules.scorecards import INDICATOR_FORMULAS
from changde.perfmgmt.assessment.rules.scorecards import build_tree
from changde.perfmgmt.assessment.rules.scorecards import leaves
from changde.perfmgmt.core.rules.numbers import DECIMAL_CONTEXT
from changde.perfmgmt.core.rules.numbers import HUNDRED
from changde.perfmgmt.core.rules.numbers import round_decimal
from changde.perfmgmt.core.rules.numbers import to_decimal
from changde.perfmgmt.core.rules.values import is_blank
from changde.perfmgmt.core.rules.violations import Violation
from changde.perfmgmt.core.rules.violations import format_message
from changde.perfmgmt.core.rules.violations import stringify_params
from changde.perfmgmt.evaluation.rules import grades as evaluation_rules

ZERO = Decimal(0)

#: Status of a line.
SCORED = "scored"
MISSING = "missing"  # waiting for a fact or an entry
CANNOT_SCORE = "cannot_score"  # the facts do not allow it (target 0, text)
NOT_APPLICABLE = "not_applicable"
STATUSES = (SCORED, MISSING, CANNOT_SCORE, NOT_APPLICABLE)

#: Bands of a qualitative judgement: id, lowest percentage (inclusive).
BANDS = (("fully_met", Decimal(80)), ("largely_met", Decimal(50)), ("not_met", ZERO))
BAND_LABELS = {"fully_met": "完全达成", "largely_met": "基本达成", "not_met": "未达成"}

COMPARATOR_SIGNS = {"ge": "≥", "le": "≤", "eq": "=", "approx": "≈", "qualitative": "—"}

ENTRY_KEYS = ("points", "percent", "not_applicable", "note")


@dataclass(frozen=True)
class ScoringSettings:
    """Thresholds of scoring (registry settings on the Plone side)."""

    #: an execution rate under it (percent) needs a written explanation
    explanation_below_rate: Decimal = Decimal("90")
    #: "≈" is met within this percentage of the target
    approx_tolerance: Decimal = Decimal("5")


DEFAULT_SCORING_SETTINGS = ScoringSettings()


def validate_scoring_settings(settings: ScoringSettings) -> list[Violation]:
    violations = []
    for name in ("explanation_below_rate", "approx_tolerance"):
        value = to_decimal(getattr(settings, name))
        if value is None or not ZERO <= value <= HUNDRED:
            violations.append(
                Violation(
                    code="scoring_setting_out_of_range",
                    default="${setting} must be a percentage from 0 to 100.",
                    field=name,
                    params={"setting": name, "value": getattr(settings, name)},
                )
            )
    return violations


# --- facts --------------------------------------------------------------------


@dataclass(frozen=True)
class ExecutionFacts:
    """The budget execution a formula leaf scores: the final monitoring
    round's record of the project (or the sums over a unit's projects)."""

    budget: object = None  # the adjusted budget (调整后预算数), yuan
    executed: object = None
    label: str = ""  # the round (or the unit), for the facts column
    source: str | None = None  # where the facts are (a URL)
    count: int = 1  # projects summed (a unit's execution)


@dataclass(frozen=True)
class IndicatorFacts:
    """One of the project's indicators with its actual value."""

    key: str  # the indicator's UID: entries name it
    title: str
    level1: str = ""
    level2: str = ""
    comparator: str = "ge"
    quantifiable: bool = True
    target: object = None
    actual: object = None
    unit: str = ""
    weight: object = None
    source: str | None = None


@dataclass(frozen=True)
class CardFacts:
    """Everything the formulas read. ``execution`` is None when the final
    round has no record of the project; ``unit_execution`` likewise."""

    execution: ExecutionFacts | None = None
    indicators: tuple = ()
    unit_execution: ExecutionFacts | None = None

    def as_dict(self) -> dict:
        """Plain data (JSON), e.g. to freeze the facts of a submitted card."""

        def execution(facts):
            if facts is None:
                return None
            return {
                "budget": _text(facts.budget),
                "executed": _text(facts.executed),
                "label": facts.label,
                "source": facts.source,
                "count": facts.count,
            }

        return {
            "execution": execution(self.execution),
            "unit_execution": execution(self.unit_execution),
            "indicators": [
                {
                    "key": item.key,
                    "title": item.title,
                    "level1": item.level1,
                    "level2": item.level2,
                    "comparator": item.comparator,
                    "quantifiable": item.quantifiable,
                    "target": _text(item.target),
                    "actual": _text(item.actual),
                    "unit": item.unit,
                    "weight": _text(item.weight),
                    "source": item.source,
                }
                for item in self.indicators
            ],
        }

    @classmethod
    def from_dict(cls, data) -> "CardFacts":
        data = data or {}

        def execution(value):
            return ExecutionFacts(**value) if value else None

        return cls(
            execution=execution(data.get("execution")),
            unit_execution=execution(data.get("unit_execution")),
            indicators=tuple(
                IndicatorFacts(**item) for item in data.get("indicators") or ()
            ),
        )


def _text(value):
    return None if value is None else str(value)


# --- messages -----------------------------------------------------------------


@dataclass(frozen=True)
class Explanation:
    """How a line's points were found, or why it has none: ``code`` is the
    i18n msgid of ``default`` (English, ``${name}`` placeholders)."""

    code: str
    default: str
    params: dict = dataclass_field(default_factory=dict)

    @property
    def text(self) -> str:
        return format_message(self.default, self.params)

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "message": self.text,
            "params": stringify_params(self.params),
        }


@dataclass(frozen=True)
class Fact:
    """One fact a line was scored from: ``kind`` names it (budget, executed,
    rate, target, actual, comparator, weight, round), ``value`` as shown,
    ``source`` the URL of where it is held."""

    kind: str
    value: str
    source: str | None = None

    def as_dict(self) -> dict:
        return {"kind": self.kind, "value": self.value, "source": self.source}


@dataclass(frozen=True)
class Line:
    """One line of the card: a group, a leaf, or an indicator of a leaf."""

    key: str
    code: str
    title: str
    depth: int
    kind: str  # group, leaf or indicator
    method: str | None
    formula: str | None
    weight: Decimal | None  # as the template (or the indicator) has it
    effective_weight: Decimal | None  # after rescaling; None: not applicable
    status: str
    points: Decimal | None
    explanation: Explanation | None = None
    facts: tuple = ()
    note: str = ""
    band: str | None = None
    needs_explanation: bool = False
    #: the points before rounding: groups and the total add these up
    exact: Decimal | None = None

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "code": self.code,
            "title": self.title,
            "depth": self.depth,
            "kind": self.kind,
            "method": self.method,
            "formula": self.formula,
            "weight": _text(self.weight),
            "effective_weight": _text(
                None
                if self.effective_weight is None
                else round_decimal(self.effective_weight)
            ),
            "status": self.status,
            "points": _text(self.points),
            "band": self.band,
            "explanation": self.explanation.as_dict() if self.explanation else None,
            "facts": [fact.as_dict() for fact in self.facts],
            "note": self.note,
            "needs_explanation": self.needs_explanation,
        }


@dataclass(frozen=True)
class CardResult:
    """The scored card: its lines in order, the total when complete."""

    lines: tuple
    total: Decimal | None
    partial: Decimal
    problems: tuple = ()

    @property
    def complete(self) -> bool:
        return self.total is not None

    def grade(self, bands=evaluation_rules.DEFAULT_GRADE_BANDS) -> str | None:
        if self.total is None:
            return None
        return evaluation_rules.grade_for_score(self.total, bands)

    def as_dict(self, bands=evaluation_rules.DEFAULT_GRADE_BANDS) -> dict:
        return {
            "lines": [line.as_dict() for line in self.lines],
            "total": _text(self.total),
            "partial": str(self.partial),
            "complete": self.complete,
            "grade": self.grade(bands),
            "problems": [problem.as_dict() for problem in self.problems],
        }


# --- numbers ------------------------------------------------------------------


def round_points(value) -> Decimal:
    """Points as a line shows them: half up to two decimals (89.995 → 90.00)."""
    return round_decimal(to_decimal(value, strict=True), 2, ROUND_HALF_UP)


def _rounded(value):
    return None if value is None else round_points(value)


def parse_value(value) -> Decimal | None:
    """A target or actual value as a number: ``92``, ``"92%"``, ``"3,000"``,
    full-width digits; None when it is not one (``"明显提升"``)."""
    if value is None:
        return None
    if isinstance(value, Decimal | int | float) and not isinstance(value, bool):
        return to_decimal(value)
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if text.endswith("%"):
        text = text[:-1].strip()
    return to_decimal(text, allow_commas=True)


def show(number) -> str:
    """A number as a line shows it: ``72.5``, ``100``, ``3,600,000``."""
    number = to_decimal(number, strict=True)
    if number == number.to_integral_value():
        return f"{number:,.0f}"
    return f"{number.normalize():,f}"


def band_of(percent) -> str:
    """The band of a percentage of the weight: 80 and above fully met, 50
    and above largely met, under 50 not met."""
    number = to_decimal(percent, strict=True)
    for band, lowest in BANDS:
        if number >= lowest:
            return band
    return BANDS[-1][0]


def _divide(a, b) -> Decimal:
    return DECIMAL_CONTEXT.divide(a, b)


def _multiply(a, b) -> Decimal:
    return DECIMAL_CONTEXT.multiply(a, b)


# --- entries ------------------------------------------------------------------


def entry_of(entries, key) -> dict:
    value = (entries or {}).get(key)
    return value if isinstance(value, dict) else {}


def is_not_applicable(entry) -> bool:
    return entry.get("not_applicable") is True


def validate_entries(rows, entries, facts: CardFacts) -> list[Violation]:
    """Violations of the scorer's entries (field ``scorecard_entries``):
    unknown keys, points outside 0 to the weight, percentages outside 0 to
    100, an entry for what a formula computes, "not applicable" without a
    reason. ``params["key"]`` names the entry."""
    if entries is None:
        return []
    if not isinstance(entries, Mapping):
        return [
            Violation(
                code="scorecard_entries_not_an_object",
                default="The entries must be an object keyed by criterion code.",
                field="scorecard_entries",
            )
        ]
    tree = build_tree(rows)
    by_code = {leaf.code: leaf for leaf in leaves(tree)}
    indicators = {item.key: item for item in facts.indicators}
    violations = []
    for key in sorted(entries, key=str):
        entry = entries[key]
        code, _, indicator_key = str(key).partition("/")
        leaf = by_code.get(code)
        indicator = indicators.get(indicator_key) if indicator_key else None
        known = leaf is not None and (
            not indicator_key
            or (
                leaf.scores_indicators
                and indicator is not None
                and _selects(leaf.formula, indicator)
            )
        )
        if not known:
            violations.append(
                Violation(
                    code="scorecard_entry_unknown",
                    default=(
                        "“${key}” is not a criterion of this scorecard scored "
                        "by hand or band, nor one of its indicators."
                    ),
                    field="scorecard_entries",
                    params={"key": key},
                )
            )
            continue
        if not isinstance(entry, Mapping):
            violations.append(
                Violation(
                    code="scorecard_entry_not_an_object",
                    default=(
                        "The entry of ${key} must be an object (points, "
                        "percent, not_applicable, note)."
                    ),
                    field="scorecard_entries",
                    params={"key": key},
                )
            )
            continue
        violations.extend(_entry_violations(key, entry, leaf, indicator))
    return violations


def _entry_violations(key, entry, leaf, indicator):
    violations = []
    unknown = sorted(set(entry) - set(ENTRY_KEYS), key=str)
    if unknown:
        violations.append(
            Violation(
                code="scorecard_entry_unknown_keys",
                default="The entry of ${key} has unknown keys: ${keys}.",
                field="scorecard_entries",
                params={"key": key, "keys": ", ".join(map(str, unknown))},
            )
        )
    not_applicable = entry.get("not_applicable")
    if not_applicable not in (None, True, False):
        violations.append(
            Violation(
                code="scorecard_not_applicable_not_boolean",
                default="not_applicable of ${key} must be true or false.",
                field="scorecard_entries",
                params={"key": key},
            )
        )
    if not_applicable is True and is_blank(entry.get("note")):
        violations.append(
            Violation(
                code="scorecard_not_applicable_needs_reason",
                default="${key} is marked not applicable: give the reason in its note.",
                field="scorecard_entries",
                params={"key": key},
            )
        )
    note = entry.get("note")
    if note is not None and not isinstance(note, str):
        violations.append(
            Violation(
                code="scorecard_note_not_text",
                default="The note of ${key} must be text.",
                field="scorecard_entries",
                params={"key": key},
            )
        )
    if indicator is not None:
        takes = "percent" if _is_qualitative(indicator) else None
    elif leaf.method == "manual":
        takes = "points"
    elif leaf.method == "band":
        takes = "percent"
    else:
        takes = None
    for name in ("points", "percent"):
        value = entry.get(name)
        if value is None:
            continue
        if name != takes:
            violations.append(
                Violation(
                    code="scorecard_entry_computed",
                    default=(
                        "${key} is not scored by ${name}: its points are "
                        "computed from the facts, or it takes ${takes}."
                    ),
                    field="scorecard_entries",
                    params={"key": key, "name": name, "takes": takes or "—"},
                )
            )
            continue
        number = to_decimal(value)
        maximum = leaf.weight if name == "points" else HUNDRED
        if number is None or not ZERO <= number <= maximum:
            violations.append(
                Violation(
                    code="scorecard_entry_out_of_range",
                    default=(
                        "${name} of ${key} must be a number from 0 to "
                        "${maximum}, not “${value}”."
                    ),
                    field="scorecard_entries",
                    params={
                        "key": key,
                        "name": name,
                        "maximum": maximum,
                        "value": value,
                    },
                )
            )
    return violations


def validate_override(computed, score, reason) -> list[Violation]:
    """A score that differs from the card's computed total needs a reason
    (field ``score_override_reason``); both values are kept."""
    if computed is None or score is None:
        return []
    if to_decimal(score) == to_decimal(computed):
        return []
    if not is_blank(reason):
        return []
    return [
        Violation(
            code="score_override_needs_reason",
            default=(
                "The scorecard computes ${computed}; a score of ${score} "
                "differs from it and needs a reason."
            ),
            field="score_override_reason",
            params={"computed": computed, "score": score},
        )
    ]


# --- scoring ------------------------------------------------------------------


def _is_qualitative(indicator: IndicatorFacts) -> bool:
    return indicator.comparator == "qualitative" or not indicator.quantifiable


def _selects(formula, indicator) -> bool:
    level1s, level2s = INDICATOR_FORMULAS[formula]
    if indicator.level1 not in level1s:
        return False
    return level2s is None or indicator.level2 in level2s


def indicators_of(formula, facts: CardFacts) -> list[IndicatorFacts]:
    return [item for item in facts.indicators if _selects(formula, item)]


def score_indicator(indicator, weight, entry, settings=DEFAULT_SCORING_SETTINGS):
    """``(status, points, explanation, band)`` of one indicator worth
    ``weight`` points (exact; points rounded)."""
    shown_weight = show(round_decimal(weight))
    if _is_qualitative(indicator):
        percent = to_decimal(entry.get("percent"))
        if percent is None:
            return (
                MISSING,
                None,
                Explanation(
                    code="score_band_missing",
                    default=(
                        "Waiting for the scorer's judgement: the percentage of "
                        "the weight (fully met 80–100 %, largely met 50–80 %, "
                        "not met 0–50 %)."
                    ),
                ),
                None,
            )
        return _band_points(percent, weight)
    target = parse_value(indicator.target)
    actual = parse_value(indicator.actual)
    if indicator.actual is None or is_blank(str(indicator.actual)):
        return (
            MISSING,
            None,
            Explanation(
                code="score_actual_missing",
                default="No actual value yet: the unit enters it on the project.",
            ),
            None,
        )
    for which, raw, number in (
        ("target", indicator.target, target),
        ("actual", indicator.actual, actual),
    ):
        if number is None:
            return (
                CANNOT_SCORE,
                None,
                Explanation(
                    code="score_value_not_a_number",
                    default=(
                        "The ${which} value “${value}” is not a number: it cannot be "
                        "scored by formula."
                    ),
                    params={"which": which, "value": raw},
                ),
                None,
            )
        if number < 0:
            return (
                CANNOT_SCORE,
                None,
                Explanation(
                    code="score_value_negative",
                    default=(
                        "The ${which} value ${value} is negative: a ratio of it means "
                        "nothing."
                    ),
                    params={"which": which, "value": show(number)},
                ),
                None,
            )
    params = {"actual": show(actual), "target": show(target), "weight": shown_weight}
    comparator = indicator.comparator
    if comparator == "ge":
        if target == 0:
            return (
                CANNOT_SCORE,
                None,
                Explanation(
                    code="score_target_zero",
                    default=(
                        "The target is 0: actual / target cannot be computed. "
                        "Mark the indicator not applicable, with the reason."
                    ),
                ),
                None,
            )
        if actual >= target:
            return _full(
                weight,
                Explanation(
                    code="score_ge_met",
                    default="Actual ${actual} ≥ target ${target}: the full ${weight}.",
                    params=params,
                ),
            )
        ratio = _divide(actual, target)
        exact = _multiply(ratio, weight)
        points = round_points(exact)
        return (
            SCORED,
            exact,
            Explanation(
                code="score_ge",
                default="${actual} / ${target} × ${weight} = ${points}",
                params={**params, "points": points},
            ),
            None,
        )
    if comparator == "le":
        if actual == 0:
            return _full(
                weight,
                Explanation(
                    code="score_le_actual_zero",
                    default="Actual 0 ≤ target ${target}: the full ${weight}.",
                    params=params,
                ),
            )
        if actual <= target:
            return _full(
                weight,
                Explanation(
                    code="score_le_met",
                    default="Actual ${actual} ≤ target ${target}: the full ${weight}.",
                    params=params,
                ),
            )
        ratio = _divide(target, actual)
        exact = _multiply(ratio, weight)
        points = round_points(exact)
        return (
            SCORED,
            exact,
            Explanation(
                code="score_le",
                default="${target} / ${actual} × ${weight} = ${points}",
                params={**params, "points": points},
            ),
            None,
        )
    if comparator == "eq":
        if actual == target:
            return _full(
                weight,
                Explanation(
                    code="score_eq_met",
                    default="Actual ${actual} = target ${target}: the full ${weight}.",
                    params=params,
                ),
            )
        return (
            SCORED,
            ZERO,
            Explanation(
                code="score_eq_not_met",
                default="Actual ${actual} ≠ target ${target}: 0 points.",
                params=params,
            ),
            None,
        )
    # approx
    tolerance = _divide(
        _multiply(abs(target), to_decimal(settings.approx_tolerance)), HUNDRED
    )
    params["tolerance"] = show(settings.approx_tolerance)
    if abs(actual - target) <= tolerance:
        return _full(
            weight,
            Explanation(
                code="score_approx_met",
                default=(
                    "Actual ${actual} ≈ target ${target} (within ${tolerance} %): the "
                    "full ${weight}."
                ),
                params=params,
            ),
        )
    return (
        SCORED,
        ZERO,
        Explanation(
            code="score_approx_not_met",
            default=(
                "Actual ${actual} is more than ${tolerance} % from target ${target}: 0 "
                "points."
            ),
            params=params,
        ),
        None,
    )


def _full(weight, explanation):
    exact = weight
    points = round_points(exact)
    return (
        SCORED,
        exact,
        Explanation(
            code=explanation.code,
            default=explanation.default,
            params={**explanation.params, "points": points},
        ),
        None,
    )


def _band_points(percent, weight):
    if not ZERO <= percent <= HUNDRED:
        return (
            CANNOT_SCORE,
            None,
            Explanation(
                code="score_percent_out_of_range",
                default="The percentage ${percent} is not between 0 and 100.",
                params={"percent": percent},
            ),
            None,
        )
    band = band_of(percent)
    exact = _divide(_multiply(percent, weight), HUNDRED)
    points = round_points(exact)
    return (
        SCORED,
        exact,
        Explanation(
            code="score_band",
            default="${band}: ${percent} % × ${weight} = ${points}",
            params={
                "band": band,
                "percent": show(percent),
                "weight": show(round_decimal(weight)),
                "points": points,
            },
        ),
        band,
    )


def score_execution(facts: ExecutionFacts | None, weight, formula, settings):
    """``(status, points, explanation, facts, needs_explanation)``."""
    if facts is None:
        if formula == "unit_execution_rate":
            explanation = Explanation(
                code="score_unit_execution_missing",
                default=(
                    "No final-round record of the unit's projects: the "
                    "execution rate is not known."
                ),
            )
        else:
            explanation = Explanation(
                code="score_execution_no_record",
                default=(
                    "No record of the final monitoring round: the execution "
                    "rate is not known."
                ),
            )
        return MISSING, None, explanation, (), False
    budget = to_decimal(facts.budget)
    executed = to_decimal(facts.executed)
    shown = [Fact("round", facts.label, facts.source)]
    if budget is None or executed is None:
        return (
            MISSING,
            None,
            Explanation(
                code="score_execution_amount_missing",
                default=(
                    "The final round's record has no adjusted budget or executed "
                    "amount."
                ),
            ),
            tuple(shown),
            False,
        )
    shown += [
        Fact("budget", show(budget), facts.source),
        Fact("executed", show(executed), facts.source),
    ]
    if budget <= 0:
        return (
            CANNOT_SCORE,
            None,
            Explanation(
                code="score_execution_budget_zero",
                default=(
                    "The adjusted budget is ${budget}: the execution rate cannot be "
                    "computed."
                ),
                params={"budget": show(budget)},
            ),
            tuple(shown),
            False,
        )
    rate = _divide(_multiply(executed, HUNDRED), budget)
    shown_rate = round_decimal(rate)
    shown.append(Fact("rate", f"{shown_rate}%", facts.source))
    needs = rate < to_decimal(settings.explanation_below_rate)
    params = {
        "rate": shown_rate,
        "executed": show(executed),
        "budget": show(budget),
        "weight": show(round_decimal(weight)),
    }
    if rate >= HUNDRED:
        exact = weight
        points = round_points(exact)
        return (
            SCORED,
            exact,
            Explanation(
                code="score_execution_capped",
                default=(
                    "Execution rate ${rate} % (${executed} / ${budget}) reaches 100 %: "
                    "the full ${weight}."
                ),
                params={**params, "points": points},
            ),
            tuple(shown),
            needs,
        )
    exact = _divide(_multiply(rate, weight), HUNDRED)
    points = round_points(exact)
    return (
        SCORED,
        exact,
        Explanation(
            code="score_execution",
            default=(
                "Execution rate ${rate} % (${executed} / ${budget}) × ${weight} = "
                "${points}"
            ),
            params={**params, "points": points},
        ),
        tuple(shown),
        needs,
    )


def _indicator_facts(indicator):
    facts = [
        Fact(
            "comparator",
            COMPARATOR_SIGNS.get(indicator.comparator, indicator.comparator),
        ),
        Fact(
            "target",
            f"{indicator.target or '—'}{indicator.unit or ''}",
            indicator.source,
        ),
        Fact(
            "actual",
            "—"
            if indicator.actual in (None, "")
            else f"{indicator.actual}{indicator.unit or ''}",
            indicator.source,
        ),
    ]
    return tuple(facts)


def _shares(indicators):
    """Each applicable indicator's share of its leaf (fractions adding up to
    1): by declared weight when every one has a positive weight, else equal."""
    weights = [to_decimal(item.weight) for item in indicators]
    if weights and all(weight is not None and weight > 0 for weight in weights):
        total = sum(weights, ZERO)
        return [_divide(weight, total) for weight in weights]
    count = Decimal(len(indicators))
    return [_divide(Decimal(1), count) for _ in indicators]


def _applicable(criterion, facts, entries):
    """Whether a criterion counts (not dropped), before weights are known."""
    if criterion.children:
        return any(_applicable(child, facts, entries) for child in criterion.children)
    if is_not_applicable(entry_of(entries, criterion.code)):
        return False
    if criterion.scores_indicators:
        return any(
            not is_not_applicable(entry_of(entries, f"{criterion.code}/{item.key}"))
            for item in indicators_of(criterion.formula, facts)
        )
    return True


def score_card(
    rows, facts: CardFacts, entries=None, settings=DEFAULT_SCORING_SETTINGS
) -> CardResult:
    """Score the template ``rows`` from ``facts`` and ``entries``.

    Raises ValueError for rows :func:`~.scorecards.validate_criteria`
    refuses. Invalid entries (see :func:`validate_entries`) are read as
    missing, never as points.
    """
    tree = build_tree(rows)
    entries = entries if isinstance(entries, Mapping) else {}
    lines = []
    problems = []

    def visit(criterion, effective):
        """Append the lines of ``criterion`` worth ``effective`` points
        (None: dropped); answer (status, points)."""
        index = len(lines)
        lines.append(None)  # the criterion's own line, filled in below
        if criterion.children:
            return _group(criterion, effective, index)
        return _leaf(criterion, effective, index)

    def _group(criterion, effective, index):
        applicable = [
            c
            for c in criterion.children
            if effective is not None and _applicable(c, facts, entries)
        ]
        base = sum((c.weight for c in applicable), ZERO)
        statuses, total = [], ZERO
        for child in criterion.children:
            if child in applicable:
                share = _divide(_multiply(child.weight, effective), base)
                status, points = visit(child, share)
            else:
                status, points = visit(child, None)
            if status == NOT_APPLICABLE:
                continue
            statuses.append(status)
            if points is not None:
                total += points
        status = _worst(statuses) if effective is not None else NOT_APPLICABLE
        lines[index] = Line(
            key=criterion.code,
            code=criterion.code,
            title=criterion.title,
            depth=criterion.depth,
            kind="group",
            method=None,
            formula=None,
            weight=criterion.weight,
            effective_weight=effective,
            status=status,
            points=_rounded(total) if status == SCORED else None,
            exact=total if status == SCORED else None,
        )
        return status, (total if status == SCORED else None)

    def _dropped(criterion, index, explanation, note=""):
        lines[index] = Line(
            key=criterion.code,
            code=criterion.code,
            title=criterion.title,
            depth=criterion.depth,
            kind="leaf",
            method=criterion.method,
            formula=criterion.formula,
            weight=criterion.weight,
            effective_weight=None,
            status=NOT_APPLICABLE,
            points=None,
            explanation=explanation,
            note=note,
        )
        return NOT_APPLICABLE, None

    def _leaf(criterion, effective, index):
        entry = entry_of(entries, criterion.code)
        note = (
            (entry.get("note") or "").strip()
            if isinstance(entry.get("note"), str)
            else ""
        )
        if is_not_applicable(entry):
            return _dropped(
                criterion,
                index,
                Explanation(
                    code="score_not_applicable",
                    default=(
                        "Not applicable: ${reason}. The others' weights are rescaled."
                    ),
                    params={"reason": note or "—"},
                ),
                note,
            )
        if criterion.scores_indicators:
            return _indicators_leaf(criterion, effective, index, note)
        if effective is None:
            return _dropped(criterion, index, None, note)
        facts_shown, needs = (), False
        band = None
        if criterion.method == "formula":
            execution = (
                facts.unit_execution
                if criterion.formula == "unit_execution_rate"
                else facts.execution
            )
            status, points, explanation, facts_shown, needs = score_execution(
                execution, effective, criterion.formula, settings
            )
            if needs and not note:
                problems.append(
                    Violation(
                        code="execution_explanation_required",
                        default=(
                            "The execution rate is under ${threshold} %: explain "
                            "why in the note of ${code} ${title}."
                        ),
                        field="scorecard_entries",
                        params={
                            "threshold": settings.explanation_below_rate,
                            "code": criterion.code,
                            "title": criterion.title,
                        },
                    )
                )
        elif criterion.method == "band":
            percent = to_decimal(entry.get("percent"))
            if percent is None:
                status, points, band = MISSING, None, None
                explanation = Explanation(
                    code="score_band_missing",
                    default=(
                        "Waiting for the scorer's judgement: the percentage of "
                        "the weight (fully met 80–100 %, largely met 50–80 %, "
                        "not met 0–50 %)."
                    ),
                )
            else:
                status, points, explanation, band = _band_points(percent, effective)
        else:  # manual
            given = to_decimal(entry.get("points"))
            if given is None or not ZERO <= given <= criterion.weight:
                status, points = MISSING, None
                explanation = Explanation(
                    code="score_manual_missing",
                    default="Waiting for points entered by hand (0 to ${weight}).",
                    params={"weight": show(criterion.weight)},
                )
            else:
                # points are given out of the template's weight; a rescaled
                # leaf scales them with it
                points = _divide(_multiply(given, effective), criterion.weight)
                status = SCORED
                params = {
                    "given": show(given),
                    "weight": show(criterion.weight),
                    "effective": show(round_decimal(effective)),
                    "points": round_points(points),
                }
                if effective == criterion.weight:
                    explanation = Explanation(
                        code="score_manual",
                        default="${given} of ${weight} points, entered by hand",
                        params=params,
                    )
                else:
                    explanation = Explanation(
                        code="score_manual_rescaled",
                        default=(
                            "${given} of ${weight} points, entered by hand, "
                            "rescaled to ${effective}: ${points}"
                        ),
                        params=params,
                    )
        lines[index] = Line(
            key=criterion.code,
            code=criterion.code,
            title=criterion.title,
            depth=criterion.depth,
            kind="leaf",
            method=criterion.method,
            formula=criterion.formula,
            weight=criterion.weight,
            effective_weight=effective,
            status=status,
            points=_rounded(points),
            explanation=explanation,
            facts=facts_shown,
            note=note,
            band=band,
            needs_explanation=needs,
            exact=points,
        )
        return status, points

    def _indicators_leaf(criterion, effective, index, note):
        selected = indicators_of(criterion.formula, facts)
        applicable = [
            item
            for item in selected
            if not is_not_applicable(entry_of(entries, f"{criterion.code}/{item.key}"))
        ]
        if effective is None or not applicable:
            explanation = None
            if not selected:
                explanation = Explanation(
                    code="score_no_indicators",
                    default=(
                        "The project has no indicator of this kind: the criterion "
                        "is dropped and the others' weights rescaled."
                    ),
                )
            elif not applicable:
                explanation = Explanation(
                    code="score_indicators_not_applicable",
                    default=(
                        "Every indicator of this kind is marked not applicable: "
                        "the criterion is dropped and the others' weights rescaled."
                    ),
                )
            status, _ = _dropped(criterion, index, explanation, note)
            for item in selected:
                _indicator_line(criterion, item, None)
            return status, None
        shares = dict(
            zip((item.key for item in applicable), _shares(applicable), strict=True)
        )
        statuses, total = [], ZERO
        for item in selected:
            weight = (
                _multiply(shares[item.key], effective) if item.key in shares else None
            )
            status, points = _indicator_line(criterion, item, weight)
            if status == NOT_APPLICABLE:
                continue
            statuses.append(status)
            if points is not None:
                total += points
        status = _worst(statuses)
        lines[index] = Line(
            key=criterion.code,
            code=criterion.code,
            title=criterion.title,
            depth=criterion.depth,
            kind="leaf",
            method=criterion.method,
            formula=criterion.formula,
            weight=criterion.weight,
            effective_weight=effective,
            status=status,
            points=_rounded(total) if status == SCORED else None,
            exact=total if status == SCORED else None,
            explanation=Explanation(
                code="score_indicators",
                default=(
                    "Sum of ${count} indicators' points; their weights rescaled to "
                    "${weight}."
                ),
                params={"count": len(shares), "weight": show(round_decimal(effective))},
            ),
            note=note,
        )
        return status, (total if status == SCORED else None)

    def _indicator_line(criterion, item, weight):
        key = f"{criterion.code}/{item.key}"
        entry = entry_of(entries, key)
        note = (
            (entry.get("note") or "").strip()
            if isinstance(entry.get("note"), str)
            else ""
        )
        band = None
        if weight is None:
            status, points = NOT_APPLICABLE, None
            explanation = (
                Explanation(
                    code="score_not_applicable",
                    default=(
                        "Not applicable: ${reason}. The others' weights are rescaled."
                    ),
                    params={"reason": note or "—"},
                )
                if is_not_applicable(entry)
                else None
            )
        else:
            status, points, explanation, band = score_indicator(
                item, weight, entry, settings
            )
        lines.append(
            Line(
                key=key,
                code=criterion.code,
                title=item.title,
                depth=criterion.depth + 1,
                kind="indicator",
                method="band" if _is_qualitative(item) else "formula",
                formula=item.comparator,
                weight=to_decimal(item.weight),
                effective_weight=weight,
                status=status,
                points=_rounded(points),
                explanation=explanation,
                facts=_indicator_facts(item),
                note=note,
                band=band,
                exact=points,
            )
        )
        return status, points

    any_indicator_leaf = [leaf for leaf in leaves(tree) if leaf.scores_indicators]
    top = [c for c in tree if _applicable(c, facts, entries)]
    base = sum((c.weight for c in top), ZERO)
    statuses, total = [], ZERO
    for criterion in tree:
        if criterion in top:
            status, points = visit(
                criterion, _divide(_multiply(criterion.weight, HUNDRED), base)
            )
        else:
            status, points = visit(criterion, None)
        if status == NOT_APPLICABLE:
            continue
        statuses.append(status)
        if points is not None:
            total += points
    partial = round_points(
        sum(
            (
                line.exact
                for line in lines
                if line.kind != "group"
                and line.exact is not None
                and not _has_sublines(line, lines)
            ),
            ZERO,
        )
    )
    if not top:
        problems.insert(
            0,
            Violation(
                code="scorecard_nothing_applicable",
                default=(
                    "Every criterion is marked not applicable: the card cannot be "
                    "scored."
                ),
                field="scorecard_entries",
            ),
        )
        return CardResult(
            lines=tuple(lines), total=None, partial=partial, problems=tuple(problems)
        )
    if any_indicator_leaf and not any(
        _applicable(leaf, facts, entries) for leaf in any_indicator_leaf
    ):
        problems.insert(
            0,
            Violation(
                code="scorecard_no_applicable_indicator",
                default=(
                    "No indicator of the project applies (none, or every one "
                    "marked not applicable): the card cannot be scored from "
                    "its indicators. Score the report by hand, with a reason."
                ),
                field="scorecard_entries",
            ),
        )
        return CardResult(
            lines=tuple(lines), total=None, partial=partial, problems=tuple(problems)
        )
    status = _worst(statuses)
    waiting = [
        line
        for line in lines
        if line.kind != "group" and line.status in (MISSING, CANNOT_SCORE)
    ]
    for line in waiting:
        if _has_sublines(line, lines):
            continue
        params = {
            "code": line.code,
            "title": line.title,
            "key": line.key,
            "reason": line.explanation.text if line.explanation else "",
        }
        if line.status == CANNOT_SCORE:
            problems.append(
                Violation(
                    code="scorecard_line_cannot_be_scored",
                    default="${code} ${title} cannot be scored: ${reason}",
                    field="scorecard_entries",
                    params=params,
                )
            )
        else:
            problems.append(
                Violation(
                    code="scorecard_line_waiting",
                    default="${code} ${title} is not scored yet: ${reason}",
                    field="scorecard_entries",
                    params=params,
                )
            )
    return CardResult(
        lines=tuple(lines),
        total=round_points(total) if status == SCORED else None,
        partial=partial,
        problems=tuple(problems),
    )


def _has_sublines(line, lines):
    """Whether an indicator leaf's points are its indicators' (counted there)."""
    return line.kind == "leaf" and any(
        other.kind == "indicator" and other.code == line.code for other in lines
    )


def _worst(statuses):
    for status in (CANNOT_SCORE, MISSING, SCORED):
        if status in statuses:
            return status
    return NOT_APPLICABLE


def submission_problems(result: CardResult, score=None, reason=None) -> list[Violation]:
    """What keeps a report with this card from going to review: the card
    must be complete (or the score entered by hand, with a reason), and a
    low execution rate explained."""
    problems = [
        p for p in result.problems if p.code == "execution_explanation_required"
    ]
    if result.complete:
        return problems
    if score is not None and not is_blank(reason):
        return problems
    return [
        p for p in result.problems if p.code != "execution_explanation_required"
    ] + problems
