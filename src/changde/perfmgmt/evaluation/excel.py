"""Excel (.xlsx, openpyxl) export of a result application run: one row per
project and recommendation (a project without any gets one row)."""

import io

from openpyxl import Workbook

XLSX_MIME_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

HEADERS = (
    "项目编码",
    "项目名称",
    "地区",
    "预算单位",
    "最后一轮执行率",
    "重点评价等级",
    "整改率",
    "建议",
    "理由",
    "拟列入负面清单",
)


def export_run(run):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = f"{run['year']}年结果应用"
    sheet.append(HEADERS)
    for item in run["items"]:
        facts = item["facts"]
        rates = "、".join(
            f"{year}: {rate}%" for year, rate in facts["final_execution_rates"].items()
        )
        proposals = "、".join(
            proposal["reason_title"] for proposal in item["negative_list_proposals"]
        )
        common = [
            item["project_code"],
            item["title"],
            item["jurisdiction_title"],
            item["unit_title"],
            rates,
            facts["key_evaluation_grade"]
            and rules_label(facts["key_evaluation_grade"]),
            facts["rectification_rate"],
        ]
        recommendations = item["recommendations"] or [None]
        for recommendation in recommendations:
            sheet.append(
                common
                + [
                    recommendation and recommendation["action_title"],
                    recommendation and recommendation["reason"],
                    proposals,
                ]
            )
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def rules_label(grade):
    from changde.perfmgmt.evaluation.rules import GRADE_LABELS

    return GRADE_LABELS.get(grade, grade)
