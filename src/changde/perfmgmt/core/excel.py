"""Excel (.xlsx, openpyxl) building blocks shared by every module's exports:
a sheet with a styled header, rows whose text is never a formula, the bytes
of a workbook and the HTTP answer that downloads it."""

from io import BytesIO
from urllib.parse import quote

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.styles import PatternFill

XLSX_MIME_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


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


def cell_text(value):
    """``value`` without the control characters a workbook cannot hold (a
    title typed with one would otherwise make the whole export fail)."""
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def append_row(sheet, values):
    """Append ``values`` as a row. Text that begins with ``=`` stays text:
    openpyxl would store it as a formula, and a name or a problem typed by a
    user (``=HYPERLINK(...)``) must not run in the office's Excel."""
    sheet.append([cell_text(value) for value in values])
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
