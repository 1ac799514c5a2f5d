"""Scorecard templates (评分表模板): a tree of criteria with weights.

A template is kept as flat rows, in any order; the dotted ``code`` makes the
tree (``"1.2"`` is a sub-criterion of ``"1"``)::

    {"code": "1.2", "title": "绩效目标", "weight": "10",
     "method": null, "formula": null, "description": ""}

A criterion with sub-criteria is a group: its points are the sum of theirs.
A criterion without is a leaf, scored by its ``method``:

- ``formula``: computed from the facts the system holds (``formula`` names
  which, :data:`FORMULAS`): the final monitoring round's execution, or the
  project's indicators of some level-1/level-2 categories;
- ``band``: a qualitative judgement by band (fully met 100–80 %, largely met
  80–50 %, not met 50–0 % of the weight): the scorer gives the percentage;
- ``manual``: points from 0 to the weight, entered by hand.

Weights: the top level adds up to 100, and the sub-criteria of a group add up
to the group's weight, so that each level of the tree adds up to 100.
:func:`validate_criteria` refuses anything else, row by row.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from changde.perfmgmt.core.rules.numbers import to_decimal
from changde.perfmgmt.core.rules.values import is_blank
from changde.perfmgmt.core.rules.violations import Violation

#: Every template's criteria add up to this many points.
TOTAL = Decimal(100)

METHODS = ("formula", "band", "manual")

#: The facts a formula leaf is computed from.
EXECUTION_FORMULAS = ("execution_rate", "unit_execution_rate")

#: formula id -> (level-1 categories, level-2 categories or None for all):
#: the project's indicators that a formula leaf scores.
INDICATOR_FORMULAS = {
    # 产出 (and 成本, its own level 1 in the newer framework)
    "output_indicators": (("产出指标", "成本指标"), None),
    "outcome_indicators": (("效益指标",), None),
    "satisfaction_indicators": (("满意度指标",), None),
    "quantity_indicators": (("产出指标",), ("数量指标",)),
    "quality_indicators": (("产出指标",), ("质量指标",)),
    "timeliness_indicators": (("产出指标",), ("时效指标",)),
    "cost_indicators": (
        ("产出指标", "成本指标"),
        ("成本指标", "经济成本指标", "社会成本指标", "生态环境成本指标"),
    ),
}

FORMULAS = EXECUTION_FORMULAS + tuple(INDICATOR_FORMULAS)

#: What a template is for: the evaluation kinds of the evaluation module.
TEMPLATE_KINDS = ("self", "key", "unit_overall", "pre")

ROW_KEYS = ("code", "title", "weight", "method", "formula", "description")

CODE_PATTERN = re.compile(r"^[1-9][0-9]*(\.[1-9][0-9]*)*$")


@dataclass(frozen=True)
class Criterion:
    """One criterion of a template; ``children`` are its sub-criteria."""

    code: str
    title: str
    weight: Decimal
    method: str | None = None
    formula: str | None = None
    description: str = ""
    children: tuple = ()

    @property
    def is_leaf(self) -> bool:
        return not self.children

    @property
    def depth(self) -> int:
        """0 for a top-level criterion, 1 for its sub-criteria, …"""
        return self.code.count(".")

    @property
    def parent_code(self) -> str | None:
        return self.code.rsplit(".", 1)[0] if "." in self.code else None

    @property
    def scores_indicators(self) -> bool:
        return self.method == "formula" and self.formula in INDICATOR_FORMULAS


def code_key(code: str) -> tuple[int, ...]:
    """Sort key of a code: ``"1.10"`` after ``"1.9"``."""
    return tuple(int(part) for part in code.split("."))


def is_code(value) -> bool:
    return isinstance(value, str) and bool(CODE_PATTERN.match(value.strip()))


def _violation_params(index, row, **extra):
    code = row.get("code") if isinstance(row, dict) else None
    title = row.get("title") if isinstance(row, dict) else None
    return {"row": index + 1, "code": code or "", "title": title or "", **extra}


def validate_criteria(rows, allow_empty: bool = True) -> list[Violation]:
    """Violations of a template's rows (field ``criteria``), row by row
    (``params["row"]`` counts from 1), then the weights of each level.

    An empty list is allowed while a template is being written
    (``allow_empty``); a template in use needs criteria.
    """
    if not isinstance(rows, list | tuple):
        return [
            Violation(
                code="criteria_not_a_list",
                default="The criteria must be a list of rows.",
                field="criteria",
            )
        ]
    if not rows:
        if allow_empty:
            return []
        return [
            Violation(
                code="criteria_empty",
                default="The template has no criteria yet.",
                field="criteria",
            )
        ]
    violations = []
    codes = {}
    for index, row in enumerate(rows):
        violations.extend(_row_violations(index, row, codes))
    if violations:
        return violations
    parents = {code.rsplit(".", 1)[0] for code in codes if "." in code}
    for code, (index, row) in codes.items():
        parent = code.rsplit(".", 1)[0] if "." in code else None
        if parent is not None and parent not in codes:
            violations.append(
                Violation(
                    code="criterion_parent_missing",
                    default=(
                        "Row ${row} (${code}): there is no criterion ${parent} "
                        "for it to belong to."
                    ),
                    field="criteria",
                    params=_violation_params(index, row, parent=parent),
                )
            )
        if code in parents:
            continue
        violations.extend(_leaf_violations(index, row))
    if violations:
        return violations
    return _weight_violations(codes, parents)


def _row_violations(index, row, codes):
    if not isinstance(row, dict):
        return [
            Violation(
                code="criterion_not_an_object",
                default="Row ${row} is not a criterion (code, title, weight, method).",
                field="criteria",
                params={"row": index + 1, "code": "", "title": ""},
            )
        ]
    violations = []
    unknown = sorted(set(row) - set(ROW_KEYS), key=str)
    if unknown:
        violations.append(
            Violation(
                code="criterion_unknown_keys",
                default="Row ${row} (${code}): unknown keys ${keys}.",
                field="criteria",
                params=_violation_params(index, row, keys=", ".join(map(str, unknown))),
            )
        )
    code = row.get("code")
    if not is_code(code):
        violations.append(
            Violation(
                code="criterion_code_invalid",
                default=(
                    "Row ${row}: the code “${code}” is not a code such as 1, "
                    "1.2 or 1.2.3."
                ),
                field="criteria",
                params=_violation_params(index, row),
            )
        )
    elif code.strip() in codes:
        violations.append(
            Violation(
                code="criterion_code_duplicate",
                default="Row ${row}: the code ${code} is used twice.",
                field="criteria",
                params=_violation_params(index, row),
            )
        )
    else:
        codes[code.strip()] = (index, row)
    if is_blank(row.get("title")) or not isinstance(row.get("title"), str):
        violations.append(
            Violation(
                code="criterion_title_required",
                default="Row ${row} (${code}): the criterion needs a title.",
                field="criteria",
                params=_violation_params(index, row),
            )
        )
    weight = to_decimal(row.get("weight"))
    if weight is None or not Decimal(0) < weight <= TOTAL:
        violations.append(
            Violation(
                code="criterion_weight_invalid",
                default=(
                    "Row ${row} (${code}): the weight “${weight}” must be a "
                    "number above 0 and at most 100."
                ),
                field="criteria",
                params=_violation_params(index, row, weight=row.get("weight")),
            )
        )
    return violations


def _leaf_violations(index, row):
    method = row.get("method")
    if method not in METHODS:
        return [
            Violation(
                code="criterion_method_invalid",
                default=(
                    "Row ${row} (${code}): a criterion without sub-criteria is "
                    "scored by formula, band or hand; “${method}” is none of them."
                ),
                field="criteria",
                params=_violation_params(index, row, method=method or ""),
            )
        ]
    if method == "formula" and row.get("formula") not in FORMULAS:
        return [
            Violation(
                code="criterion_formula_invalid",
                default=(
                    "Row ${row} (${code}): “${formula}” is not a formula; it "
                    "must be one of ${allowed}."
                ),
                field="criteria",
                params=_violation_params(
                    index,
                    row,
                    formula=row.get("formula") or "",
                    allowed=", ".join(FORMULAS),
                ),
            )
        ]
    return []


def _weight_violations(codes, parents):
    violations = []
    children = {}
    for code in codes:
        parent = code.rsplit(".", 1)[0] if "." in code else None
        children.setdefault(parent, []).append(code)
    top = sum(
        (to_decimal(codes[code][1]["weight"]) for code in children[None]), Decimal(0)
    )
    if top != TOTAL:
        violations.append(
            Violation(
                code="criteria_top_weights_not_100",
                default=(
                    "The top-level criteria's weights add up to ${sum}, not ${total}."
                ),
                field="criteria",
                params={"sum": top, "total": TOTAL, "row": "", "code": "", "title": ""},
            )
        )
    for parent in sorted(parents, key=code_key):
        index, row = codes[parent]
        weight = to_decimal(row["weight"])
        total = sum(
            (to_decimal(codes[code][1]["weight"]) for code in children[parent]),
            Decimal(0),
        )
        if total != weight:
            violations.append(
                Violation(
                    code="criteria_group_weights_mismatch",
                    default=(
                        "The sub-criteria of ${code} ${title} add up to ${sum}, "
                        "not to its weight ${weight}."
                    ),
                    field="criteria",
                    params=_violation_params(index, row, sum=total, weight=weight),
                )
            )
    return violations


def build_tree(rows) -> tuple[Criterion, ...]:
    """The top-level criteria of valid ``rows``, each with its sub-criteria,
    in code order. Raises ValueError for rows :func:`validate_criteria`
    refuses (an empty list included)."""
    violations = validate_criteria(rows, allow_empty=False)
    if violations:
        raise ValueError("; ".join(violation.text for violation in violations))
    by_code = {row["code"].strip(): row for row in rows}
    children = {}
    for code in by_code:
        parent = code.rsplit(".", 1)[0] if "." in code else None
        children.setdefault(parent, []).append(code)

    def node(code):
        row = by_code[code]
        subs = tuple(
            node(child) for child in sorted(children.get(code, ()), key=code_key)
        )
        return Criterion(
            code=code,
            title=row["title"].strip(),
            weight=to_decimal(row["weight"], strict=True),
            method=None if subs else row.get("method"),
            formula=row.get("formula")
            if not subs and row.get("method") == "formula"
            else None,
            description=(row.get("description") or "").strip(),
            children=subs,
        )

    return tuple(node(code) for code in sorted(children[None], key=code_key))


def walk(tree):
    """Every criterion of ``tree``, depth first, parents before children."""
    for criterion in tree:
        yield criterion
        yield from walk(criterion.children)


def leaves(tree):
    return [criterion for criterion in walk(tree) if criterion.is_leaf]


def normalized_rows(rows) -> list[dict]:
    """Valid ``rows`` as stored: code order, every key present, weights as
    text (JSON keeps ``"10"`` exactly, a float might not)."""
    answer = []
    for criterion in walk(build_tree(rows)):
        answer.append(
            {
                "code": criterion.code,
                "title": criterion.title,
                "weight": str(criterion.weight),
                "method": criterion.method,
                "formula": criterion.formula,
                "description": criterion.description,
            }
        )
    return answer


def pick_template(templates, kind: str, year: int):
    """The template for a report of ``kind`` and ``year`` from
    ``templates``, a list of ``(key, kind, year)``: the one of that year,
    else the latest earlier one, else the earliest later one; None when
    there is none of that kind. Among several of one year, the first wins."""
    candidates = [t for t in templates if t[1] == kind and t[2] is not None]
    same = [t for t in candidates if t[2] == year]
    if same:
        return same[0][0]
    earlier = sorted((t for t in candidates if t[2] < year), key=lambda t: -t[2])
    if earlier:
        return earlier[0][0]
    later = sorted((t for t in candidates if t[2] > year), key=lambda t: t[2])
    return later[0][0] if later else None
