"""DocumentTemplate (文书模板): the Word template of one kind of document
(the annual report, the goal form, the feedback notice, the monitoring
report to the leadership group). Site content: the office downloads it,
changes it in Word and uploads it again, no code involved. Its Jinja tags
(docxtpl) are checked on upload, so a broken template is refused with the
place of the error."""

import base64

from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from changde.perfmgmt.core.rules.violations import Violation
from changde.perfmgmt.core.validation import RuleConstraint
from changde.perfmgmt.i18n import _


def template_violations(upload):
    """The upload is a Word document whose Jinja tags parse (field-level
    message naming the paragraph otherwise)."""
    from changde.perfmgmt.reporting.documents.render import template_problem

    if isinstance(upload, dict):  # the raw value of a REST request
        data = upload.get("data") or b""
        if upload.get("encoding") == "base64":
            try:
                data = base64.b64decode(data)
            except (ValueError, TypeError):
                data = b""
    else:
        data = getattr(upload, "data", b"")
    problem = template_problem(data)
    if not problem:
        return []
    return [
        Violation(
            code="document_template_broken",
            default="The template cannot be used: ${problem}",
            field="template_file",
            params={"problem": problem},
        )
    ]


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
        constraint=RuleConstraint(template_violations),
        required=True,
    )


@implementer(IDocumentTemplate)
class DocumentTemplate(Item):
    """A replaceable Word template."""
