"""Marker interfaces of the libraries module."""

from zope.interface import Interface


class ILibraryMember(Interface):
    """A member of a library (Expert, Agency, SupervisionMember): sorted by
    the pinyin of its name in every listing."""


class IRatedMember(ILibraryMember):
    """A member the office rates and may eliminate (Expert, Agency)."""


class IMemberLibrary(Interface):
    """A library folder (ExpertLibrary, AgencyLibrary, SupervisionLibrary)."""


class IRatedLibrary(IMemberLibrary):
    """A library whose members are rated and eliminated (experts, agencies)."""
