"""TrainingMaterial (培训资料): a file (a document, slides, a video) or a
link, in the training section or inside a training."""

from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import invariant

from changde.perfmgmt.core.validation import RuleInvalid
from changde.perfmgmt.i18n import _
from changde.perfmgmt.publicity.rules import training


class ITrainingMaterial(model.Schema):
    material_kind = schema.Choice(
        title=_("label_material_kind", default="Kind"),
        vocabulary="changde.perfmgmt.MaterialKinds",
        required=True,
        default="document",
    )
    file = NamedBlobFile(
        title=_("label_material_file", default="File"),
        required=False,
    )
    link = schema.URI(
        title=_("label_material_link", default="Link"),
        description=_(
            "help_material_link", default="The address of an online material."
        ),
        required=False,
    )

    @invariant
    def file_or_link(data):
        violations = training.material_violations(
            getattr(data, "material_kind", None),
            bool(getattr(data, "file", None)),
            getattr(data, "link", None),
        )
        if violations:
            raise RuleInvalid(violations[0])


@implementer(ITrainingMaterial)
class TrainingMaterial(Item):
    material_kind = None
    file = None
    link = None
