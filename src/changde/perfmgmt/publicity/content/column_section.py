"""ColumnSection (栏目): one section of the performance column — policies
(政策文件), news (工作动态), reports (评价报告), training (培训) or feedback
(公众意见). Its kind decides what it holds and lists: the reports section
lists the evaluation module's published reports, the feedback section tells
how to give feedback and links to the evaluation module's form."""

from plone.app.dexterity.textindexer import searchable
from plone.app.textfield import RichText
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from changde.perfmgmt.i18n import _
from changde.perfmgmt.publicity.rules.listings import SECTION_TYPES


class IColumnSection(model.Schema):
    section_kind = schema.Choice(
        title=_("label_section_kind", default="Section"),
        vocabulary="changde.perfmgmt.SectionKinds",
        required=True,
    )
    searchable("text")
    text = RichText(
        title=_("label_section_text", default="Introduction"),
        required=False,
    )


@implementer(IColumnSection)
class ColumnSection(Container):
    """A section of the column; only its kind's types may be added in it."""

    section_kind = None
    text = None

    def allowedContentTypes(self, *args, **kwargs):
        allowed = SECTION_TYPES.get(self.section_kind, ())
        return [
            fti
            for fti in super().allowedContentTypes(*args, **kwargs)
            if fti.getId() in allowed
        ]

    def invokeFactory(self, type_name, id, *args, **kwargs):
        # the add menu, plone.api and plone.restapi all create through here
        if type_name not in SECTION_TYPES.get(self.section_kind, ()):
            raise ValueError(f"Disallowed subobject type: {type_name}")
        return super().invokeFactory(type_name, id, *args, **kwargs)
