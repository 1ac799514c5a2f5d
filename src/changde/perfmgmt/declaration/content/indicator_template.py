"""IndicatorTemplate (指标模板): one level-3 indicator as a reusable template.
The title is the indicator's name."""

from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from changde.perfmgmt.i18n import _


class IIndicatorTemplate(model.Schema):
    sector = schema.TextLine(
        title=_("label_sector", default="Sector"),
        required=True,
    )
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
