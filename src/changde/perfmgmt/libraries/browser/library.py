"""The library page (members by pinyin from the catalog), the supervision
library's coverage, and the Excel import form and export download."""

import transaction
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage
from zope.i18n import translate

from changde.perfmgmt.core.excel import xlsx_response
from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.i18n import _
from changde.perfmgmt.libraries import excel
from changde.perfmgmt.libraries.members import library_members
from changde.perfmgmt.libraries.rules.import_export import LIBRARY_COLUMNS
from changde.perfmgmt.libraries.rules.supervision import supervision_coverage
from changde.perfmgmt.libraries.settings import supervision_target_year
from changde.perfmgmt.libraries.vocabularies import CATEGORY_TITLES
from changde.perfmgmt.libraries.vocabularies import LEVEL_TITLES
from changde.perfmgmt.libraries.vocabularies import STATUS_TITLES

MANAGE = "changde.perfmgmt: Manage libraries"
VIEW_RATINGS = "changde.perfmgmt: View library ratings"


def supervision_coverage_json(library, request):
    """The five groups: covered or not, with their members' count."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        path={"query": "/".join(library.getPhysicalPath()), "depth": 1},
        portal_type="SupervisionMember",
    )
    categories = [brain.supervision_category for brain in brains]
    coverage = supervision_coverage(c for c in categories if c)
    return {
        "complete": coverage.complete,
        "target_year": supervision_target_year(),
        "categories": [
            {
                "category": category,
                "title": translate(CATEGORY_TITLES[category], context=request),
                "covered": covered,
                "members": categories.count(category),
            }
            for category, covered in coverage.per_category.items()
        ],
        "missing": list(coverage.missing),
    }


class LibraryView(BrowserView):
    def members(self):
        return library_members(self.context)

    def is_supervision(self):
        return self.context.kind == "supervision"

    def is_rated(self):
        return self.context.kind in ("expert", "agency")

    def can_manage(self):
        return api.user.has_permission(MANAGE, obj=self.context)

    def can_see_status(self):
        """The status is the office's (it is not in the catalog's metadata)."""
        return self.is_rated() and api.user.has_permission(
            VIEW_RATINGS, obj=self.context
        )

    def coverage(self):
        return supervision_coverage_json(self.context, self.request)

    def level(self, brain):
        term = LEVEL_TITLES.get(brain.library_level)
        return translate(term, context=self.request) if term else ""

    def status(self, brain):
        # read from the member: the office's page only
        member = brain._unrestrictedGetObject()
        term = STATUS_TITLES.get(getattr(member, "status", None) or "active")
        return translate(term, context=self.request) if term else ""

    def category(self, brain):
        term = CATEGORY_TITLES.get(brain.supervision_category)
        return translate(term, context=self.request) if term else ""


class ExportView(BrowserView):
    def __call__(self):
        data = excel.export_library(self.context)
        return xlsx_response(self.request, data, f"{self.context.getId()}.xlsx")


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
            except excel.WorkbookError:
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
