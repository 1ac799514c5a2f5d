"""Agency (中介机构): a member of the agency library (中介机构库), provincial
or municipal. Contact and ratings are read by the office only."""

from plone.dexterity.content import Item
from zope import schema
from zope.interface import implementer

from changde.perfmgmt.i18n import _
from changde.perfmgmt.libraries.content import fields
from changde.perfmgmt.libraries.interfaces import IRatedMember


class IAgency(fields.IEngagedMember):
    title = fields.name_field(_("label_agency_name", default="机构名称"))
    level = fields.level_field()
    qualifications = schema.List(
        title=_("label_qualifications", default="资质"),
        value_type=schema.TextLine(),
        required=False,
        default=[],
        missing_value=[],
    )


@implementer(IAgency, IRatedMember)
class Agency(Item, fields.EngagedMember):
    """An intermediary agency of the library."""

    kind = "agency"
