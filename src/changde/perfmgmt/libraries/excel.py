"""Excel (.xlsx, openpyxl) export and import of a library.

The columns are ``LIBRARY_COLUMNS`` of
:mod:`changde.perfmgmt.libraries.rules.import_export` (Chinese headers on the
first row). An export adds the member's id (编号), its number of ratings, its
average and whether its profile is published
(``EXPORT_ONLY_COLUMNS``). An import reads the 编号: a row with one
updates that member (the columns the file has), a row without creates a
member, so the library's own export imports again; it ignores the other
export columns. The status is never changed by an import (only elimination
changes it). Import is all or nothing: every row is checked
(``import_export.normalise_library_row``, ``import_plan_violations``)
before anything is written; the errors say the row, the field and the reason.
"""

from plone import api
from plone.dexterity.utils import iterSchemata
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import modified

from changde.perfmgmt.core.excel import append_row
from changde.perfmgmt.core.excel import new_workbook
from changde.perfmgmt.core.excel import open_workbook
from changde.perfmgmt.core.excel import sheet_rows
from changde.perfmgmt.core.excel import workbook_bytes
from changde.perfmgmt.core.rules.violations import Violation
from changde.perfmgmt.libraries.members import rating_summary
from changde.perfmgmt.libraries.rules.import_export import EXPORT_ONLY_COLUMNS
from changde.perfmgmt.libraries.rules.import_export import LIBRARY_COLUMNS
from changde.perfmgmt.libraries.rules.import_export import LIST_COLUMNS
from changde.perfmgmt.libraries.rules.import_export import import_plan_violations
from changde.perfmgmt.libraries.rules.import_export import normalise_library_row
from changde.perfmgmt.libraries.rules.import_export import present_columns
from changde.perfmgmt.libraries.rules.members import MEMBER_LEVEL_LABELS
from changde.perfmgmt.libraries.rules.members import MEMBER_STATUS_LABELS
from changde.perfmgmt.libraries.rules.supervision import SUPERVISION_CATEGORY_LABELS

SHEET_TITLES = {"expert": "专家库", "agency": "中介机构库", "supervision": "监督指导库"}
#: most rows one import takes
MAX_ROWS = 2000


def _cell(member, column):
    value = getattr(member, column, None)
    if column in LIST_COLUMNS:
        return "、".join(value or ())
    if column == "level":
        return MEMBER_LEVEL_LABELS.get(value, value)
    if column == "status":
        return MEMBER_STATUS_LABELS.get(value, value)
    if column == "category":
        return SUPERVISION_CATEGORY_LABELS.get(value, value)
    return value


def export_library(library):
    """The library's members (pinyin order) as .xlsx bytes. The caller checks
    that the user may see contact and ratings (the office)."""
    kind = library.kind
    columns = LIBRARY_COLUMNS[kind]
    rated = kind in ("expert", "agency")
    header = [label for _id, label, _required in columns]
    extra = dict(EXPORT_ONLY_COLUMNS)
    header.insert(0, extra["id"])
    if rated:
        header += [extra["ratings_count"], extra["ratings_average"]]
    header.append(extra["review_state"])
    workbook, sheet = new_workbook(SHEET_TITLES[kind], header)
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        path={"query": "/".join(library.getPhysicalPath()), "depth": 1},
        portal_type=library.member_type,
        sort_on="pinyin_sort",
    )
    for brain in brains:
        member = brain._unrestrictedGetObject()
        row = [member.getId()]
        row += [_cell(member, column) for column, _label, _required in columns]
        if rated:
            summary = rating_summary(member)
            row += [summary["count"], summary["average"]]
        row.append("公开" if brain.review_state == "published" else "不公开")
        append_row(sheet, row)
    return workbook_bytes(workbook)


def read_workbook(data):
    """The rows of the first sheet as ``(row number, {header: value})``;
    empty rows are skipped. Raises ``UnreadableWorkbook`` for what is not an
    .xlsx file."""
    workbook = open_workbook(data)
    try:
        return sheet_rows(workbook.worksheets[0])
    finally:
        workbook.close()


def _library_brains(library):
    catalog = api.portal.get_tool("portal_catalog")
    return catalog.unrestrictedSearchResults(
        path={"query": "/".join(library.getPhysicalPath()), "depth": 1},
        portal_type=library.member_type,
    )


def check_rows(library, numbered_rows):
    """``(checked rows, errors)``; a checked row is ``(values, the columns
    the row gives)``; each error is ``(row number, violation)``. Nothing is
    written."""
    kind = library.kind
    names = {brain.getId: brain.Title for brain in _library_brains(library)}
    checked = []
    errors = []
    if len(numbered_rows) > MAX_ROWS:
        errors.append(
            (
                None,
                Violation(
                    code="library_import_too_many_rows",
                    default="At most ${maximum} rows can be imported at once.",
                    params={"maximum": MAX_ROWS},
                ),
            )
        )
        return [], errors
    for number, row in numbered_rows:
        if not isinstance(row, dict):
            errors.append(
                (
                    number,
                    Violation(
                        code="library_row_not_an_object",
                        default="A row must be an object of columns.",
                    ),
                )
            )
            checked.append(({}, set()))
            continue
        clean, violations = normalise_library_row(kind, row)
        checked.append((clean, present_columns(kind, row)))
        errors.extend((number, violation) for violation in violations)
    # the status of the members the file names (read from them: it is not
    # in the catalog)
    named = {values.get("id") for values, _columns in checked}
    members = {}
    for member_id, name in names.items():
        status = None
        if member_id in named:
            status = getattr(library._getOb(member_id), "status", None)
        members[member_id] = (name, status)
    plan = import_plan_violations(
        [
            (values.get("id"), values.get("title") or "", values.get("status"))
            for values, _columns in checked
        ],
        members,
    )
    for index, violations in sorted(plan.items()):
        errors.extend((numbered_rows[index][0], violation) for violation in violations)
    if not numbered_rows:
        errors.append(
            (
                None,
                Violation(
                    code="library_import_empty",
                    default="There is no row to import.",
                ),
            )
        )
    errors.sort(key=lambda error: (error[0] is not None, error[0] or 0))
    return checked, errors


#: what an import never writes: the id names the member, the status changes
#: only through elimination
NOT_IMPORTED = ("id", "status")


def apply_rows(library, checked):
    """Update the members the rows name and create the others; answer
    ``(created, updated)`` members."""
    created = []
    updated = []
    for values, columns in checked:
        member_id = values.get("id")
        if member_id:
            member = library._getOb(member_id)
            changed = []
            for column in sorted(columns - set(NOT_IMPORTED)):
                value = values.get(column)
                if getattr(member, column, None) != value:
                    setattr(member, column, value)
                    changed.append(column)
            if changed:
                # reindexes it; the evaluation module follows a new account
                schema = next(iter(iterSchemata(member)))
                modified(member, Attributes(schema, *changed))
            updated.append(member)
            continue
        fields = {
            key: value
            for key, value in values.items()
            if value is not None and key not in NOT_IMPORTED
        }
        member = api.content.create(
            container=library,
            type=library.member_type,
            safe_id=True,
            **fields,
        )
        created.append(member)
    return created, updated


def import_rows(library, numbered_rows):
    """Check every row, then update and create them all; answer ``(created,
    updated, errors)`` (nothing written when there are errors)."""
    checked, errors = check_rows(library, numbered_rows)
    if errors:
        return [], [], errors
    created, updated = apply_rows(library, checked)
    return created, updated, []
