"""REST answers for relations: a summary of the related item.

plone.restapi answers a relation with the item's summary whoever asks. Here
the reader gets the full summary (``@id``, ``@type``, ``title``,
``description``, ``review_state``, ``UID``) of an item they may see, and of
one they may not only what the page already says of it: its type, title and
UID, with ``@id`` null. A relation whose item is gone is left out.
"""

from plone import api
from plone.dexterity.interfaces import IDexterityContent
from plone.restapi.interfaces import IFieldSerializer
from plone.restapi.interfaces import ISerializeToJsonSummary
from plone.restapi.serializer.converters import json_compatible
from plone.restapi.serializer.dxfields import DefaultFieldSerializer
from plone.uuid.interfaces import IUUID
from z3c.relationfield.interfaces import IRelationChoice
from z3c.relationfield.interfaces import IRelationList
from zope.component import adapter
from zope.component import getMultiAdapter
from zope.interface import implementer

from changde.perfmgmt.core.relations import target_of
from changde.perfmgmt.interfaces import IChangdePerfmgmtLayer


def relation_summary(target, request):
    """The summary of ``target`` for the current user (None: no target)."""
    if target is None:
        return None
    if api.user.has_permission("View", obj=target):
        summary = getMultiAdapter((target, request), ISerializeToJsonSummary)()
        summary["UID"] = IUUID(target, None)
        return json_compatible(summary)
    return {
        "@id": None,
        "@type": target.portal_type,
        "title": target.Title(),
        "UID": IUUID(target, None),
    }


@adapter(IRelationChoice, IDexterityContent, IChangdePerfmgmtLayer)
@implementer(IFieldSerializer)
class RelationChoiceSerializer(DefaultFieldSerializer):
    def __call__(self):
        return relation_summary(target_of(self.get_value()), self.request)


@adapter(IRelationList, IDexterityContent, IChangdePerfmgmtLayer)
@implementer(IFieldSerializer)
class RelationListSerializer(DefaultFieldSerializer):
    def __call__(self):
        summaries = [
            relation_summary(target_of(value), self.request)
            for value in self.get_value() or ()
        ]
        return [summary for summary in summaries if summary is not None]
