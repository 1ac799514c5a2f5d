"""IndicatorTemplate (指标模板): one level-3 indicator as a reusable template.
The title is the indicator's name."""

from plone.dexterity.content import Item
from zope import schema
from zope.interface import implementer

from changde.perfmgmt.declaration.content.indicator import IIndicatorLevels
from changde.perfmgmt.i18n import _


class IIndicatorTemplate(IIndicatorLevels):
    sector = schema.TextLine(
        title=_("label_sector", default="Sector"),
        required=True,
    )
    unit = schema.TextLine(
        title=_("label_indicator_unit", default="Unit of measure"),
        required=False,
    )
    comparator = schema.Choice(
        title=_("label_suggested_comparator", default="Suggested comparator"),
        vocabulary="changde.perfmgmt.Comparators",
        required=True,
    )


@implementer(IIndicatorTemplate)
class IndicatorTemplate(Item):
    """A reusable level-3 indicator."""


IndicatorTemplate.unit = None
