"""PATCH @history (revert to a version): plone.restapi's, for those who may
also change the item now. CMFEditions' revert permission is not managed by
the workflows (a unit's staff hold it through their Editor role), so without
this a unit could revert an approved project's amount."""

from plone import api
from plone.restapi.services.history.patch import HistoryPatch as RestapiHistoryPatch
from Products.CMFEditions.interfaces.IArchivist import ArchivistRetrieveError
from Products.CMFEditions.interfaces.IArchivist import ArchivistUnregisteredError
from zope.i18nmessageid import Message

from changde.perfmgmt.core.rest import ActionRefused
from changde.perfmgmt.core.rest import FieldError
from changde.perfmgmt.core.rest import InputRefused
from changde.perfmgmt.core.rest import json_body
from changde.perfmgmt.i18n import _

NOT_NOW = _(
    "api_revert_not_allowed",
    default="You may not change this item in its state: it cannot be reverted.",
)
NO_VERSION = _("api_revert_no_version", default="This item has no version ${version}.")
VERSION = _(
    "api_revert_version", default='Give the version to revert to as "version": 2.'
)


class HistoryPatch(RestapiHistoryPatch):
    def reply(self):
        if not api.user.has_permission("Modify portal content", obj=self.context):
            raise ActionRefused(NOT_NOW)
        version = json_body(self.request).get("version")
        if isinstance(version, bool) or not isinstance(version, int):
            raise InputRefused(VERSION, [FieldError("version", VERSION)])
        try:
            return super().reply()
        except (ArchivistRetrieveError, ArchivistUnregisteredError, LookupError):
            message = Message(NO_VERSION, mapping={"version": str(version)})
            raise InputRefused(message, [FieldError("version", message)]) from None
