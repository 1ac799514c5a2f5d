"""Excel (.xlsx, openpyxl) export and import of a library.

The columns are :data:`rules.LIBRARY_COLUMNS` (Chinese headers on the first
row). An export adds the member's id, its number of ratings, its average and
whether its profile is published (:data:`rules.EXPORT_ONLY_COLUMNS`); an
import ignores those. Import is all or nothing: every row is checked
(:func:`rules.normalise_library_row`, duplicate names) before any member is
created; the errors say the row, the field and the reason.
"""

import io

from openpyxl import load_workbook
from plone import api

from changde.perfmgmt.core.excel import append_row
from changde.perfmgmt.core.excel import new_workbook
from changde.perfmgmt.core.excel import workbook_bytes
from changde.perfmgmt.core.rules import Violation
from changde.perfmgmt.libraries import rules
from changde.perfmgmt.libraries.members import rating_summary

SHEET_TITLES = {"expert": "专家库", "agency": "中介机构库", "supervision": "监督指导库"}
#: most rows one import takes
MAX_ROWS = 2000


def _cell(member, column):
    value = getattr(member, column, None)
    if column in rules.LIST_COLUMNS:
        return "、".join(value or ())
    if column == "level":
        return rules.MEMBER_LEVEL_LABELS.get(value, value)
    if column == "status":
        return rules.MEMBER_STATUS_LABELS.get(value, value)
    if column == "category":
        return rules.SUPERVISION_CATEGORY_LABELS.get(value, value)
    return value


def export_library(library):
    """The library's members (pinyin order) as .xlsx bytes. The caller checks
    that the user may see contact and ratings (the office)."""
    kind = library.kind
    columns = rules.LIBRARY_COLUMNS[kind]
    rated = kind in ("expert", "agency")
    header = [label for _id, label, _required in columns]
    extra = dict(rules.EXPORT_ONLY_COLUMNS)
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


class WorkbookError(ValueError):
    """The file is not an .xlsx workbook one can read."""


def read_workbook(data):
    """The rows of the first sheet as ``(row number, {header: value})``;
    empty rows are skipped."""
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds
        raise WorkbookError(str(error)) from error
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    try:
        header = next(rows)
    except StopIteration:
        return []
    header = [None if h is None else str(h).strip() for h in header]
    answer = []
    for number, values in enumerate(rows, start=2):
        if all(v is None or str(v).strip() == "" for v in values):
            continue
        answer.append(
            (
                number,
                {h: v for h, v in zip(header, values, strict=False) if h},
            )
        )
    workbook.close()
    return answer


def check_rows(library, numbered_rows):
    """``(values of every row, errors)``; each error is ``(row number,
    violation)``. Nothing is written."""
    kind = library.kind
    catalog = api.portal.get_tool("portal_catalog")
    existing = [
        brain.Title
        for brain in catalog.unrestrictedSearchResults(
            path={"query": "/".join(library.getPhysicalPath()), "depth": 1},
            portal_type=library.member_type,
        )
    ]
    values = []
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
            values.append({})
            continue
        clean, violations = rules.normalise_library_row(kind, row)
        values.append(clean)
        errors.extend((number, violation) for violation in violations)
    duplicates = rules.duplicate_name_violations(
        [row.get("title") or "" for row in values], existing
    )
    for index, violation in sorted(duplicates.items()):
        errors.append((numbered_rows[index][0], violation))
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
    return values, errors


def create_members(library, values):
    """Create one member per checked row; answer the members."""
    created = []
    for row in values:
        fields = {key: value for key, value in row.items() if value is not None}
        member = api.content.create(
            container=library,
            type=library.member_type,
            safe_id=True,
            **fields,
        )
        created.append(member)
    return created


def import_rows(library, numbered_rows):
    """Check every row, then create them all; answer ``(members, errors)``
    (no member created when there are errors)."""
    values, errors = check_rows(library, numbered_rows)
    if errors:
        return [], errors
    return create_members(library, values), []
