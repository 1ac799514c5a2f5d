"""Agency (中介机构): a member of the agency library (中介机构库), provincial
or municipal. Contact and ratings are read by the office only."""

from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from changde.perfmgmt.i18n import _
from changde.perfmgmt.libraries.content import fields
from changde.perfmgmt.libraries.interfaces import IRatedMember


class IAgency(model.Schema):
    title = fields.name_field(_("label_agency_name", default="机构名称"))
    level = fields.level_field()
    qualifications = schema.List(
        title=_("label_qualifications", default="资质"),
        value_type=schema.TextLine(),
        required=False,
        default=[],
        missing_value=[],
    )
    directives.read_permission(contact=fields.VIEW_CONTACT)
    directives.write_permission(contact=fields.VIEW_CONTACT)
    contact = fields.contact_field()
    directives.read_permission(user_id=fields.VIEW_CONTACT)
    directives.write_permission(user_id=fields.VIEW_CONTACT)
    user_id = fields.user_id_field()
    directives.write_permission(status=fields.MANAGE)
    status = fields.status_field()
    directives.omitted("ratings")
    directives.read_permission(ratings=fields.VIEW_RATINGS)
    directives.write_permission(ratings=fields.MANAGE_PORTAL)
    ratings = fields.ratings_field()


@implementer(IAgency, IRatedMember)
class Agency(Item):
    """An intermediary agency of the library."""

    kind = "agency"


Agency.contact = None
Agency.user_id = None
Agency.status = "active"
Agency.qualifications = ()
Agency.ratings = ()
