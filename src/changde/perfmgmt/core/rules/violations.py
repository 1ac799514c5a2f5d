"""How a rule answers: :class:`Violation` objects.

A rule answers with violations; the Plone side (workflow guards, z3c.form
validators, REST services) turns them into translated, field-level messages.
The ``code`` is the i18n message id (domain ``changde.perfmgmt``), ``default``
its English text with ``${name}`` placeholders filled from ``params``.
"""

from collections.abc import Iterable
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from string import Template


def stringify_params(params: Mapping) -> dict:
    """``params`` with every value turned into text (for JSON answers)."""
    return {key: str(value) for key, value in params.items()}


def format_message(default: str, params: Mapping) -> str:
    """``default`` with its ``${name}`` placeholders filled from ``params``.

    Values are inserted as ``str(value)``; a placeholder without a value is
    left as it is (``string.Template.safe_substitute``).
    """
    return Template(default).safe_substitute(stringify_params(params))


@dataclass(frozen=True)
class Violation:
    """One broken rule: which rule, which field, and the numbers involved."""

    code: str
    default: str
    field: str | None = None
    params: dict = dataclass_field(default_factory=dict)

    @property
    def text(self) -> str:
        """The English message with its numbers filled in (logs, tests)."""
        return format_message(self.default, self.params)

    def as_dict(self) -> dict:
        """Plain data for JSON answers."""
        return {
            "code": self.code,
            "field": self.field,
            "message": self.text,
            "params": stringify_params(self.params),
        }


def raise_if_violations(violations: Iterable[Violation]) -> None:
    """Raise ValueError carrying the violations' texts, if there are any.

    For functions handed invalid settings: the texts are joined with ``"; "``.
    Nothing happens for an empty list.
    """
    texts = [violation.text for violation in violations]
    if texts:
        raise ValueError("; ".join(texts))
