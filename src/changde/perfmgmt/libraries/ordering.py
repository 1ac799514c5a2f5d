"""The library folders keep their members in the pinyin order of their names
(R-P4), wherever Plone lists a folder's contents: the REST listing of a
library (``items``), folder_contents, ``objectIds()``.

Plone sorts a folder's contents with the ``getObjPositionInParent`` index,
which asks the folder's ordering adapter (plone.folder's IOrdering) for the
order at query time; the library folders name this adapter. The order comes
from the catalog's ``pinyin_sort`` index (a person's name read surname first,
see :mod:`indexers`), so adding a member or renaming one never stores
anything; members not catalogued yet (while being added) come last.
"""

from Acquisition import aq_base
from plone.folder.interfaces import IOrdering
from Products.CMFCore.utils import getToolByName
from zope.component import adapter
from zope.interface import implementer

from changde.perfmgmt.libraries.interfaces import IMemberLibrary

ORDERING_NAME = "changde.perfmgmt.pinyin"


@implementer(IOrdering)
@adapter(IMemberLibrary)
class PinyinOrdering:
    """Members by the pinyin of their names; no explicit moves."""

    def __init__(self, context):
        self.context = context

    def notifyAdded(self, obj_id):
        pass  # the order is the catalog's

    def notifyRemoved(self, obj_id):
        pass

    def idsInOrder(self):
        ids = list(aq_base(self.context).objectIds(ordered=False))
        catalog = getToolByName(self.context, "portal_catalog", None)
        if catalog is None or not ids:
            return ids
        present = set(ids)
        brains = catalog.unrestrictedSearchResults(
            path={"query": "/".join(self.context.getPhysicalPath()), "depth": 1},
            sort_on="pinyin_sort",
        )
        ordered = [brain.getId for brain in brains if brain.getId in present]
        listed = set(ordered)
        return ordered + [obj_id for obj_id in ids if obj_id not in listed]

    def getObjectPosition(self, obj_id):
        ids = self.idsInOrder()
        if obj_id in ids:
            return ids.index(obj_id)
        raise ValueError(
            f'No object with id "{obj_id}" exists in '
            f'"{"/".join(self.context.getPhysicalPath())}".'
        )
