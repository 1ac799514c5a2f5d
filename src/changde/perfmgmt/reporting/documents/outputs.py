"""The documents' data (what REST answers as JSON and the templates print)
and their files: the annual report, the performance-goal form (one project,
or a unit's projects in one file), the evaluation feedback notice, the
monitoring round's report to the leadership group.

The data are read with the caller's rights (a unit's staff reach only their
own projects and reports); the templates, which live in the office's
reporting area, are read unrestricted.
"""

import datetime
import re

from plone import api
from Products.CMFCore.utils import getToolByName
from zope.i18n import translate

from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.core.workflows import state_title
from changde.perfmgmt.monitoring.vocabularies import FLAG_TITLES
from changde.perfmgmt.reporting.documents import pdf
from changde.perfmgmt.reporting.documents.render import html_subdoc
from changde.perfmgmt.reporting.documents.render import render_docx
from changde.perfmgmt.reporting.rules import figures as figure_rules
from changde.perfmgmt.reporting.rules import goal_form as form_rules

#: the documents are printed in Chinese, whoever downloads them
DOCUMENT_LANGUAGE = "zh_CN"


def _chinese(message, default=""):
    return translate(message, target_language=DOCUMENT_LANGUAGE) if message else default


def _state(workflow_id, state):
    """The title of ``state`` in ``workflow_id``'s definition, in Chinese."""
    return _chinese(state_title(workflow_id, state), state or "")


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"
FORMATS = {"docx": DOCX, "pdf": PDF}

TAGS = re.compile(r"<[^>]+>")


def html_text(value) -> str:
    """The text of a RichText value or HTML string, paragraphs on lines."""
    if value is None:
        return ""
    raw = getattr(value, "raw", value) or ""
    raw = re.sub(r"</p>|<br\s*/?>", "\n", raw)
    text = TAGS.sub("", raw)
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def template_for(kind):
    """(bytes, title) of the office's template of ``kind``: the newest
    DocumentTemplate of that kind in the site, else the module's default."""
    from changde.perfmgmt.reporting.setuphandlers import TEMPLATE_TITLES
    from changde.perfmgmt.reporting.setuphandlers import default_template

    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(
        portal_type="DocumentTemplate", sort_on="modified", sort_order="descending"
    ):
        template = brain._unrestrictedGetObject()
        if template.document_kind == kind and template.template_file is not None:
            return template.template_file.data, template.Title()
    return default_template(kind), TEMPLATE_TITLES[kind]


def render(kind, context, file_format="docx", subdocs=None):
    """The document's bytes in ``file_format`` (docx or pdf)."""
    data, title = template_for(kind)
    docx = render_docx(data, context, title=title, subdocs=subdocs)
    if file_format == "pdf":
        return pdf.docx_to_pdf(docx)
    return docx


# --- the performance-goal form ------------------------------------------------


def _parent_titles(project):
    unit = project.__parent__
    jurisdiction = unit.__parent__
    return unit.Title(), jurisdiction.Title()


def goal_form_data(project, today=None):
    """The form of one project as plain data."""

    today = today or today_in_china()
    unit_title, jurisdiction_title = _parent_titles(project)
    indicators = [
        {
            "level1": obj.level1,
            "level2": obj.level2,
            "title": obj.Title(),
            "comparator": obj.comparator,
            "target_value": obj.target_value,
            "unit": obj.unit,
            "weight": obj.weight,
            "quantifiable": obj.quantifiable,
        }
        for obj in project.objectValues()
        if getattr(obj, "portal_type", None) == "Indicator"
    ]
    measure = getattr(project, "management_measure_reference", None) or ""
    if not measure and getattr(project, "management_measure", None) is not None:
        measure = "已附管理办法文件"
    return {
        "@id": f"{project.absolute_url()}/@goal-form",
        "url": project.absolute_url(),
        "uid": project.UID(),
        "year": project.year,
        "title": project.Title(),
        "project_code": getattr(project, "project_code", None) or "",
        "unit_title": unit_title,
        "jurisdiction_title": jurisdiction_title,
        "budget_kind": figure_rules.BUDGET_KIND_LABELS.get(
            project.budget_kind, project.budget_kind or ""
        ),
        "special_fund": form_rules.yes_no(project.is_special_fund),
        "amount": str(project.amount) if project.amount is not None else None,
        "amount_wan": form_rules.wan(project.amount),
        "new_major": form_rules.yes_no(getattr(project, "is_new_major", False)),
        "pre_evaluation": form_rules.PRE_EVALUATION_LABELS.get(
            getattr(project, "pre_evaluation_result", "none") or "none", ""
        ),
        "management_measure": measure,
        "goal": html_text(project.performance_goal),
        "state": _state(
            "perfmgmt_declaration_workflow", api.content.get_state(project)
        ),
        "indicator_count": len(indicators),
        "indicators": form_rules.indicator_rows(indicators),
        "printed_on": form_rules.chinese_date(today),
    }


def unit_projects(unit, year=None):
    """The unit's projects the user may see (catalog, by code then title)."""
    query = {
        "portal_type": "BudgetProject",
        "path": "/".join(unit.getPhysicalPath()),
        "sort_on": "sortable_title",
    }
    if year:
        query["year"] = int(year)
    return [brain.getObject() for brain in api.content.find(**query)]


def goal_forms_file(projects, file_format="docx"):
    forms = [goal_form_data(project) for project in projects]
    return render("goal_form", {"forms": forms}, file_format)


# --- the evaluation feedback notice ---------------------------------------------

NOTICE_STATES = ("fed_back", "published")


def notice_available(report):
    """Whether the report has a notice (a fed-back key evaluation) and the
    user may read it: the office and the evaluated unit, not the public
    reading a published report (the evaluation module's own rule)."""
    from changde.perfmgmt.evaluation.reports import may_see_notifications

    return (
        report.evaluation_kind == "key"
        and api.content.get_state(report) in NOTICE_STATES
        and may_see_notifications(report)
    )


def feedback_notice_data(report, today=None):
    """The notice of a fed-back key evaluation: the unit, the result, the
    rectification items with their deadlines."""
    from changde.perfmgmt.evaluation.reports import items_of

    today = today or today_in_china()
    items = []
    for number, item in enumerate(
        sorted(
            items_of(report),
            key=lambda obj: (obj.deadline or datetime.date.max, obj.getId()),
        ),
        start=1,
    ):
        state = api.content.get_state(item)
        items.append(
            {
                "number": number,
                "problem": item.problem or item.Title(),
                "deadline": item.deadline.isoformat() if item.deadline else "",
                "state": _state("perfmgmt_rectification_workflow", state),
                "review_state": state,
            }
        )
    history = api.portal.get_tool("portal_workflow").getInfoFor(
        report, "review_history", []
    )
    fed_back = [entry for entry in history if entry.get("action") == "feed_back"]
    issued = fed_back[-1]["time"].asdatetime().date() if fed_back else today
    sequence = _notice_sequence(report)
    return {
        "@id": f"{report.absolute_url()}/@feedback-notice",
        "url": report.absolute_url(),
        "number": form_rules.notice_number(report.year, sequence),
        "year": report.year,
        "unit_title": report.unit_title or "",
        "project_title": report.project_title or report.Title(),
        "score": format(report.score.normalize(), "f")
        if report.score is not None
        else "",
        "grade": report.grade_label or "",
        "findings": report.findings or "",
        "suggestions": report.suggestions or "",
        "items": items,
        "issuer": "常德市财政局",
        "issued_on": form_rules.chinese_date(issued),
    }


def _notice_sequence(report):
    """The notice's sequence in its year: the report's place among the
    year's fed-back key evaluations, by UID order of feeding back (stable)."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        portal_type="EvaluationReport",
        evaluation_kind="key",
        year=report.year,
        review_state=list(NOTICE_STATES),
        sort_on="created",
    )
    uids = [brain.UID for brain in brains]
    uid = report.UID()
    return uids.index(uid) + 1 if uid in uids else len(uids) + 1


# --- the monitoring round's report to the leadership group ----------------------


def leadership_report_data(monitoring_round, today=None):
    """The round's rates, flags and problems for the leadership group."""
    from changde.perfmgmt.monitoring.rounds import round_info
    from changde.perfmgmt.monitoring.rules.execution import aggregate_rate
    from changde.perfmgmt.monitoring.summary import round_summary

    today = today or today_in_china()
    info = round_info(monitoring_round, today=today)
    summary = round_summary(monitoring_round)
    counts = summary["counts"]
    pairs = [(i["budget_amount"], i["executed_amount"]) for i in summary["items"]]
    overall = aggregate_rate(pairs)
    catalog = api.portal.get_tool("portal_catalog")
    flagged = []
    for item in summary["items"]:
        if not item["flags"] and item["severity"] in (None, "none"):
            continue
        problems = ""
        brains = catalog.unrestrictedSearchResults(UID=item["UID"])
        if brains:
            record = brains[0]._unrestrictedGetObject()
            problems = getattr(record, "problems", None) or ""
        flagged.append(
            {
                "title": item["title"],
                "unit_title": item["unit_title"] or "",
                "execution_rate": f"{item['execution_rate']}%"
                if item["execution_rate"] is not None
                else "—",
                "flags": "、".join(
                    _chinese(FLAG_TITLES.get(flag), flag) for flag in item["flags"]
                )
                or "—",
                "problems": problems,
                "url": item["@id"],
            }
        )
    year = monitoring_round.year
    number = monitoring_round.round_number
    target = monitoring_round.target_rate
    paragraphs = [
        f"按照工作方案“加强运行监控”的要求,{year}年第{number}轮预算绩效运行监控"
        f"以{info['cutoff_date'] or '—'}为截止日,目标执行率{target}%。",
        f"本轮共监控项目{counts['total']}个,填报执行数据的{counts['with_rate']}个,"
        f"总体执行率{overall if overall is not None else '—'}%;达到目标执行率的"
        f"{counts['meeting_target']}个,占{summary['share_meeting_target'] or '—'}%。",
        f"执行率低于目标的{counts['below_target']}个,发现严重问题须暂缓或停止拨款的"
        f"{counts['suspension']}个,执行超预算的{counts['over_budget']}个。以上项目已纳入"
        "负面清单库备查,并督促有关单位整改。",
        f"按规定,本报告应于{info['report_due'] or '—'}前报送局预算绩效管理领导小组。",
    ]
    return {
        "@id": f"{monitoring_round.absolute_url()}/@leadership-report",
        "url": monitoring_round.absolute_url(),
        "title": f"关于{year}年第{number}轮预算绩效运行监控情况的报告",
        "year": year,
        "round_number": number,
        "cutoff_date": info["cutoff_date"],
        "target_rate": str(target) if target is not None else None,
        "report_due": info["report_due"],
        "counts": counts,
        "execution_rate": str(overall) if overall is not None else None,
        "share_meeting_target": summary["share_meeting_target"],
        "paragraphs": paragraphs,
        "jurisdictions": [
            {
                **row,
                "execution_rate": f"{row['execution_rate']}%"
                if row["execution_rate"] is not None
                else "—",
            }
            for row in summary["by_jurisdiction"]
        ],
        "flagged": flagged,
        "issuer": "常德市财政局预算绩效管理科",
        "issued_on": form_rules.chinese_date(today),
    }


# --- the annual report ----------------------------------------------------------


def annual_report_data(report):
    """The report as plain data: the text as edited, the figures as drafted."""
    figures = []
    for figure in report.figures or ():
        item = dict(figure)
        item["query"] = (item.get("source") or {}).get("text", "")
        figures.append(item)
    repository = getToolByName(report, "portal_repository", None)
    version = None
    if repository is not None:
        history = repository.getHistoryMetadata(report)
        if history:
            version = history.getLength(countPurged=False)
    return {
        "@id": f"{report.absolute_url()}/@annual-report",
        "url": report.absolute_url(),
        "year": report.year,
        "audience": report.audience,
        "title": report.Title(),
        "addressee": report.addressee or "",
        "body_html": report.body.raw if report.body is not None else "",
        "text": html_text(report.body),
        "issuer": report.issuer or "",
        "issued_on": form_rules.chinese_date(report.issued_on),
        "drafted_at": report.drafted_at,
        "version": version,
        "figures": figures,
    }


def annual_report_file(report, file_format="docx"):
    data = annual_report_data(report)
    return render(
        "annual_report",
        data,
        file_format,
        subdocs={"body": html_subdoc(data["body_html"])},
    )
