"""SupervisionMember (监督指导库成员): a member of the supervision-guidance
library, in one of the plan's five groups (财经专家, 人大代表, 政协委员,
纪委监委委员, 审计部门同志)."""

from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from changde.perfmgmt.i18n import _
from changde.perfmgmt.libraries.content import fields
from changde.perfmgmt.libraries.interfaces import ILibraryMember


class ISupervisionMember(model.Schema):
    title = fields.name_field()
    category = schema.Choice(
        title=_("label_supervision_category", default="类别"),
        vocabulary="changde.perfmgmt.SupervisionCategories",
        required=True,
    )
    organisation = schema.TextLine(
        title=_("label_organisation", default="工作单位"),
        required=False,
    )


@implementer(ISupervisionMember, ILibraryMember)
class SupervisionMember(Item):
    """A member of the supervision-guidance library."""

    kind = "supervision"


SupervisionMember.organisation = None
