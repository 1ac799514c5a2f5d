"""ExpertLibrary (专家库): the folder of experts, provincial and municipal."""

from plone.supermodel import model
from zope.interface import implementer

from changde.perfmgmt.libraries.content.library_base import LibraryBase
from changde.perfmgmt.libraries.interfaces import IRatedLibrary


class IExpertLibrary(model.Schema):
    """A library folder."""


@implementer(IExpertLibrary, IRatedLibrary)
class ExpertLibrary(LibraryBase):
    kind = "expert"
    member_type = "Expert"
