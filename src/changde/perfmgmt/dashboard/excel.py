"""The dashboard's tables as an Excel workbook (``@@dashboard-export``): one
sheet per section, the same rows and numbers as the tables beside the charts
(numbers as numbers, so the office can sum and chart them in Excel)."""

from openpyxl import Workbook
from zope.i18n import translate

from changde.perfmgmt.core.excel import add_header
from changde.perfmgmt.core.excel import append_row
from changde.perfmgmt.dashboard.titles import light_title
from changde.perfmgmt.dashboard.titles import negative_list_state_titles
from changde.perfmgmt.dashboard.titles import section_title
from changde.perfmgmt.i18n import _

#: Excel's longest sheet title.
SHEET_TITLE_LENGTH = 31


def _t(request, msgid, default):
    return translate(_(msgid, default=default), context=request)


def dashboard_workbook(figures, request, section=None):
    """A workbook of every section of ``figures`` (or only ``section``)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, writer in WRITERS:
        if section in (None, name):
            writer(workbook, figures, request)
    if not workbook.worksheets:
        workbook.create_sheet("-")
    return workbook


def _sheet(workbook, title, headers, widths=None):
    sheet = workbook.create_sheet(title[:SHEET_TITLE_LENGTH])
    add_header(sheet, headers, widths)
    return sheet


def _yes_no(request, value):
    if value:
        return _t(request, "excel_yes", "Yes")
    return _t(request, "excel_no", "No")


def write_coverage(workbook, figures, request):
    section = figures["coverage"]
    kinds = section["budget_kinds"]
    sheet = _sheet(
        workbook,
        section_title("coverage", request),
        [
            _t(request, "excel_jurisdiction", "Jurisdiction"),
            _t(request, "excel_jurisdiction_kind", "Kind"),
            *[kind["title"] for kind in kinds],
            _t(request, "excel_covered", "Covered"),
            _t(request, "excel_required", "Required"),
            _t(request, "excel_target_met", "Target met"),
        ],
        [18, 12, *[14] * len(kinds), 10, 10, 10],
    )
    covered = _t(request, "excel_cell_covered", "Covered")
    gap = _t(request, "excel_cell_gap", "Gap")
    for row in section["rows"]:
        cells = []
        for kind in kinds:
            if row["covered"][kind["id"]]:
                cells.append(covered)
            elif kind["id"] in row["gaps"]:
                cells.append(gap)
            else:
                cells.append("")
        append_row(
            sheet,
            [
                row["title"],
                row["kind_title"],
                *cells,
                row["covered_count"],
                row["required_count"],
                _yes_no(request, row["met"]),
            ],
        )


def write_special_funds(workbook, figures, request):
    section = figures["special_funds"]
    sheet = _sheet(
        workbook,
        section_title("special_funds", request),
        [
            _t(request, "excel_jurisdiction", "Jurisdiction"),
            _t(request, "excel_approved_special_funds", "Approved special funds"),
            _t(request, "excel_cap", "Cap"),
            _t(request, "excel_remaining", "Remaining"),
            _t(request, "excel_light", "Light"),
        ],
        [18, 16, 10, 10, 14],
    )
    if section is not None:
        append_row(
            sheet,
            [
                section["title"],
                section["approved"],
                section["cap"],
                section["remaining"],
                light_title(section["light"], request),
            ],
        )


def write_execution(workbook, figures, request):
    sheet = _sheet(
        workbook,
        section_title("execution", request),
        [
            _t(request, "excel_round", "Round"),
            _t(request, "excel_target_rate", "Target rate (%)"),
            _t(request, "excel_jurisdiction", "Jurisdiction"),
            _t(request, "excel_records", "Records"),
            _t(request, "excel_budget_amount", "Budget (yuan)"),
            _t(request, "excel_executed_amount", "Executed (yuan)"),
            _t(request, "excel_execution_rate", "Execution rate (%)"),
            _t(request, "excel_light", "Light"),
            _t(request, "excel_below_target", "Below target"),
            _t(request, "excel_suspension", "Funding to suspend"),
        ],
        [22, 12, 18, 10, 18, 18, 12, 12, 10, 10],
    )
    total = _t(request, "excel_all_jurisdictions", "All")
    for each in figures["execution"]["rounds"]:
        for row in [{**each, "title": total}, *each["by_jurisdiction"]]:
            append_row(
                sheet,
                [
                    each["title"],
                    each["target_rate"],
                    row["title"],
                    row["records"],
                    row["budget"],
                    row["executed"],
                    row["rate"],
                    light_title(row["light"], request),
                    row["below_target"],
                    row["suspension"],
                ],
            )


def write_grades(workbook, figures, request):
    section = figures["grades"]
    grades = section["grades"]
    sheet = _sheet(
        workbook,
        section_title("grades", request),
        [
            _t(request, "excel_evaluation_kind", "Evaluation kind"),
            *[grade["title"] for grade in grades],
            _t(request, "excel_total", "Total"),
        ],
        [20, *[8] * len(grades), 8],
    )
    for kind in section["by_kind"]:
        append_row(
            sheet,
            [
                kind["title"],
                *[kind["counts"][grade["id"]] for grade in grades],
                kind["total"],
            ],
        )
    append_row(
        sheet,
        [
            _t(request, "excel_all_kinds", "All"),
            *[section["total"][grade["id"]] for grade in grades],
            section["count"],
        ],
    )


def write_rectification(workbook, figures, request):
    section = figures["rectification"]
    sheet = _sheet(
        workbook,
        section_title("rectification", request),
        [
            _t(request, "excel_jurisdiction", "Jurisdiction"),
            _t(request, "excel_items", "Items"),
            _t(request, "excel_accepted", "Accepted"),
            _t(request, "excel_overdue", "Overdue"),
            _t(request, "excel_rectification_rate", "Rectification rate (%)"),
            _t(request, "excel_target_met", "Target met"),
        ],
        [18, 10, 10, 10, 14, 10],
    )
    rows = [
        {**section, "title": _t(request, "excel_all_jurisdictions", "All")},
        *section["by_jurisdiction"],
    ]
    for row in rows:
        append_row(
            sheet,
            [
                row["title"],
                row["total"],
                row["accepted"],
                row["overdue"],
                row["rate"],
                _yes_no(request, row["met"]),
            ],
        )


def write_negative_list(workbook, figures, request):
    section = figures["negative_list"]
    titles = negative_list_state_titles(request)
    sheet = _sheet(
        workbook,
        section_title("negative_list", request),
        [
            _t(request, "excel_reason", "Reason"),
            *[titles[state] for state in section["states"]],
        ],
        [32, *[10] * len(section["states"])],
    )
    for row in section["reasons"]:
        append_row(sheet, [row["title"], *[row[state] for state in section["states"]]])


def write_quantified(workbook, figures, request):
    section = figures["quantified"]
    title = section_title("quantified", request)
    headers = [
        _t(request, "excel_indicators", "Indicators"),
        _t(request, "excel_quantified", "Quantified"),
        _t(request, "excel_quantified_share", "Share quantified (%)"),
    ]
    by_jurisdiction = _sheet(
        workbook,
        f"{title}（{_t(request, 'excel_by_jurisdiction', 'jurisdictions')}）",
        [_t(request, "excel_jurisdiction", "Jurisdiction"), *headers],
        [18, 10, 10, 14],
    )
    for row in section["by_jurisdiction"]:
        append_row(
            by_jurisdiction,
            [row["title"], row["indicators"], row["quantified"], row["share"]],
        )
    append_row(
        by_jurisdiction,
        [
            _t(request, "excel_all_jurisdictions", "All"),
            section["indicators"],
            section["quantified"],
            section["share"],
        ],
    )
    by_unit = _sheet(
        workbook,
        f"{title}（{_t(request, 'excel_by_unit', 'units')}）",
        [
            _t(request, "excel_jurisdiction", "Jurisdiction"),
            _t(request, "excel_unit", "Budget unit"),
            *headers,
        ],
        [18, 28, 10, 10, 14],
    )
    for row in section["by_unit"]:
        append_row(
            by_unit,
            [
                row["jurisdiction_title"],
                row["title"],
                row["indicators"],
                row["quantified"],
                row["share"],
            ],
        )


WRITERS = (
    ("coverage", write_coverage),
    ("special_funds", write_special_funds),
    ("execution", write_execution),
    ("grades", write_grades),
    ("rectification", write_rectification),
    ("negative_list", write_negative_list),
    ("quantified", write_quantified),
)
