"""The supervision-guidance library (监督指导库) and its five member groups."""

from collections.abc import Iterable
from dataclasses import dataclass

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
