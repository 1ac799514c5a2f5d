"""A batch of monitoring rows (REST or spreadsheet): reading each row and
refusing duplicates."""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from changde.perfmgmt.core.rules.numbers import to_decimal
from changde.perfmgmt.core.rules.violations import Violation
from changde.perfmgmt.monitoring.rules.execution import execution_rate
from changde.perfmgmt.monitoring.rules.execution import validate_amounts
from changde.perfmgmt.monitoring.rules.flags import validate_severity
from changde.perfmgmt.monitoring.rules.focus import clean_focus_answers
from changde.perfmgmt.monitoring.rules.focus import validate_focus_answers
from changde.perfmgmt.monitoring.rules.progress import validate_progress_row

#: The keys a row of a batch may have.
IMPORT_KEYS = (
    "project",
    "project_code",
    "budget_amount",
    "executed_amount",
    "indicators",
    "problems",
    "severity",
    "focus_answers",
)


class RowViolation(NamedTuple):
    """A violation of one row of a batch; ``row`` is its number (1-based,
    or the sheet's row number)."""

    row: int
    violation: Violation

    def as_dict(self) -> dict:
        return {"row": self.row, **self.violation.as_dict()}


@dataclass(frozen=True)
class ImportRow:
    """A valid row of a batch, its values read."""

    row: int
    project: str | None
    project_code: str | None
    budget_amount: Decimal
    executed_amount: Decimal
    indicators: tuple = ()
    problems: str | None = None
    severity: str | None = None
    focus_answers: dict | None = None

    @property
    def key(self) -> str:
        """What names the project: its UID, else its code."""
        return self.project or self.project_code

    @property
    def execution_rate(self) -> Decimal | None:
        return execution_rate(self.budget_amount, self.executed_amount)


def _text(value):
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def check_import_row(row, number: int) -> tuple[ImportRow | None, list[Violation]]:
    """Read one row of a batch: the :class:`ImportRow`, or the violations.

    A row names its project by ``project`` (UID) or ``project_code``, gives
    ``budget_amount`` and ``executed_amount`` (numbers, not negative;
    thousands separators allowed in text), optionally ``indicators`` (a list
    of progress rows, see :func:`validate_progress_row`), ``problems`` and
    ``severity``, and ``focus_answers`` (``{focus item: text}``; the items
    are checked against the round by the caller). Unknown keys are refused,
    so that a misspelt column is not silently dropped.
    """
    if not isinstance(row, dict):
        return None, [
            Violation(
                code="monitoring_row_not_an_object",
                default="A row must be an object.",
                field=None,
            )
        ]
    violations = []
    for key in sorted(set(row) - set(IMPORT_KEYS)):
        violations.append(
            Violation(
                code="monitoring_field_unknown",
                default="Unknown field '${name}'.",
                field=key,
                params={"name": key},
            )
        )
    project, code = _text(row.get("project")), _text(row.get("project_code"))
    if project is None and code is None:
        violations.append(
            Violation(
                code="monitoring_row_project_required",
                default="Name the project by its UID or its project code.",
                field="project",
            )
        )
    amounts = {}
    for field in ("budget_amount", "executed_amount"):
        value = row.get(field)
        if isinstance(value, str):
            value = value.replace(",", "").strip()
        amounts[field] = value
    violations.extend(
        validate_amounts(amounts["budget_amount"], amounts["executed_amount"])
    )
    severity = _text(row.get("severity"))
    if severity is not None:
        violations.extend(validate_severity(severity))
    problems = row.get("problems")
    if problems is not None and not isinstance(problems, str):
        violations.append(
            Violation(
                code="monitoring_progress_text_invalid",
                default="'${name}' must be a text or a number.",
                field="problems",
                params={"name": "problems"},
            )
        )
    focus_answers = row.get("focus_answers")
    if focus_answers is not None:
        # only the shape here: the caller checks the keys against the round
        keys = tuple(focus_answers) if isinstance(focus_answers, dict) else ()
        violations.extend(validate_focus_answers(focus_answers, keys))
    indicators = row.get("indicators")
    if indicators is None:
        indicators = []
    if not isinstance(indicators, list):
        violations.append(
            Violation(
                code="monitoring_row_indicators_not_a_list",
                default="'indicators' must be a list.",
                field="indicators",
            )
        )
        indicators = []
    for index, item in enumerate(indicators):
        violations.extend(validate_progress_row(item, prefix=f"indicators[{index}]"))
    if violations:
        return None, violations
    return (
        ImportRow(
            row=number,
            project=project,
            project_code=code,
            budget_amount=to_decimal(amounts["budget_amount"], strict=True),
            executed_amount=to_decimal(amounts["executed_amount"], strict=True),
            indicators=tuple(dict(item) for item in indicators),
            problems=(problems or "").strip() or None,
            severity=severity,
            focus_answers=None
            if focus_answers is None
            else clean_focus_answers(focus_answers),
        ),
        [],
    )


def check_import_rows(
    rows: Iterable, first_row: int = 1, numbers: Iterable[int] | None = None
) -> tuple[list[ImportRow], list[RowViolation]]:
    """Read every row of a batch; rows are numbered from ``first_row``, or
    by ``numbers`` (e.g. the rows of a sheet, blank rows left out).

    Answers the valid rows and a :class:`RowViolation` for every problem,
    including a project named twice in the batch (by the same UID or code).
    A batch with any violation must be refused whole.
    """
    valid = []
    problems = []
    seen = {}
    rows = list(rows)
    numbers = list(numbers) if numbers is not None else []
    numbers += range(
        (numbers[-1] + 1) if numbers else first_row,
        (numbers[-1] + 1 if numbers else first_row) + len(rows) - len(numbers),
    )
    for number, row in zip(numbers, rows, strict=False):
        checked, violations = check_import_row(row, number)
        problems.extend(RowViolation(number, violation) for violation in violations)
        if checked is None:
            continue
        if checked.key in seen:
            problems.append(
                RowViolation(
                    number, duplicate_violation(checked.key, seen[checked.key])
                )
            )
            continue
        seen[checked.key] = number
        valid.append(checked)
    if not valid and not problems:
        problems.append(
            RowViolation(
                first_row,
                Violation(
                    code="monitoring_batch_empty",
                    default="The batch has no rows.",
                    field="rows",
                ),
            )
        )
    return valid, problems


def duplicate_violation(key, first_row) -> Violation:
    """The project ``key`` is already in row ``first_row`` of the batch."""
    return Violation(
        code="monitoring_row_duplicate",
        default="The project '${project}' is already in row ${first}.",
        field="project",
        params={"project": key, "first": first_row},
    )
