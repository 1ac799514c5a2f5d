"""POST @library-import on a library: update and create members, all or
nothing.

Body: ``{"rows": [{"title": "张三", "level": "municipal", ...}, ...]}`` (keys
are the column ids or the Chinese headers of the spreadsheet), or
``{"file": "<base64 of an .xlsx>"}`` laid out like @library-export's file.
A row with an ``id`` (编号) updates that member, one without creates a member.
201 when members were created (200 when the file only updates) with the
members; 400 with one error per problem (``row``: the row number (the
spreadsheet's, or 1-based in ``rows``), ``field``, ``message``) and nothing
written.
"""

import base64
import binascii

import transaction
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides

from changde.perfmgmt.core.excel import UnreadableWorkbook
from changde.perfmgmt.core.rest import bad_request
from changde.perfmgmt.core.rest import invalid_body
from changde.perfmgmt.core.rest import read_json_object
from changde.perfmgmt.core.rest import translated
from changde.perfmgmt.core.rest import violation_errors
from changde.perfmgmt.i18n import _
from changde.perfmgmt.libraries import excel
from changde.perfmgmt.libraries.services import NOTHING_WRITTEN


def import_errors(errors, request):
    answer = []
    for row, violation in errors:
        answer.extend(violation_errors([violation], request, row=row))
    return answer


def imported_json(members, action):
    return [
        {
            "@id": member.absolute_url(),
            "@type": member.portal_type,
            "id": member.getId(),
            "UID": member.UID(),
            "title": member.title,
            "action": action,
        }
        for member in members
    ]


class LibraryImportPost(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        data = read_json_object(self.request)
        if data is None:
            return invalid_body(self.request)
        if "file" in data:
            try:
                content = base64.b64decode(data["file"] or "", validate=True)
                rows = excel.read_workbook(content)
            except (binascii.Error, TypeError, UnreadableWorkbook):
                message = _(
                    "library_import_bad_file",
                    default="文件无法读取:请上传 base64 编码的 .xlsx 文件。",
                )
                return bad_request(
                    self.request,
                    message,
                    [{"field": "file", "message": translated(self.request, message)}],
                )
        elif isinstance(data.get("rows"), list):
            rows = list(enumerate(data["rows"], start=1))
        else:
            message = _(
                "library_import_rows_required",
                default='请提供 "rows"(成员列表)或 "file"(base64 编码的 .xlsx)。',
            )
            return bad_request(
                self.request,
                message,
                [{"field": "rows", "message": translated(self.request, message)}],
            )
        created, updated, errors = excel.import_rows(self.context, rows)
        if errors:
            transaction.doom()
            return bad_request(
                self.request, NOTHING_WRITTEN, import_errors(errors, self.request)
            )
        self.request.response.setStatus(201 if created else 200)
        items = imported_json(created, "created") + imported_json(updated, "updated")
        return {
            "@id": f"{self.context.absolute_url()}/@library-import",
            "items": items,
            "items_total": len(items),
            "created": len(created),
            "updated": len(updated),
        }
