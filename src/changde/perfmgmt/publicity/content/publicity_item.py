"""PublicityItem (工作动态): a news item of the column or a record of
publicity work — a work meeting (工作布置会) or an internal review meeting
(内部点评会) — with its date and audience, which the annual report counts
(catalog ``publicity_kind``, ``publicity_date`` and ``year``)."""

from plone.app.dexterity.textindexer import searchable
from plone.app.textfield import RichText
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobImage
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from changde.perfmgmt.i18n import _


class IPublicityItem(model.Schema):
    publicity_kind = schema.Choice(
        title=_("label_publicity_kind", default="Kind"),
        vocabulary="changde.perfmgmt.PublicityKinds",
        required=True,
        default="news",
    )
    publicity_date = schema.Date(
        title=_("label_publicity_date", default="Date"),
        description=_(
            "help_publicity_date",
            default="The day of the meeting or of the news; it decides the year.",
        ),
        required=True,
    )
    searchable("audience", "place", "text")
    audience = schema.TextLine(
        title=_("label_publicity_audience", default="Audience"),
        description=_(
            "help_publicity_audience",
            default="Who took part, e.g. 各区县市财政局、市直预算单位。",
        ),
        required=False,
        max_length=300,
    )
    participants = schema.Int(
        title=_("label_participants", default="Participants"),
        required=False,
        min=0,
        max=100000,
    )
    place = schema.TextLine(
        title=_("label_publicity_place", default="Place"),
        required=False,
        max_length=200,
    )
    text = RichText(
        title=_("label_publicity_text", default="Text"),
        required=False,
    )
    image = NamedBlobImage(
        title=_("label_publicity_image", default="Picture"),
        description=_(
            "help_publicity_image",
            default="Shown with the item and when the page is shared.",
        ),
        required=False,
    )


@implementer(IPublicityItem)
class PublicityItem(Item):
    publicity_kind = None
    publicity_date = None
    audience = None
    participants = None
    place = None
    text = None
    image = None
