"""Expert (专家): a member of the expert library (专家库), provincial or
municipal. Contact and ratings are read by the office only (field-level read
permissions: the forms, the page and plone.restapi all leave them out)."""

from plone.dexterity.content import Item
from zope import schema
from zope.interface import implementer

from changde.perfmgmt.i18n import _
from changde.perfmgmt.libraries.content import fields
from changde.perfmgmt.libraries.interfaces import IRatedMember


class IExpert(fields.IEngagedMember):
    title = fields.name_field()
    level = fields.level_field()
    expertise = schema.List(
        title=_("label_expertise", default="专业领域"),
        value_type=schema.TextLine(),
        required=False,
        default=[],
        missing_value=[],
    )
    organisation = schema.TextLine(
        title=_("label_organisation", default="工作单位"),
        required=False,
    )
    professional_title = schema.TextLine(
        title=_("label_professional_title", default="职称"),
        required=False,
    )


@implementer(IExpert, IRatedMember)
class Expert(Item, fields.EngagedMember):
    """An expert of the library."""

    kind = "expert"


Expert.organisation = None
Expert.professional_title = None
