"""Excel (.xlsx, openpyxl) export of a result application run: one row per
project and recommendation (a project without any gets one row)."""

from changde.perfmgmt.core.excel import append_row
from changde.perfmgmt.core.excel import new_workbook
from changde.perfmgmt.core.excel import workbook_bytes

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
    workbook, sheet = new_workbook(f"{run['year']}年结果应用", HEADERS)
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
            append_row(
                sheet,
                common
                + [
                    recommendation and recommendation["action_title"],
                    recommendation and recommendation["reason"],
                    proposals,
                ],
            )
    return workbook_bytes(workbook)


def rules_label(grade):
    from changde.perfmgmt.evaluation.rules.grades import GRADE_LABELS

    return GRADE_LABELS.get(grade, grade)
