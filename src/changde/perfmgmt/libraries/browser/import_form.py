"""The Excel import of a library (all rows or nothing)."""

import transaction
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from zope.i18n import translate

from changde.perfmgmt.core.excel import UnreadableWorkbook
from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.i18n import _
from changde.perfmgmt.libraries import excel
from changde.perfmgmt.libraries.rules.import_export import LIBRARY_COLUMNS


class ImportForm(BrowserView):
    """Upload an .xlsx: every row is checked, then all are created, or none."""

    errors = ()

    def columns(self):
        return LIBRARY_COLUMNS[self.context.kind]

    def __call__(self):
        if self.request.method == "POST" and self.request.form.get("form.submitted"):
            CheckAuthenticator(self.request)
            upload = self.request.form.get("file")
            data = upload.read() if upload else b""
            try:
                rows = excel.read_workbook(data)
            except UnreadableWorkbook:
                self.errors = [
                    {
                        "row": "",
                        "field": "",
                        "message": translate(
                            _(
                                "library_import_bad_xlsx",
                                default="文件无法读取:请上传 .xlsx 文件。",
                            ),
                            context=self.request,
                        ),
                    }
                ]
                return self.index()
            created, updated, errors = excel.import_rows(self.context, rows)
            if errors:
                transaction.doom()
                self.errors = [
                    {
                        "row": row or "",
                        "field": violation.field or "",
                        "message": translate_violation(violation, self.request),
                    }
                    for row, violation in errors
                ]
                return self.index()
            IStatusMessage(self.request).add(
                _(
                    "library_import_done_counts",
                    default="已导入：新增 ${created} 条，更新 ${updated} 条。",
                    mapping={
                        "created": str(len(created)),
                        "updated": str(len(updated)),
                    },
                )
            )
            return self.request.response.redirect(self.context.absolute_url())
        return self.index()
