"""The annual report's numbers and its draft text (R-M11), in plain Python.

The Plone side gathers the year's facts from the catalog through the
functions of the modules that own the data (the same ones the dashboards
call) and hands them here as :class:`Figure` objects, each carrying the query
behind it (:attr:`Figure.source`). :func:`draft_sections` turns them into the
report's sections: headings and paragraphs in which every number points to
its figure (``[n]``), so the printed report lists where each one came from.

A section whose module is not installed says so (``None`` facts); a year
without data gives a report that says there is none.
"""

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from decimal import Decimal

from changde.perfmgmt.core.rules.money import format_yuan
from changde.perfmgmt.core.rules.numbers import percent
from changde.perfmgmt.core.rules.numbers import to_decimal

#: Who the report is for: the city government (every November) and the NPC
#: standing committee (a special report, or part of the budget report).
AUDIENCES = ("city_government", "npc_standing_committee")
AUDIENCE_LABELS = {
    "city_government": "市人民政府",
    "npc_standing_committee": "市人大常委会",
}

#: The documents the module produces, one replaceable template each.
DOCUMENT_KINDS = ("annual_report", "goal_form", "feedback_notice", "leadership_report")

BUDGET_KIND_LABELS = {
    "general_public": "一般公共预算",
    "government_fund": "政府性基金预算",
    "state_capital": "国有资本经营预算",
    "social_insurance": "社会保险基金预算",
    "government_debt": "政府债务",
}
EVALUATION_KIND_LABELS = {
    "self": "单位自评",
    "key": "重点评价",
    "pre": "事前评估",
    "unit_overall": "部门整体支出评价",
}
GRADE_LABELS = {"excellent": "优", "good": "良", "average": "中", "poor": "差"}
ACTION_LABELS = {
    "reduce_or_merge": "调减或整合",
    "key_evaluation_scope": "纳入重点评价范围",
    "suspend_funding": "暂缓或停止预算拨款",
    "priority": "优先保障",
    "improve": "督促改进",
    "cut_or_cancel": "削减或取消",
    "adjust_or_merge": "调整或整合",
    "recover_funds": "收回统筹使用",
}
STATUS_LABELS = {
    "not_started": "未启动",
    "in_progress": "推进中",
    "done": "已完成",
    "delayed": "滞后",
}
CHINESE_NUMERALS = "一二三四五六七八九十"

NOT_AVAILABLE = "not available"


@dataclass
class Figure:
    """One number of the report and the query behind it."""

    key: str
    label: str
    value: object
    unit: str = ""
    #: what was asked: ``{"function": dotted name, "query": {...}, "list": url}``
    source: dict = dataclass_field(default_factory=dict)
    #: its number in the report's list of sources (set by :func:`number_figures`)
    ref: int = 0

    @property
    def text(self) -> str:
        """The value as the report prints it (no unit after a missing value:
        "—", not "—%")."""
        if self.value is None:
            return value_text(None)
        return value_text(self.value) + self.unit

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "ref": self.ref,
            "label": self.label,
            "value": json_value(self.value),
            "text": self.text,
            "unit": self.unit,
            "source": self.source,
        }


def value_text(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int):
        return f"{value:,}"
    number = to_decimal(value)
    if number is not None:
        return format_yuan(number)
    return str(value)


def json_value(value):
    if isinstance(value, Decimal):
        return str(value)
    return value


def rate(part, whole) -> Decimal | None:
    """``part`` of ``whole`` in percent, two places (None when ``whole`` is 0)."""
    return percent(part, whole)


def wan_yuan(amount) -> Decimal | None:
    """An amount of yuan in 万元, two places."""
    number = to_decimal(amount)
    if number is None:
        return None
    return (number / Decimal(10000)).quantize(Decimal("0.01"))


def number_figures(figures: dict) -> list[Figure]:
    """Give every figure its reference number, in the order given."""
    ordered = list(figures.values())
    for number, figure in enumerate(ordered, start=1):
        figure.ref = number
    return ordered


@dataclass
class Section:
    """A section of the report: a heading and its paragraphs."""

    id: str
    heading: str
    paragraphs: list = dataclass_field(default_factory=list)
    #: a table: header row and rows of text (optional)
    table: list | None = None

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "heading": self.heading,
            "paragraphs": list(self.paragraphs),
            "table": self.table,
        }


class Writer:
    """Writes sentences whose numbers carry their figure's reference."""

    def __init__(self, figures: dict):
        self.figures = figures

    def __call__(self, key) -> str:
        figure = self.figures[key]
        return f"{figure.text}[{figure.ref}]"

    def has(self, key) -> bool:
        return key in self.figures and self.figures[key].value is not None


def has_data(facts: dict) -> bool:
    """Whether the system holds anything of the year (projects, monitoring
    records, evaluation reports, rectification items, negative-list entries)."""
    return bool(
        facts.get("projects_declared")
        or facts.get("monitoring_records")
        or facts.get("evaluation_reports")
        or facts.get("rectification_items")
        or facts.get("negative_entries")
    )


def _heading(number: int, title: str) -> str:
    return f"{CHINESE_NUMERALS[number - 1]}、{title}"


def _not_available(module_title: str) -> str:
    return f"{module_title}模块尚未启用,本部分数据暂缺(not available)。"


def title_of(year: int, audience: str) -> str:
    """The report's title."""
    return f"关于{year}年度预算绩效管理工作情况的报告"


def addressee(audience: str) -> str:
    return f"{AUDIENCE_LABELS[audience]}:"


def draft_sections(year: int, audience: str, figures: dict, facts: dict) -> list:
    """The draft's sections for ``year`` from the numbered ``figures`` and the
    lists in ``facts`` (coverage rows, rounds, measures, module availability)."""
    w = Writer(figures)
    sections = []
    opening = Section("opening", "")
    who = AUDIENCE_LABELS[audience]
    if audience == "city_government":
        opening.paragraphs.append(
            f"根据《常德市财政局贯彻湘办发〔2019〕10号文件工作方案》“建立报告机制”的"
            f"要求,现将{year}年度全市预算绩效管理执行情况报告如下。"
        )
    else:
        opening.paragraphs.append(
            f"受市人民政府委托,现将{year}年度全市预算绩效管理工作情况向{who}报告,"
            "请予审议。"
        )
    if not has_data(facts):
        opening.paragraphs.append(
            f"截至本报告起草之日,系统中尚无{year}年度的绩效目标申报、运行监控、"
            "绩效评价、整改和负面清单数据,以下各部分据实说明为“暂无数据”。"
        )
    sections.append(opening)

    number = 0

    def add(id, title):
        nonlocal number
        number += 1
        section = Section(id, _heading(number, title))
        sections.append(section)
        return section

    # 1. coverage of the four budgets and debt
    section = add("coverage", "预算绩效管理覆盖情况")
    rows = facts.get("coverage") or []
    if rows:
        section.paragraphs.append(
            f"全市纳入统计的{w('coverage_jurisdictions')}个地区中,"
            f"{w('coverage_met')}个地区达到本年度“四本预算”绩效管理覆盖目标,"
            f"{w('coverage_unmet')}个地区尚未达到;市本级覆盖"
            f"{w('coverage_municipal_count')}本预算"
            + (
                f",政府债务{'已' if figures['coverage_debt'].value else '未'}"
                f"纳入绩效管理[{figures['coverage_debt'].ref}]。"
                if "coverage_debt" in figures
                else "。"
            )
        )
        section.table = [["地区", "已覆盖预算", "覆盖数", "目标数", "是否达标"]] + [
            [
                row["title"],
                "、".join(BUDGET_KIND_LABELS[k] for k in row["covered"]) or "—",
                str(row["covered_count"]),
                str(row["required_count"]),
                "达标" if row["met"] else "未达标",
            ]
            for row in rows
        ]
    else:
        section.paragraphs.append("本年度暂无地区覆盖数据。")

    # 2. goals declared
    section = add("goals", "绩效目标申报情况")
    if facts.get("projects_declared"):
        section.paragraphs.append(
            f"全市共{w('goals_projects')}个项目随预算同步申报绩效目标,涉及资金"
            f"{w('goals_amount')};其中专项资金{w('goals_special_funds')}个、"
            f"{w('goals_special_amount')}。市本级已批准专项{w('goals_municipal_special')}个,"
            f"控制上限为{w('goals_special_cap')}个。申报项目共设置绩效指标"
            f"{w('goals_indicators')}个,其中可量化指标{w('goals_quantifiable')}个,"
            f"占{w('goals_quantifiable_share')}。"
        )
    else:
        section.paragraphs.append("本年度暂无申报绩效目标的项目。")

    # 3. monitoring
    section = add("monitoring", "运行监控情况")
    rounds = facts.get("rounds") or []
    if rounds:
        section.paragraphs.append(
            f"本年度开展运行监控{w('monitoring_rounds')}轮,共监控项目"
            f"{w('monitoring_records')}个次。"
        )
        for item in rounds:
            key = f"round_{item['number']}"
            section.paragraphs.append(
                f"第{item['number']}轮(截至{item['cutoff_date'] or '—'},目标执行率"
                f"{w(key + '_target')}):监控项目{w(key + '_records')}个,总体执行率"
                f"{w(key + '_rate')},达到目标的{w(key + '_meeting')}个;执行率低于目标的"
                f"{w(key + '_below')}个,发现严重问题须暂缓拨款的"
                f"{w(key + '_suspension')}个,"
                f"执行超预算的{w(key + '_over')}个。"
            )
    else:
        section.paragraphs.append("本年度尚未开展运行监控。")

    # 4. evaluations
    section = add("evaluation", "绩效评价情况")
    if facts.get("evaluation_reports"):
        kinds = "、".join(
            f"{EVALUATION_KIND_LABELS[kind]}{w('evaluation_kind_' + kind)}个"
            for kind in EVALUATION_KIND_LABELS
            if figures[f"evaluation_kind_{kind}"].value
        )
        grades = "、".join(
            f"“{GRADE_LABELS[grade]}”{w('evaluation_grade_' + grade)}个"
            for grade in GRADE_LABELS
        )
        section.paragraphs.append(
            f"本年度共形成绩效评价报告{w('evaluation_reports')}个,其中{kinds}。"
            f"已审定的评价结果中,{grades}。"
        )
        if facts.get("reviews") is not None:
            section.paragraphs.append(
                f"组织内部点评{w('review_rounds')}轮(计划{w('review_rounds_planned')}轮),"
                f"评出优秀报告{w('review_excellent')}个,送领导决策参考。"
            )
    else:
        section.paragraphs.append("本年度暂无绩效评价报告。")

    # 5. rectification
    section = add("rectification", "评价结果反馈与整改情况")
    if facts.get("rectification_items"):
        section.paragraphs.append(
            f"重点评价和运行监控发现的问题已反馈被评价单位,形成整改事项"
            f"{w('rectification_total')}项,已整改到位{w('rectification_accepted')}项,"
            f"整改率{w('rectification_rate')}(目标{w('rectification_target')});"
            f"逾期未整改{w('rectification_overdue')}项。"
        )
    else:
        section.paragraphs.append("本年度暂无反馈的整改事项。")

    # 6. negative list and result application
    section = add("application", "结果应用与负面清单")
    if facts.get("negative_entries"):
        section.paragraphs.append(
            f"本年度纳入预算绩效管理负面清单{w('negative_listed')}个,"
            f"待确认的拟列入{w('negative_proposed')}个。"
        )
    else:
        section.paragraphs.append("本年度暂无负面清单记录。")
    run = facts.get("application")
    if run:
        actions = "、".join(
            f"{ACTION_LABELS[action]}{w('application_' + action)}个"
            for action in ACTION_LABELS
            if figures[f"application_{action}"].value
        )
        section.paragraphs.append(
            f"结果应用共分析项目{w('application_projects')}个,提出处理建议"
            f"{w('application_recommendations')}条"
            + (f"({actions})" if actions else "")
            + f";据此拟列入负面清单{w('application_proposals')}个,"
            f"已确认列入{w('application_confirmed')}个。"
        )
    else:
        section.paragraphs.append("本年度尚未运行结果应用分析。")

    # 7. training and publicity
    section = add("publicity", "宣传与培训情况")
    if facts.get("publicity") is None:
        section.paragraphs.append(_not_available("宣传与培训"))
    else:
        section.paragraphs.append(
            f"本年度发布绩效管理新闻{w('publicity_news')}篇,召开工作布置会"
            f"{w('publicity_work_meeting')}次、内部点评会"
            f"{w('publicity_internal_review_meeting')}次,举办培训"
            f"{w('training_events')}期"
            + (
                f",另已安排培训{w('training_planned')}期"
                if getattr(figures.get("training_planned"), "value", 0)
                else ""
            )
            + "。"
        )

    # 8. assessment and subsidies
    section = add("assessment", "考核与信息化补助情况")
    if facts.get("assessment") is None:
        section.paragraphs.append(_not_available("考核"))
    else:
        section.paragraphs.append(
            f"本年度对{w('assessment_cards')}个单位和地区进行预算绩效管理考核,"
            f"平均得分{w('assessment_average')}。"
        )
        if facts.get("subsidies") is not None:
            section.paragraphs.append(
                f"区县市预算绩效管理信息系统建设补助合计{w('subsidies_total')}。"
            )

    # 9. the plan's measures
    section = add("measures", "工作方案各项措施推进情况")
    measures = facts.get("measures") or []
    if measures:
        section.paragraphs.append(
            f"工作方案{w('measures_total')}项措施中,已完成{w('measures_done')}项,"
            f"推进中{w('measures_in_progress')}项,未启动{w('measures_not_started')}项,"
            f"滞后{w('measures_delayed')}项。"
        )
        section.table = [["序号", "措施", "责任领导", "牵头科室", "进展"]] + [
            [
                str(row["number"]),
                row["title"],
                row["leader"] or "",
                row["lead_office"] or "",
                STATUS_LABELS.get(row["status"], row["status"] or ""),
            ]
            for row in measures
        ]
    else:
        section.paragraphs.append(f"系统中没有{year}年度的工作方案。")

    # 10. next steps (text for the office to write)
    section = add("next", "存在的问题和下一步工作")
    section.paragraphs.append("(请绩效科根据以上情况补充存在的问题和下一步工作打算。)")
    return sections
