"""Catalog indexers of the libraries module.

``pinyin_sort`` (FieldIndex) holds :func:`core.rules.pinyin.pinyin_sort_string` of every
member's name (read as a person's name, surname first, for experts and
supervision members): listings sort with ``sort_on="pinyin_sort"``. Level,
category and the year of a review round are indexed for the listings;
contact, ratings and the status are never kept as metadata (brains are
readable by everyone who may find the object, anonymous visitors included for
a published profile). Of the status only whether the member is removed is
indexed (``library_removed``, for the members that may be assigned): a
proposal for removal is the office's business and is not in the catalog, as
any index can be queried by whoever may search.
"""

from plone.indexer import indexer

from changde.perfmgmt.core.rules.pinyin import pinyin_sort_string
from changde.perfmgmt.libraries.content.supervision_member import ISupervisionMember
from changde.perfmgmt.libraries.interfaces import ILibraryMember
from changde.perfmgmt.libraries.interfaces import IRatedMember
from changde.perfmgmt.libraries.members import PERSON_TYPES


@indexer(ILibraryMember)
def pinyin_sort(obj):
    person = obj.portal_type in PERSON_TYPES
    return pinyin_sort_string(obj.title or "", person=person)


@indexer(IRatedMember)
def library_removed(obj):
    return (obj.status or "active") == "removed"


@indexer(IRatedMember)
def library_level(obj):
    return obj.level


@indexer(ISupervisionMember)
def supervision_category(obj):
    return obj.category


@indexer(ILibraryMember)
def library_organisation(obj):
    return getattr(obj, "organisation", None) or ""


@indexer(ILibraryMember)
def library_specialties(obj):
    """Fields of expertise or qualifications, joined (a public field)."""
    values = getattr(obj, "expertise", None) or getattr(obj, "qualifications", None)
    return "、".join(values or ())
