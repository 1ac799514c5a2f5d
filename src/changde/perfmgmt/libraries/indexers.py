"""Catalog indexers of the libraries module.

``pinyin_sort`` (FieldIndex) holds :func:`rules.pinyin_sort_string` of every
member's name: listings sort with ``sort_on="pinyin_sort"``. Status, level,
category and the year of a review round are indexed for the listings;
contact and ratings are never indexed nor kept as metadata (brains are
readable by everyone who may find the object).
"""

from plone.indexer import indexer

from changde.perfmgmt.libraries import rules
from changde.perfmgmt.libraries.content.supervision_member import ISupervisionMember
from changde.perfmgmt.libraries.interfaces import ILibraryMember
from changde.perfmgmt.libraries.interfaces import IRatedMember


@indexer(ILibraryMember)
def pinyin_sort(obj):
    return rules.pinyin_sort_string(obj.title or "")


@indexer(IRatedMember)
def library_status(obj):
    return obj.status or "active"


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
