"""Excel (.xlsx) for monitoring: the upload template, reading an upload into
the rows of a batch, and the export of a round's records (openpyxl).

An upload goes through the same check and apply as the REST batch
(:mod:`changde.perfmgmt.monitoring.importer`); rows are numbered as in the
sheet (the header is row 1), so the errors name the row people see.

Sheet 监控数据 (one row per project): 项目编码 / 项目UID (one of them),
项目名称 (ignored), 预算金额（元）, 执行金额（元）, 发现问题, 问题严重程度
(无问题/一般问题/严重问题 or none/minor/serious), then one column per focus
item of the round, headed 监控重点：科学性 etc. (the answer; an empty cell
keeps what the record has). Optional sheet 指标进度: one row per indicator:
项目编码 / 项目UID, 指标 (title or UID), 实际完成值, 是否正常 (是/否), 偏离原因,
纠偏措施.
"""

from changde.perfmgmt.core.excel import UnreadableWorkbook
from changde.perfmgmt.core.excel import add_header
from changde.perfmgmt.core.excel import append_row
from changde.perfmgmt.core.excel import cell_text
from changde.perfmgmt.core.excel import hide_columns
from changde.perfmgmt.core.excel import new_workbook
from changde.perfmgmt.core.excel import open_workbook
from changde.perfmgmt.core.excel import sheet_rows
from changde.perfmgmt.core.excel import workbook_bytes
from changde.perfmgmt.core.rules.numbers import to_decimal
from changde.perfmgmt.core.rules.violations import Violation
from changde.perfmgmt.monitoring.rules.focus import FOCUS_ITEMS
from changde.perfmgmt.monitoring.rules.import_rows import RowViolation
from changde.perfmgmt.monitoring.rules.progress import parse_yes_no

DATA_SHEET = "监控数据"
INDICATOR_SHEET = "指标进度"

#: key, header of the data sheet
DATA_COLUMNS = (
    ("project_code", "项目编码"),
    ("project", "项目UID"),
    ("project_title", "项目名称"),
    ("budget_amount", "预算金额（元）"),
    ("executed_amount", "执行金额（元）"),
    ("problems", "发现问题"),
    ("severity", "问题严重程度"),
)
#: key, header of the indicator sheet
INDICATOR_COLUMNS = (
    ("project_code", "项目编码"),
    ("project", "项目UID"),
    ("indicator", "指标"),
    ("target_value", "目标值"),
    ("actual_value", "实际完成值"),
    ("on_track", "是否正常"),
    ("deviation_cause", "偏离原因"),
    ("corrective_measure", "纠偏措施"),
)


def column_header(field):
    """The workbook's column header for a row error's ``field``
    (``executed_amount`` → 执行金额（元）, ``indicators[0].actual_value`` →
    指标进度 · 实际完成值); other fields as they are."""
    header = dict(DATA_COLUMNS).get(field)
    if header is not None:
        return header
    if field and field.startswith("indicators["):
        column = field.partition(".")[2]
        return f"{INDICATOR_SHEET} · {dict(INDICATOR_COLUMNS).get(column, column)}"
    return field


#: columns only written for people, never read
IGNORED = {"project_title", "target_value"}
#: the project's UID: read back by the import, hidden from people
UID_HEADER = "项目UID"

FOCUS_PREFIX = "focus:"
#: key, header of the focus columns (the round's items are written; every
#: item is read, and the import refuses those not in the round)
FOCUS_COLUMNS = tuple(
    (f"{FOCUS_PREFIX}{item}", f"监控重点：{label}")
    for item, label in FOCUS_ITEMS.items()
)


def focus_columns(focus):
    """The focus columns of a round's ``focus`` items, in the round's order."""
    by_key = dict(FOCUS_COLUMNS)
    return [
        (f"{FOCUS_PREFIX}{item}", by_key[f"{FOCUS_PREFIX}{item}"])
        for item in focus or ()
        if f"{FOCUS_PREFIX}{item}" in by_key
    ]


SEVERITY_LABELS = {"无问题": "none", "一般问题": "minor", "严重问题": "serious"}
SEVERITY_TEXT = {value: key for key, value in SEVERITY_LABELS.items()}
FLAG_TEXT = {
    "below_target": "低于目标",
    "suspension": "暂停拨款",
    "over_budget": "超预算执行",
}
STATE_TEXT = {
    "draft": "草稿",
    "submitted": "已提交",
    "confirmed": "已确认",
    "returned": "已退回",
}


def template_workbook(projects, focus=()):
    """The upload template, filled with ``projects``: dicts with ``code``,
    ``uid``, ``title``, ``amount`` and ``indicators`` (dicts with ``title``,
    ``target_value``); a column for each of the round's ``focus`` items."""
    extra = focus_columns(focus)
    workbook, data = new_workbook(
        DATA_SHEET,
        [h for _, h in DATA_COLUMNS] + [h for _, h in extra],
        (14, 34, 36, 16, 16, 30, 14) + (30,) * len(extra),
    )
    indicators = workbook.create_sheet(INDICATOR_SHEET)
    add_header(
        indicators,
        [h for _, h in INDICATOR_COLUMNS],
        (14, 34, 30, 12, 12, 10, 30, 30),
    )
    hide_columns(data, [h for _, h in DATA_COLUMNS], {UID_HEADER})
    hide_columns(indicators, [h for _, h in INDICATOR_COLUMNS], {UID_HEADER})
    for project in projects:
        append_row(
            data,
            [
                project.get("code"),
                project.get("uid"),
                project.get("title"),
                _number(project.get("amount")),
                None,
                None,
                "无问题",
            ],
        )
        for indicator in project.get("indicators", ()):
            append_row(
                indicators,
                [
                    project.get("code"),
                    project.get("uid"),
                    indicator.get("title"),
                    indicator.get("target_value"),
                ],
            )
    return workbook_bytes(workbook)


def _number(value):
    if value is None:
        return None
    number = to_decimal(value)
    if number is None:
        return value
    return int(number) if number == number.to_integral_value() else float(number)


def _rows(sheet, columns):
    """(sheet row number, {key: value}) of the non-empty rows of ``sheet``,
    without the columns an import ignores."""
    return [
        (number, {key: value for key, value in item.items() if key not in IGNORED})
        for number, item in sheet_rows(sheet, columns)
    ]


def _cell_text(value):
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def read_workbook(data):
    """The rows of an upload as a batch: ``(rows, numbers, problems)``.

    ``rows`` are the dicts :func:`importer.check_rows` checks, ``numbers``
    their row numbers in the sheet (the header is row 1). ``problems`` are the
    :class:`rules.RowViolation` objects of what cannot even be read (not an
    xlsx file, indicator rows naming a project not in the data sheet).
    """
    try:
        workbook = open_workbook(data)
    except UnreadableWorkbook:
        return (
            [],
            [],
            [
                RowViolation(
                    1,
                    Violation(
                        code="monitoring_xlsx_unreadable",
                        default="The file is not an Excel (.xlsx) workbook.",
                        field="file",
                    ),
                )
            ],
        )
    sheet = (
        workbook[DATA_SHEET]
        if DATA_SHEET in workbook.sheetnames
        else workbook.worksheets[0]
    )
    numbered = _rows(sheet, DATA_COLUMNS + FOCUS_COLUMNS)
    rows = []
    index = {}
    problems = []
    for number, item in numbered:
        answers = {
            key[len(FOCUS_PREFIX) :]: _cell_text(item.pop(key))
            for key in [key for key in item if key.startswith(FOCUS_PREFIX)]
        }
        answers = {key: value for key, value in answers.items() if value}
        if answers:
            item["focus_answers"] = answers
        severity = item.get("severity")
        if isinstance(severity, str):
            item["severity"] = SEVERITY_LABELS.get(severity, severity)
        for key in ("project", "project_code"):
            item[key] = _cell_text(item.get(key))
        rows.append((number, item))
        for key in (item.get("project"), item.get("project_code")):
            if key:
                index.setdefault(key, item)
    if INDICATOR_SHEET in workbook.sheetnames:
        for number, item in _rows(workbook[INDICATOR_SHEET], INDICATOR_COLUMNS):
            key = _cell_text(item.pop("project", None)) or _cell_text(
                item.pop("project_code", None)
            )
            item.pop("project_code", None)
            target = index.get(key)
            has_values = any(
                item.get(name) is not None
                for name in (
                    "actual_value",
                    "on_track",
                    "deviation_cause",
                    "corrective_measure",
                )
            )
            if not has_values:
                continue  # a template row nobody filled in
            if target is None:
                problems.append(
                    RowViolation(
                        number,
                        Violation(
                            code="monitoring_xlsx_indicator_project_missing",
                            default="Sheet ${sheet}, row ${row}: the project "
                            "'${project}' is not in the data sheet.",
                            field="indicators",
                            params={
                                "sheet": INDICATOR_SHEET,
                                "row": number,
                                "project": key,
                            },
                        ),
                    )
                )
                continue
            item["indicator"] = _cell_text(item.get("indicator"))
            item["actual_value"] = _cell_text(item.get("actual_value"))
            item["on_track"] = parse_yes_no(item.get("on_track"))
            target.setdefault("indicators", []).append(item)
    return [item for _, item in rows], [number for number, _ in rows], problems


def export_workbook(items, round_title, focus=()):
    """A round's records (items of :func:`summary.round_summary`) as xlsx,
    with the answers to the round's ``focus`` items."""
    extra = focus_columns(focus)
    headers = (
        "区县市",
        "预算单位",
        "项目编码",
        "项目名称",
        "预算金额（元）",
        "执行金额（元）",
        "执行率（%）",
        "标记",
        "问题严重程度",
        "状态",
        "项目UID",
    )
    workbook, sheet = new_workbook(
        "监控记录",
        headers + tuple(h for _, h in extra),
        (14, 24, 14, 36, 16, 16, 12, 18, 14, 10, 34) + (30,) * len(extra),
    )
    hide_columns(sheet, headers, {UID_HEADER})
    for item in items:
        answers = item.get("focus_answers") or {}
        append_row(
            sheet,
            [
                item["jurisdiction_title"],
                item["unit_title"],
                item["project_code"],
                item["title"],
                _number(item["budget_amount"]),
                _number(item["executed_amount"]),
                _number(item["execution_rate"]),
                "、".join(FLAG_TEXT.get(flag, flag) for flag in item["flags"]),
                SEVERITY_TEXT.get(item["severity"], item["severity"]),
                STATE_TEXT.get(item["review_state"], item["review_state"]),
                item["project"],
            ]
            + [answers.get(key[len(FOCUS_PREFIX) :]) for key, _ in extra],
        )
    workbook.properties.title = cell_text(round_title)
    return workbook_bytes(workbook)
