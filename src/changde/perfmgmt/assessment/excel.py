"""Excel exports of the assessment module (core's building blocks): a
report's scorecard, the year's assessment ranking and the subsidy table —
the same numbers as the pages and REST, from the same data."""

from decimal import Decimal

from zope.i18n import translate

from changde.perfmgmt.assessment.labels import KIND_TITLES
from changde.perfmgmt.assessment.labels import SUBSIDY_STATUS_TITLES
from changde.perfmgmt.core.excel import add_header
from changde.perfmgmt.core.excel import append_row
from changde.perfmgmt.core.excel import new_workbook
from changde.perfmgmt.core.excel import workbook_bytes
from changde.perfmgmt.i18n import _


def _t(message, request):
    return translate(message, context=request)


def _number(value):
    return None if value in (None, "") else Decimal(str(value))


def scorecard_workbook(report, card, request):
    headers = [
        _t(_("xlsx_code", default="序号"), request),
        _t(_("xlsx_criterion", default="评分项"), request),
        _t(_("xlsx_weight", default="分值"), request),
        _t(_("xlsx_effective_weight", default="调整后分值"), request),
        _t(_("xlsx_method", default="评分方法"), request),
        _t(_("xlsx_facts", default="依据"), request),
        _t(_("xlsx_formula", default="计算过程"), request),
        _t(_("xlsx_points", default="得分"), request),
        _t(_("xlsx_status", default="状态"), request),
        _t(_("xlsx_line_note", default="说明"), request),
    ]
    workbook, sheet = new_workbook(
        _t(_("xlsx_scorecard_sheet", default="评分表"), request),
        headers,
        widths=(8, 36, 8, 10, 14, 40, 48, 10, 10, 30),
    )
    for line in card["lines"]:
        indent = "    " * line["depth"]
        facts = "; ".join(f"{fact['title']}: {fact['value']}" for fact in line["facts"])
        append_row(
            sheet,
            [
                line["code"] if line["kind"] != "indicator" else "",
                f"{indent}{line['title']}",
                _number(line["weight"]),
                _number(line["effective_weight"]),
                line["method_title"],
                facts,
                line["explanation_text"],
                _number(line["points"]),
                line["status_title"],
                line["note"],
            ],
        )
    append_row(sheet, [])
    total_label = _t(_("xlsx_card_total", default="总分"), request)
    append_row(sheet, ["", total_label, None, None, "", "", "", _number(card["total"])])
    grade_label = _t(_("xlsx_grade", default="等级"), request)
    append_row(sheet, ["", grade_label, None, None, "", "", "", card["grade_title"]])
    if card["overridden"]:
        append_row(
            sheet,
            [
                "",
                _t(_("xlsx_score_adopted", default="采用评分"), request),
                None,
                None,
                "",
                "",
                card["score_override_reason"],
                _number(card["score"]),
            ],
        )
    append_row(sheet, ["", card["rounding"]])
    return workbook_bytes(workbook)


def ranking_workbook(year, tables, request):
    """``tables``: [(kind, rows, criteria titles)] as the ranking page has them."""
    workbook = None
    for kind, rows, criteria in tables:
        title = _t(KIND_TITLES[kind], request)
        headers = [
            _t(_("xlsx_rank", default="名次"), request),
            _t(_("xlsx_assessed", default="考核对象"), request),
            *[criterion["title"] for criterion in criteria],
            _t(_("xlsx_assessment_total", default="考核得分"), request),
            _t(_("xlsx_state", default="状态"), request),
        ]
        if workbook is None:
            workbook, sheet = new_workbook(f"{year} {title}", headers)
        else:
            sheet = workbook.create_sheet(f"{year} {title}")
            add_header(sheet, headers)
        for row in rows:
            append_row(
                sheet,
                [
                    row["rank"],
                    row["target_title"] or row["title"],
                    *[_number(points) for points in row["points"]],
                    _number(row["total"]),
                    row["state_title"],
                ],
            )
    return workbook_bytes(workbook)


def subsidies_workbook(table, request):
    headers = [
        _t(_("xlsx_subsidy_jurisdiction", default="地区"), request),
        _t(_("xlsx_in_use_year", default="建成并投入使用年度"), request),
        _t(_("xlsx_management_zone", default="管理区"), request),
        _t(_("xlsx_subsidy_base", default="奖补标准(元)"), request),
        _t(_("xlsx_subsidy_share", default="比例(%)"), request),
        _t(_("xlsx_subsidy_amount", default="奖补金额(元)"), request),
        _t(_("xlsx_subsidy_status", default="说明"), request),
    ]
    sheet_title = _t(_("xlsx_subsidy_sheet", default="信息化奖补"), request)
    if table.year:
        sheet_title = f"{table.year} {sheet_title}"
    workbook, sheet = new_workbook(
        sheet_title, headers, widths=(24, 18, 10, 16, 10, 16, 24)
    )
    yes = _t(_("xlsx_yes", default="是"), request)
    for row in table.rows:
        append_row(
            sheet,
            [
                row.title,
                row.in_use_year,
                yes if row.is_management_zone else "",
                row.base,
                row.share,
                row.amount,
                _t(SUBSIDY_STATUS_TITLES[row.status], request),
            ],
        )
    append_row(sheet, [])
    append_row(
        sheet,
        [
            _t(_("xlsx_subsidy_total", default="合计"), request),
            None,
            None,
            None,
            None,
            table.total,
        ],
    )
    for year, total in table.totals_by_year:
        append_row(
            sheet,
            [
                _t(
                    _(
                        "xlsx_subsidy_year_total",
                        default="${year} 年合计",
                        mapping={"year": str(year)},
                    ),
                    request,
                ),
                None,
                None,
                None,
                None,
                total,
            ],
        )
    return workbook_bytes(workbook)
