"""EvidenceFile (整改佐证材料): one file of a rectification item's evidence,
kept inside the item. It has no workflow of its own: who may see or
download it is who may see its item; the unit adds files while the item is
open for it (the rectification workflow grants the add permission then)."""

from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from plone.supermodel.directives import primary
from zope import schema
from zope.interface import implementer

from changde.perfmgmt.i18n import _


class IEvidenceFile(model.Schema):
    title = schema.TextLine(
        title=_("label_evidence_title", default="说明"),
        description=_("help_evidence_title", default="不填则为文件名。"),
        required=False,
    )
    primary("file")
    file = NamedBlobFile(
        title=_("label_evidence_file", default="文件"),
        required=True,
    )


@implementer(IEvidenceFile)
class EvidenceFile(Item):
    """A file of evidence; its title is the file name unless one is given."""

    title = ""
    file = None

    def Title(self):
        if self.title:
            return self.title
        return getattr(self.file, "filename", None) or self.getId()
