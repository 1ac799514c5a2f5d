"""Excel (.xlsx, openpyxl): the one spreadsheet reader of every importer and
the building blocks of every module's exports.

Reading: :func:`open_workbook` (raises :class:`UnreadableWorkbook` for what is
not an .xlsx file) and :func:`sheet_rows` (the non-empty rows under a header
row, as ``(row number, {key: value})``). Writing: a sheet with a styled
header, rows whose text is never a formula, the bytes of a workbook and the
HTTP answer that downloads it.
"""

from io import BytesIO
from urllib.parse import quote

from openpyxl import Workbook
from openpyxl import load_workbook
from openpyxl.styles import Font
from openpyxl.styles import PatternFill

XLSX_MIME_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


class UnreadableWorkbook(ValueError):
    """The file is not an .xlsx workbook one can read."""


def open_workbook(data):
    """The workbook in ``data`` (bytes), read-only, cells as values (never
    formulas). Raises :class:`UnreadableWorkbook` when it is not one."""
    try:
        return load_workbook(BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a bad file
        raise UnreadableWorkbook(str(error)) from error


def sheet_rows(sheet, columns=None):
    """The rows of ``sheet`` under its header row (row 1), as ``(row number,
    {key: value})``; rows with nothing in them are skipped.

    Text cells are stripped, and empty text is ``None``. The keys are the
    header texts, or, with ``columns`` (``(key, header)`` pairs), the key of a
    column named by its header or by its key; other columns are left out.
    """
    values = sheet.iter_rows(values_only=True)
    header = next(values, None)
    if header is None:
        return []
    header = [None if cell is None else str(cell).strip() or None for cell in header]
    if columns is not None:
        by_name = {}
        for key, title in columns:
            by_name[title] = key
            by_name[key] = key
        header = [by_name.get(name) for name in header]
    rows = []
    for number, row in enumerate(values, start=2):
        cells = [
            (cell.strip() or None) if isinstance(cell, str) else cell for cell in row
        ]
        if all(cell is None for cell in cells):
            continue
        rows.append(
            (
                number,
                {key: cell for key, cell in zip(header, cells, strict=False) if key},
            )
        )
    return rows


def add_header(sheet, headers, widths=None):
    """Write ``headers`` as the sheet's first row (bold, shaded, frozen) and
    set the columns' ``widths`` (characters) where given."""
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
    for index, width in enumerate(widths or (), start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = width
    sheet.freeze_panes = "A2"


def new_workbook(title, headers, widths=None):
    """A workbook whose active sheet is called ``title`` and has ``headers``:
    ``(workbook, sheet)``."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    add_header(sheet, headers, widths)
    return workbook, sheet


def append_row(sheet, values):
    """Append ``values`` as a row. Text that begins with ``=`` stays text:
    openpyxl would store it as a formula, and a name or a problem typed by a
    user (``=HYPERLINK(...)``) must not run in the office's Excel."""
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and cell.value.startswith("="):
            cell.data_type = "s"


def workbook_bytes(workbook):
    stream = BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def xlsx_response(request, data, filename):
    """Answer ``request`` with the workbook ``data`` as a download called
    ``filename`` (which may be Chinese: RFC 5987 encoding)."""
    response = request.response
    response.setHeader("Content-Type", XLSX_MIME_TYPE)
    response.setHeader(
        "Content-Disposition", f"attachment; filename*=UTF-8''{quote(filename)}"
    )
    response.setHeader("Content-Length", str(len(data)))
    return data


def hide_columns(sheet, headers, hidden):
    """Hide the columns of ``sheet`` whose header is in ``hidden``: a UID a
    program needs to read the sheet back, which people need not see."""
    for index, header in enumerate(headers, start=1):
        if header in hidden:
            sheet.column_dimensions[sheet.cell(1, index).column_letter].hidden = True
