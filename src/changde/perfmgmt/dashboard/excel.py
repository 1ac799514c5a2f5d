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


#: The words of the workbook (column headers, cells).
LABELS = {
    "accepted": _("excel_accepted", default="Accepted"),
    "all_jurisdictions": _("excel_all_jurisdictions", default="All"),
    "all_kinds": _("excel_all_kinds", default="All"),
    "approved_special_funds": _(
        "excel_approved_special_funds", default="Approved special funds"
    ),
    "below_target": _("excel_below_target", default="Below target"),
    "budget_amount": _("excel_budget_amount", default="Budget (yuan)"),
    "by_jurisdiction": _("excel_by_jurisdiction", default="jurisdictions"),
    "by_unit": _("excel_by_unit", default="units"),
    "cap": _("excel_cap", default="Cap"),
    "cell_covered": _("excel_cell_covered", default="Covered"),
    "cell_gap": _("excel_cell_gap", default="Gap"),
    "covered": _("excel_covered", default="Covered"),
    "evaluation_kind": _("excel_evaluation_kind", default="Evaluation kind"),
    "executed_amount": _("excel_executed_amount", default="Executed (yuan)"),
    "execution_rate": _("excel_execution_rate", default="Execution rate (%)"),
    "indicators": _("excel_indicators", default="Indicators"),
    "items": _("excel_items", default="Items"),
    "jurisdiction": _("excel_jurisdiction", default="Jurisdiction"),
    "jurisdiction_kind": _("excel_jurisdiction_kind", default="Kind"),
    "light": _("excel_light", default="Light"),
    "no": _("excel_no", default="No"),
    "overdue": _("excel_overdue", default="Overdue"),
    "quantified": _("excel_quantified", default="Quantified"),
    "quantified_share": _("excel_quantified_share", default="Share quantified (%)"),
    "reason": _("excel_reason", default="Reason"),
    "records": _("excel_records", default="Records"),
    "rectification_rate": _(
        "excel_rectification_rate", default="Rectification rate (%)"
    ),
    "remaining": _("excel_remaining", default="Remaining"),
    "required": _("excel_required", default="Required"),
    "round": _("excel_round", default="Round"),
    "suspension": _("excel_suspension", default="Funding to suspend"),
    "target_met": _("excel_target_met", default="Target met"),
    "target_rate": _("excel_target_rate", default="Target rate (%)"),
    "total": _("excel_total", default="Total"),
    "unit": _("excel_unit", default="Budget unit"),
    "yes": _("excel_yes", default="Yes"),
}


def _t(request, key):
    return translate(LABELS[key], context=request)


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
        return _t(request, "yes")
    return _t(request, "no")


def write_coverage(workbook, figures, request):
    section = figures["coverage"]
    kinds = section["budget_kinds"]
    sheet = _sheet(
        workbook,
        section_title("coverage", request),
        [
            _t(request, "jurisdiction"),
            _t(request, "jurisdiction_kind"),
            *[kind["title"] for kind in kinds],
            _t(request, "covered"),
            _t(request, "required"),
            _t(request, "target_met"),
        ],
        [18, 12, *[14] * len(kinds), 10, 10, 10],
    )
    covered = _t(request, "cell_covered")
    gap = _t(request, "cell_gap")
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
            _t(request, "jurisdiction"),
            _t(request, "approved_special_funds"),
            _t(request, "cap"),
            _t(request, "remaining"),
            _t(request, "light"),
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
            _t(request, "round"),
            _t(request, "target_rate"),
            _t(request, "jurisdiction"),
            _t(request, "records"),
            _t(request, "budget_amount"),
            _t(request, "executed_amount"),
            _t(request, "execution_rate"),
            _t(request, "light"),
            _t(request, "below_target"),
            _t(request, "suspension"),
        ],
        [22, 12, 18, 10, 18, 18, 12, 12, 10, 10],
    )
    total = _t(request, "all_jurisdictions")
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
            _t(request, "evaluation_kind"),
            *[grade["title"] for grade in grades],
            _t(request, "total"),
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
            _t(request, "all_kinds"),
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
            _t(request, "jurisdiction"),
            _t(request, "items"),
            _t(request, "accepted"),
            _t(request, "overdue"),
            _t(request, "rectification_rate"),
            _t(request, "target_met"),
        ],
        [18, 10, 10, 10, 14, 10],
    )
    rows = [
        {**section, "title": _t(request, "all_jurisdictions")},
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
            _t(request, "reason"),
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
        _t(request, "indicators"),
        _t(request, "quantified"),
        _t(request, "quantified_share"),
    ]
    by_jurisdiction = _sheet(
        workbook,
        f"{title}（{_t(request, 'by_jurisdiction')}）",
        [_t(request, "jurisdiction"), *headers],
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
            _t(request, "all_jurisdictions"),
            section["indicators"],
            section["quantified"],
            section["share"],
        ],
    )
    by_unit = _sheet(
        workbook,
        f"{title}（{_t(request, 'by_unit')}）",
        [
            _t(request, "jurisdiction"),
            _t(request, "unit"),
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
