"""Catalog indexers of the publicity module: the year of each item (core's
``year`` index: policies by the date issued, publicity items by their date,
trainings by their start, materials by their training), the publicity kind
that the annual report counts, and the kinds the listings filter by."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from plone.indexer import indexer

from changde.perfmgmt.publicity.content.column_section import IColumnSection
from changde.perfmgmt.publicity.content.policy_document import IPolicyDocument
from changde.perfmgmt.publicity.content.publicity_item import IPublicityItem
from changde.perfmgmt.publicity.content.training_event import ITrainingEvent
from changde.perfmgmt.publicity.content.training_material import ITrainingMaterial


def _year_of(value, name="year"):
    if value is None:
        raise AttributeError(name)
    return value.year


@indexer(IPolicyDocument)
def policy_year(obj):
    return _year_of(obj.issue_date)


@indexer(IPublicityItem)
def publicity_year(obj):
    return _year_of(obj.publicity_date)


@indexer(IPublicityItem)
def publicity_kind(obj):
    if not obj.publicity_kind:
        raise AttributeError("publicity_kind")
    return obj.publicity_kind


@indexer(ITrainingEvent)
def training_year(obj):
    return _year_of(getattr(obj, "start", None))


@indexer(ITrainingMaterial)
def material_year(obj):
    """A material inside a training is of the training's year; one in the
    training section of the year it was made."""
    parent = aq_parent(aq_inner(obj))
    start = (
        getattr(parent, "start", None) if ITrainingEvent.providedBy(parent) else None
    )
    if start is not None:
        return start.year
    created = obj.created()
    if created is None:
        raise AttributeError("year")
    return created.year()


@indexer(IPolicyDocument)
def policy_level(obj):
    if not obj.policy_level:
        raise AttributeError("policy_level")
    return obj.policy_level


@indexer(ITrainingMaterial)
def material_kind(obj):
    if not obj.material_kind:
        raise AttributeError("material_kind")
    return obj.material_kind


@indexer(IColumnSection)
def section_kind(obj):
    if not obj.section_kind:
        raise AttributeError("section_kind")
    return obj.section_kind
