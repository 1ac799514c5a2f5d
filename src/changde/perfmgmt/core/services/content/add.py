"""POST to a folder (add content): plone.restapi's service, where ``@type``,
``id`` and ``title`` must be text (plone.restapi fails on a list or an
object there); everything else goes through core's one deserializer."""

from plone.restapi.services.content.add import FolderPost as RestapiFolderPost
from zope.i18nmessageid import Message

from changde.perfmgmt.core.rest import FieldError
from changde.perfmgmt.core.rest import InputRefused
from changde.perfmgmt.core.rest import json_body
from changde.perfmgmt.i18n import _

NOT_TEXT = _("api_add_not_text", default='"${name}" must be text.')
TYPE_REQUIRED = _(
    "api_add_type_required", default='Name the type of the new item as "@type".'
)


class FolderPost(RestapiFolderPost):
    def reply(self):
        data = json_body(self.request)
        errors = []
        if not data.get("@type"):
            errors.append(FieldError("@type", TYPE_REQUIRED, code="field_required"))
        for name in ("@type", "id", "title"):
            value = data.get(name)
            if value is not None and not isinstance(value, str):
                message = Message(NOT_TEXT, mapping={"name": name})
                errors.append(FieldError(name, message, code="value_invalid"))
        if errors:
            raise InputRefused.nothing_saved(errors)
        return super().reply()
