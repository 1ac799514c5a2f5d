"""What a jurisdiction and a budget unit share: a folder every signed-in user
may traverse (the tenant workflow grants them "Access contents information",
so that a unit's staff reach their unit through a jurisdiction they may not
view) but only its own staff and the office may read.

Zope publishes a few of a folder's methods to anyone who may access it; the
ones that tell what the folder is or holds are protected by View here, so
that ``…/unit-b/title_or_id`` names the unit to no one else.
"""

from AccessControl.class_init import InitializeClass
from AccessControl.SecurityInfo import ClassSecurityInfo
from plone.dexterity.content import Container
from Products.CMFCore.permissions import View

#: The methods published to anyone with "Access contents information" that
#: say what the folder is or holds.
READ_BY_VIEWERS = ("title_or_id", "title_and_id", "objectCount")


class TenantFolder(Container):
    security = ClassSecurityInfo()
    for name in READ_BY_VIEWERS:
        security.declareProtected(View, name)
    del name


InitializeClass(TenantFolder)
