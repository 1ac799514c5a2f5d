"""REST answers core gives every type: JSON fields without numbers JSON
cannot hold (``NaN``, ``Infinity`` stored before every number was checked
would make the whole answer unreadable; they read as ``null``)."""

from plone.dexterity.interfaces import IDexterityContent
from plone.restapi.interfaces import IFieldSerializer
from plone.restapi.serializer.blocks import BlocksJSONFieldSerializer
from plone.schema import IJSONField
from zope.component import adapter
from zope.interface import implementer

from changde.perfmgmt.core.rules.numbers import finite_json
from changde.perfmgmt.interfaces import IChangdePerfmgmtLayer


@adapter(IJSONField, IDexterityContent, IChangdePerfmgmtLayer)
@implementer(IFieldSerializer)
class FiniteJSONFieldSerializer(BlocksJSONFieldSerializer):
    def __call__(self):
        value, count = finite_json(super().__call__())
        return value
