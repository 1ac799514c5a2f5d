"""Indicator (绩效指标): a level-3 indicator of a project under the national
framework's level 1 and level 2 (plan measure 6, R-M6). The title is the
level-3 indicator."""

from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import invariant

from changde.perfmgmt.core.validation import RuleConstraint
from changde.perfmgmt.core.validation import RuleInvalid
from changde.perfmgmt.declaration.rules.indicators import MAX_WEIGHT
from changde.perfmgmt.declaration.rules.indicators import MIN_WEIGHT
from changde.perfmgmt.declaration.rules.indicators import validate_indicator_fields
from changde.perfmgmt.declaration.rules.indicators import validate_indicator_levels
from changde.perfmgmt.declaration.rules.indicators import validate_indicator_weight
from changde.perfmgmt.declaration.settings import indicator_levels
from changde.perfmgmt.i18n import _


class IIndicatorLevels(model.Schema):
    """Level 1 and level 2 of the national framework, shared by indicators
    and the library's templates."""

    level1 = schema.Choice(
        title=_("label_level1", default="Level 1 indicator"),
        vocabulary="changde.perfmgmt.IndicatorLevel1",
        required=True,
    )
    level2 = schema.Choice(
        title=_("label_level2", default="Level 2 indicator"),
        vocabulary="changde.perfmgmt.IndicatorLevel2",
        required=True,
    )


class IIndicator(IIndicatorLevels):
    quantifiable = schema.Bool(
        title=_("label_quantifiable", default="Quantifiable"),
        default=True,
        required=False,
    )
    comparator = schema.Choice(
        title=_("label_comparator", default="Comparator"),
        vocabulary="changde.perfmgmt.Comparators",
        required=True,
    )
    target_value = schema.TextLine(
        title=_("label_target_value", default="Target value"),
        required=False,
    )
    unit = schema.TextLine(
        title=_("label_indicator_unit", default="Unit of measure"),
        required=False,
    )
    weight = schema.Decimal(
        title=_("label_weight", default="Weight"),
        min=MIN_WEIGHT,
        max=MAX_WEIGHT,
        constraint=RuleConstraint(validate_indicator_weight),
        required=False,
    )
    actual_value = schema.TextLine(
        title=_("label_actual_value", default="Actual value"),
        required=False,
    )

    @invariant
    def level2_belongs_to_level1(data):
        """Level 2 is one of level 1's in the framework (UI and REST)."""
        level1 = getattr(data, "level1", None)
        level2 = getattr(data, "level2", None)
        if level1 and level2:
            violations = validate_indicator_levels(level1, level2, indicator_levels())
            if violations:
                raise RuleInvalid(violations[0])

    @invariant
    def quantifiable_needs_numeric_target(data):
        """The rule's field checks, as a form invariant (UI and REST)."""
        violations = validate_indicator_fields(
            getattr(data, "comparator", None),
            getattr(data, "weight", None),
            bool(getattr(data, "quantifiable", False)),
            getattr(data, "target_value", None),
        )
        if violations:
            # names its field (comparator or target_value) to REST clients
            raise RuleInvalid(violations[0])


@implementer(IIndicator)
class Indicator(Item):
    """A level-3 performance indicator."""


Indicator.weight = None
Indicator.target_value = None
Indicator.actual_value = None
Indicator.unit = None
