"""PolicyDocument (政策文件): a policy's full text on the column, with its
document number (文号, e.g. 中发〔2018〕34号), issuer, date and level, and
the original as an attachment."""

from plone.app.dexterity.textindexer import searchable
from plone.app.textfield import RichText
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from changde.perfmgmt.i18n import _


class IPolicyDocument(model.Schema):
    searchable("document_number", "issuer", "text")
    document_number = schema.TextLine(
        title=_("label_document_number", default="Document number"),
        description=_("help_document_number", default="文号,如 中发〔2018〕34号。"),
        required=False,
        max_length=100,
    )
    issuer = schema.TextLine(
        title=_("label_issuer", default="Issued by"),
        required=False,
        max_length=200,
    )
    issue_date = schema.Date(
        title=_("label_issue_date", default="Date issued"),
        required=False,
    )
    policy_level = schema.Choice(
        title=_("label_policy_level", default="Level"),
        vocabulary="changde.perfmgmt.PolicyLevels",
        required=True,
        default="central",
    )
    text = RichText(
        title=_("label_policy_text", default="Full text"),
        required=False,
    )
    file = NamedBlobFile(
        title=_("label_policy_file", default="Original document"),
        required=False,
    )


@implementer(IPolicyDocument)
class PolicyDocument(Item):
    document_number = None
    issuer = None
    issue_date = None
    policy_level = None
    text = None
    file = None
