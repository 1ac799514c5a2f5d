"""A round's focus items and the answers a record gives to them."""

from collections.abc import Iterable

from changde.perfmgmt.core.rules.violations import Violation

#: Focus items of a round: id → Chinese label (the labels of the work plan).
FOCUS_ITEMS = {
    "soundness": "科学性",
    "fund_safety": "资金安全性",
    "compliance": "规范性",
    "timeliness": "及时性",
    "effectiveness": "有效性",
    "completeness": "完整性",
}


def validate_focus_answers(
    answers, focus: Iterable[str], prefix: str = "focus_answers"
) -> list[Violation]:
    """Violations of a record's answers to the focus items of its round.

    ``answers`` is a mapping ``{focus item: text}``; every key must be one of
    the round's ``focus`` items, every answer a text (or empty).
    """
    if answers is None:
        return []
    if not isinstance(answers, dict):
        return [
            Violation(
                code="monitoring_focus_answers_not_an_object",
                default="The answers must be an object: focus item → answer.",
                field=prefix,
            )
        ]
    focus = tuple(focus or ())
    violations = []
    for key, answer in answers.items():
        if key not in focus:
            violations.append(
                Violation(
                    code="monitoring_focus_not_in_round",
                    default="'${item}' is not a focus item of this round (${focus}).",
                    field=f"{prefix}.{key}",
                    params={"item": key, "focus": ", ".join(focus) or "-"},
                )
            )
        elif answer is not None and not isinstance(answer, str):
            violations.append(
                Violation(
                    code="monitoring_focus_answer_not_text",
                    default="The answer to '${item}' must be a text.",
                    field=f"{prefix}.{key}",
                    params={"item": key},
                )
            )
    return violations


def clean_focus_answers(answers) -> dict:
    """The answers with blank ones left out and texts stripped."""
    return {
        key: answer.strip()
        for key, answer in (answers or {}).items()
        if isinstance(answer, str) and answer.strip()
    }
