"""Plain-Python building blocks shared by the rules of every module.

Nothing here imports Zope or Plone. A rule answers with :class:`Violation`
objects; the Plone side (workflow guards, z3c.form validators, REST services)
turns them into translated, field-level messages. The ``code`` is the i18n
message id (domain ``changde.perfmgmt``), ``default`` its English text with
``${name}`` placeholders filled from ``params``.
"""

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from string import Template

#: Jurisdiction kinds (R-M7): 市本级, 区, 县级市, 县, 管理区.
JURISDICTION_KINDS = (
    "municipal",
    "district",
    "county_city",
    "county",
    "management_zone",
)
#: The jurisdiction kind of the municipal level (市本级).
MUNICIPAL = "municipal"


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
        return Template(self.default).safe_substitute(
            {key: str(value) for key, value in self.params.items()}
        )

    def as_dict(self) -> dict:
        """Plain data for JSON answers."""
        return {
            "code": self.code,
            "field": self.field,
            "message": self.text,
            "params": {key: str(value) for key, value in self.params.items()},
        }
