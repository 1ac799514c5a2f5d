"""SupervisionLibrary (监督指导库): members of the five groups; its page shows
whether all five are covered (the plan: complete by 2021)."""

from plone.supermodel import model
from zope.interface import implementer

from changde.perfmgmt.libraries.content.library_base import LibraryBase
from changde.perfmgmt.libraries.interfaces import IMemberLibrary


class ISupervisionLibrary(model.Schema):
    """A library folder."""


@implementer(ISupervisionLibrary, IMemberLibrary)
class SupervisionLibrary(LibraryBase):
    kind = "supervision"
    member_type = "SupervisionMember"
