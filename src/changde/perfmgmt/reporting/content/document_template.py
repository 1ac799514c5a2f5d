"""DocumentTemplate (文书模板): the Word template of one kind of document
(the annual report, the goal form, the feedback notice, the monitoring
report to the leadership group). Site content: the office downloads it,
changes it in Word and uploads it again, no code involved. Its Jinja tags
(docxtpl) are checked on upload, so a broken template is refused with the
place of the error."""

from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from zope import schema
from zope.interface import Invalid
from zope.interface import implementer
from zope.interface import invariant

from changde.perfmgmt.i18n import _


class IDocumentTemplate(model.Schema):
    document_kind = schema.Choice(
        title=_("label_document_kind", default="文书种类"),
        vocabulary="changde.perfmgmt.DocumentKinds",
        required=True,
    )
    template_file = NamedBlobFile(
        title=_("label_template_file", default="Word 模板(.docx)"),
        description=_(
            "help_template_file",
            default="用 Word 修改后上传;{{ }} 和 {% %} 中的内容是系统填入的数据,"
            "请保留。",
        ),
        required=True,
    )

    @invariant
    def template_is_valid(data):
        from changde.perfmgmt.reporting.documents.render import template_problem

        upload = getattr(data, "template_file", None)
        if upload is None:
            return
        problem = template_problem(upload.data, getattr(data, "title", "") or "")
        if problem:
            raise Invalid(problem)


@implementer(IDocumentTemplate)
class DocumentTemplate(Item):
    """A replaceable Word template."""
