"""Catalog indexers of the core module."""

from plone.dexterity.interfaces import IDexterityContent
from plone.indexer import indexer

from changde.perfmgmt.core.content.jurisdiction import IJurisdiction


def jurisdiction_of(obj):
    """The jurisdiction an object lives in (itself included), or None."""
    for item in obj.aq_chain:
        if IJurisdiction.providedBy(item):
            return item
    return None


@indexer(IDexterityContent)
def jurisdiction_kind(obj):
    jurisdiction = jurisdiction_of(obj)
    if jurisdiction is None:
        raise AttributeError("jurisdiction_kind")
    return jurisdiction.kind
