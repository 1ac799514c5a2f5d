"""AgencyLibrary (中介机构库): the folder of intermediary agencies."""

from plone.supermodel import model
from zope.interface import implementer

from changde.perfmgmt.libraries.content.library_base import LibraryBase
from changde.perfmgmt.libraries.interfaces import IRatedLibrary


class IAgencyLibrary(model.Schema):
    """A library folder."""


@implementer(IAgencyLibrary, IRatedLibrary)
class AgencyLibrary(LibraryBase):
    kind = "agency"
    member_type = "Agency"
