"""The annual report (R-M11) on the Plone side: gather the year's numbers
through the functions of the modules that own the data, each as a
:class:`~.rules.figures.Figure` with the query behind it, and draft the
report's text from them.

The numbers the dashboard shows too come from the very functions the
dashboard calls (:mod:`changde.perfmgmt.declaration.figures`,
:mod:`changde.perfmgmt.monitoring.figures`,
:mod:`changde.perfmgmt.evaluation.figures`), asked for the whole city
(``unrestricted=True``: the report is the city's, whoever drafts; the office
sees the same on the dashboard). ``tests/reporting/
test_annual_matches_dashboard.py`` holds them equal.

Modules that may not be installed (publicity and training, assessment and
subsidies) are read through the catalog names fixed between the modules
(``publicity_kind``, ``TrainingEvent``, ``AssessmentCard``) and the plain
function ``assessment.rules.subsidies``; where they are missing the section
says "not available".
"""

import datetime
import importlib
from decimal import Decimal

from plone import api
from plone.app.textfield.value import RichTextValue
from Products.CMFCore.utils import getToolByName
from zope.i18n import translate

from changde.perfmgmt.core.rules.clock import now_in_china
from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.core.rules.numbers import to_decimal
from changde.perfmgmt.declaration import figures as declaration_figures
from changde.perfmgmt.declaration.figures import declared_query
from changde.perfmgmt.declaration.gates import municipal_special_fund_usage
from changde.perfmgmt.evaluation import figures as evaluation_figures
from changde.perfmgmt.evaluation.reports import RESULT_STATES
from changde.perfmgmt.evaluation.rules.grades import GRADES
from changde.perfmgmt.evaluation.rules.negative_list import negative_list_totals
from changde.perfmgmt.libraries.reviews import year_summary
from changde.perfmgmt.monitoring import figures as monitoring_figures
from changde.perfmgmt.monitoring.vocabularies import FLAG_TITLES
from changde.perfmgmt.publicity.rules.listings import PUBLICITY_KINDS
from changde.perfmgmt.publicity.rules.listings import split_upcoming_past
from changde.perfmgmt.reporting.rules import figures as rules
from changde.perfmgmt.reporting.rules.figures import Figure
from changde.perfmgmt.reporting.rules.measures import lead_office
from changde.perfmgmt.reporting.rules.measures import status_counts


def _query_text(query):
    parts = []
    for key, value in query.items():
        if isinstance(value, list | tuple):
            value = "|".join(str(v) for v in value)
        parts.append(f"{key}={value}")
    return ", ".join(parts)


def source(function, query=None, listing=None, note=None):
    """Where a number came from: the function, its catalog query, the list
    page that shows the same items."""
    answer = {"function": function}
    if query is not None:
        answer["query"] = {
            key: list(value) if isinstance(value, tuple) else value
            for key, value in query.items()
        }
    if listing:
        answer["list"] = listing
    if note:
        answer["note"] = note
    parts = [function]
    if query:
        parts.append(_query_text(query))
    if note:
        parts.append(note)
    answer["text"] = "; ".join(parts)
    return answer


#: where the shared figures live (named in each figure's source)
DECLARATION = "changde.perfmgmt.declaration.figures"
MONITORING = "changde.perfmgmt.monitoring.figures"
EVALUATION = "changde.perfmgmt.evaluation.figures"


def _text(value):
    return None if value is None else str(value)


def _round_facts(each):
    """A round of :func:`monitoring.figures.execution_figures` as the
    report's facts name it."""
    info, execution = each.round, each.execution
    return {
        "uid": info["UID"],
        "url": info["@id"],
        "title": info["title"],
        "number": info["round_number"],
        "cutoff_date": info["cutoff_date"],
        "target_rate": to_decimal(info["target_rate"]),
        "records": execution.records,
        "with_rate": execution.with_rate,
        "meeting_target": execution.meeting_target,
        "below_target": execution.flagged("below_target"),
        "suspension": execution.flagged("suspension"),
        "over_budget": execution.flagged("over_budget"),
        "execution_rate": execution.rate,
        "share_meeting_target": _text(execution.share_meeting_target),
    }


def _negative_list_facts(year, counts):
    """The negative list of :func:`evaluation.figures.negative_list_figures`
    as the report's facts name it: entries, by state, listed by reason."""
    by_state, listed = negative_list_totals(counts)
    return {
        "year": year,
        "entries": sum(by_state.values()),
        "by_state": by_state,
        "by_reason": listed,
    }


def _catalog_index_exists(name):
    catalog = api.portal.get_tool("portal_catalog")
    return name in catalog.indexes()


def _type_exists(portal_type):
    return portal_type in api.portal.get_tool("portal_types").objectIds()


def _count(**query):
    catalog = api.portal.get_tool("portal_catalog")
    return len(catalog.unrestrictedSearchResults(**query))


#: what the report counts of the publicity module (R-M1, R-M2), by the catalog
#: names fixed between the modules: published items of each
#: ``publicity_kind`` and published ``TrainingEvent``s, by their ``year`` (the
#: item's date, the training's start). A draft was not publicity; the count
#: does not depend on who drafts (read without the reader's restrictions), and
#: equals what a visitor's ``@publicity-record`` shows.
PUBLISHED = "published"


def publicity_query(year, kind):
    return {
        "portal_type": "PublicityItem",
        "publicity_kind": kind,
        "year": year,
        "review_state": PUBLISHED,
    }


def training_query(year):
    return {"portal_type": "TrainingEvent", "year": year, "review_state": PUBLISHED}


def _beijing_date(value):
    """The Beijing date of a catalog date (DateTime or datetime), or None."""
    if value is None:
        return None
    if hasattr(value, "asdatetime"):
        value = value.asdatetime()
    if isinstance(value, datetime.datetime):
        return today_in_china(value) if value.tzinfo else value.date()
    return value


def publicity_facts(year, today=None):
    """``({kind: items}, {"held": n, "planned": n})`` of ``year``: the
    published publicity items by kind, and the published trainings split by
    the publicity module's own rule into those held (ended before ``today``)
    and those still to come (or under way); ``(None, None)`` when the
    publicity module is not installed (its catalog index missing)."""
    if not _catalog_index_exists("publicity_kind"):
        return None, None
    catalog = api.portal.get_tool("portal_catalog")
    counts = {
        kind: len(catalog.unrestrictedSearchResults(**publicity_query(year, kind)))
        for kind in PUBLICITY_KINDS
    }
    trainings = [
        {"start": _beijing_date(brain.start), "end": _beijing_date(brain.end)}
        for brain in catalog.unrestrictedSearchResults(**training_query(year))
    ]
    upcoming, past = split_upcoming_past(trainings, today or today_in_china())
    return counts, {"held": len(past), "planned": len(upcoming)}


def assessment_facts(year):
    """Assessment cards of ``year`` and their average total; the subsidies
    from ``assessment.rules.subsidies``; None where not installed."""
    if not _type_exists("AssessmentCard"):
        return None, None
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(portal_type="AssessmentCard", year=year)
    totals = [
        Decimal(str(brain.assessment_total))
        for brain in brains
        if getattr(brain, "assessment_total", None) is not None
    ]
    average = (sum(totals) / len(totals)).quantize(Decimal("0.01")) if totals else None
    subsidies = None
    try:
        module = importlib.import_module("changde.perfmgmt.assessment.rules.subsidies")
        total = getattr(module, "total_for_year", None)
        if total is not None:
            subsidies = total(year)
    except ImportError:
        subsidies = None
    return {"cards": len(brains), "average": average}, subsidies


def plan_measures(year):
    """The measures of the work plan of ``year`` (or of the latest plan
    before it), as plain rows."""
    catalog = api.portal.get_tool("portal_catalog")
    plans = catalog.unrestrictedSearchResults(portal_type="WorkPlan")
    chosen = None
    for brain in plans:
        plan = brain._unrestrictedGetObject()
        if (
            plan.year is not None
            and plan.year <= year
            and (chosen is None or plan.year > chosen.year)
        ):
            chosen = plan
    if chosen is None:
        return None, []
    rows = [
        {
            "number": measure.number,
            "title": measure.Title(),
            "leader": measure.leader,
            "lead_office": lead_office(measure.offices),
            "offices": list(measure.offices or ()),
            "status": measure.status,
            "url": measure.absolute_url(),
        }
        for measure in chosen.measures()
    ]
    return chosen, rows


def gather(year, today=None):
    """The year's figures (key -> Figure, numbered) and facts (lists)."""
    today = today or today_in_china()
    figures = {}

    def add(key, label, value, unit="", src=None):
        figures[key] = Figure(key, label, value, unit, src or {})

    facts = {"year": year}

    # coverage (R-M5), goals declared (R-M4, R-M6): the declaration module's
    # figures over one read of the year's declared projects, the whole city
    projects = declaration_figures.year_projects(year)
    jurisdictions = declaration_figures.visible_jurisdictions(unrestricted=True)
    rows = []
    for row in declaration_figures.coverage_figures(
        year, jurisdictions=jurisdictions, projects=projects, unrestricted=True
    ):
        result = row.coverage
        rows.append(
            {
                "title": row.jurisdiction.title,
                "kind": row.jurisdiction.kind,
                "covered": [
                    kind
                    for kind, covered in result.covered.items()
                    if covered and kind != "government_debt"
                ],
                "covered_count": result.covered_count,
                "required_count": result.required_count,
                "debt_covered": result.debt_covered,
                "met": result.met,
            }
        )
    facts["coverage"] = rows
    coverage_src = source(
        f"{DECLARATION}.coverage_figures",
        declared_query(year),
        f"@@coverage?year={year}",
    )
    if rows:
        add("coverage_jurisdictions", "纳入统计的地区数", len(rows), "", coverage_src)
        add(
            "coverage_met",
            "达到覆盖目标的地区数",
            sum(1 for row in rows if row["met"]),
            "",
            coverage_src,
        )
        add(
            "coverage_unmet",
            "未达到覆盖目标的地区数",
            sum(1 for row in rows if not row["met"]),
            "",
            coverage_src,
        )
        municipal = [row for row in rows if row["kind"] == "municipal"]
        if municipal:
            add(
                "coverage_municipal_count",
                "市本级覆盖的预算数",
                municipal[0]["covered_count"],
                "",
                coverage_src,
            )
            add(
                "coverage_debt",
                "市本级政府债务纳入绩效管理",
                municipal[0]["debt_covered"],
                "",
                coverage_src,
            )
        else:
            add("coverage_municipal_count", "市本级覆盖的预算数", 0, "", coverage_src)

    declared = declaration_figures.declared_figures(
        year, projects=projects, unrestricted=True
    )
    found = declaration_figures.special_fund_figures(
        year, jurisdictions=jurisdictions, unrestricted=True
    )
    if found is not None:
        approved_municipal, cap = found[1].approved, found[1].cap
    else:  # no municipal level: none approved, the gate's cap
        approved_municipal, cap = municipal_special_fund_usage(year)
    quantified = declaration_figures.quantified_figures(
        year, jurisdictions=jurisdictions, projects=projects, unrestricted=True
    )[2]
    goals = {
        "year": year,
        "projects": declared.projects,
        "amount": declared.amount,
        "special_funds": declared.special_funds,
        "special_fund_amount": declared.special_fund_amount,
        "municipal_special_funds": approved_municipal,
        "special_fund_cap": cap,
        "indicators": quantified.indicators,
        "quantifiable_indicators": quantified.quantified,
        "quantifiable_share": quantified.share,
    }
    facts["goals"] = goals
    facts["projects_declared"] = goals["projects"]
    goals_src = source(
        f"{DECLARATION}.declared_figures",
        declared_query(year),
        f"@@list-projects?year={year}&review_state=submitted"
        "&review_state=reviewed&review_state=approved",
    )
    special_src = source(
        f"{DECLARATION}.declared_figures",
        {**declared_query(year), "is_special_fund": True},
        f"@@list-projects?year={year}&special_fund=1",
    )
    cap_src = source(
        f"{DECLARATION}.special_fund_figures",
        {
            "portal_type": "BudgetProject",
            "year": year,
            "jurisdiction_kind": "municipal",
            "is_special_fund": True,
            "review_state": "approved",
        },
        note="上限:registry changde.perfmgmt.declaration.municipal_special_fund_cap",
    )
    indicator_src = source(
        f"{DECLARATION}.quantified_figures",
        declared_query(year),
        note="仅计已申报项目的指标(项目的 indicator_count、"
        "quantified_indicator_count);可量化指标须有数值型目标值",
    )
    add("goals_projects", "申报绩效目标的项目数", goals["projects"], "", goals_src)
    add(
        "goals_amount",
        "申报项目资金",
        rules.wan_yuan(goals["amount"]),
        "万元",
        goals_src,
    )
    add("goals_special_funds", "专项资金个数", goals["special_funds"], "", special_src)
    add(
        "goals_special_amount",
        "专项资金金额",
        rules.wan_yuan(goals["special_fund_amount"]),
        "万元",
        special_src,
    )
    add(
        "goals_municipal_special",
        "市本级已批准专项个数",
        goals["municipal_special_funds"],
        "",
        cap_src,
    )
    add("goals_special_cap", "市本级专项上限", goals["special_fund_cap"], "", cap_src)
    add("goals_indicators", "绩效指标个数", goals["indicators"], "", indicator_src)
    add(
        "goals_quantifiable",
        "可量化指标个数",
        goals["quantifiable_indicators"],
        "",
        indicator_src,
    )
    add(
        "goals_quantifiable_share",
        "可量化指标占比",
        goals["quantifiable_share"],
        "%",
        indicator_src,
    )

    # monitoring (R-M9): the monitoring module's execution figures
    rounds = [
        _round_facts(each)
        for each in monitoring_figures.execution_figures(
            year, 0, today=today, unrestricted=True
        )
    ]
    facts["rounds"] = rounds
    facts["monitoring_records"] = sum(item["records"] for item in rounds)
    if rounds:
        all_src = source(
            f"{MONITORING}.execution_figures",
            monitoring_figures.record_query(year),
            f"@@list-monitoring-records?year={year}",
        )
        add("monitoring_rounds", "监控轮次", len(rounds), "", all_src)
        add(
            "monitoring_records",
            "监控项目个次",
            facts["monitoring_records"],
            "",
            all_src,
        )
        for item in rounds:
            key = f"round_{item['number']}"
            query = {
                **monitoring_figures.record_query(year),
                "round_number": item["number"],
            }
            listing = f"@@list-monitoring-records?year={year}&round={item['uid']}"
            src = source(f"{MONITORING}.execution_figures", query, listing)
            label = f"第{item['number']}轮"
            add(key + "_target", f"{label}目标执行率", item["target_rate"], "%", src)
            add(key + "_records", f"{label}监控项目数", item["records"], "", src)
            add(key + "_rate", f"{label}总体执行率", item["execution_rate"], "%", src)
            add(
                key + "_meeting",
                f"{label}达到目标的项目数",
                item["meeting_target"],
                "",
                src,
            )
            for flag, name in (
                ("below", "below_target"),
                ("suspension", "suspension"),
                ("over", "over_budget"),
            ):
                title = translate(FLAG_TITLES[name], target_language="zh_CN")
                add(
                    f"{key}_{flag}",
                    f"{label}标记“{title}”的项目数",
                    item[name],
                    "",
                    source(
                        f"{MONITORING}.execution_figures",
                        {**query, "monitoring_flags": name},
                        f"{listing}&flag={name}",
                    ),
                )

    # evaluations (R-M8, R-M10): the evaluation module's figures
    reports = evaluation_figures.report_figures(year, unrestricted=True)
    grades = evaluation_figures.grade_figures(year, unrestricted=True)
    evaluations = {
        "year": year,
        "reports": reports.total,
        "by_kind": reports.by_kind,
        "by_grade": {grade: grades.total[grade] for grade in GRADES},
    }
    facts["evaluations"] = evaluations
    facts["evaluation_reports"] = evaluations["reports"]
    report_query = evaluation_figures.report_query(year)
    evaluation_src = source(
        f"{EVALUATION}.report_figures", report_query, f"@@list-reports?year={year}"
    )
    add("evaluation_reports", "评价报告数", evaluations["reports"], "", evaluation_src)
    for kind, count in evaluations["by_kind"].items():
        add(
            f"evaluation_kind_{kind}",
            f"{rules.EVALUATION_KIND_LABELS[kind]}报告数",
            count,
            "",
            source(
                f"{EVALUATION}.report_figures",
                {**report_query, "evaluation_kind": kind},
                f"@@list-reports?year={year}",
            ),
        )
    for grade, count in evaluations["by_grade"].items():
        add(
            f"evaluation_grade_{grade}",
            f"评价等级为“{rules.GRADE_LABELS[grade]}”的结果数",
            count,
            "",
            source(
                f"{EVALUATION}.grade_figures",
                {
                    **report_query,
                    "evaluation_grade": grade,
                    "review_state": list(RESULT_STATES),
                },
            ),
        )
    reviews = year_summary(year, today=today)
    facts["reviews"] = reviews
    review_src = source(
        "changde.perfmgmt.libraries.reviews.year_summary",
        {"portal_type": "InternalReviewRound", "year": year},
        "internal-review",
    )
    add("review_rounds", "内部点评轮次", reviews["rounds_held"], "", review_src)
    add(
        "review_rounds_planned",
        "计划内部点评轮次",
        reviews["rounds_planned"],
        "",
        review_src,
    )
    add("review_excellent", "优秀报告数", reviews["excellent_count"], "", review_src)

    # rectification (R-M12): the evaluation module's figures
    overall, _by_jurisdiction, target = evaluation_figures.rectification_figures(
        year, today=today, unrestricted=True
    )
    facts["rectification_items"] = overall.total
    facts["rectification"] = {
        "total": overall.total,
        "accepted": overall.accepted,
        "rate": _text(overall.rate),
        "target_rate": _text(target),
        "overdue": overall.overdue,
    }
    rect_src = source(
        f"{EVALUATION}.rectification_figures",
        evaluation_figures.rectification_query(year),
        f"@@list-rectification-items?year={year}",
    )
    add("rectification_total", "整改事项数", overall.total, "", rect_src)
    add(
        "rectification_accepted",
        "已整改到位事项数",
        overall.accepted,
        "",
        rect_src,
    )
    add("rectification_rate", "整改率", overall.rate, "%", rect_src)
    add(
        "rectification_target",
        "整改率目标",
        to_decimal(target),
        "%",
        source(
            "changde.perfmgmt.evaluation.settings.rectification_settings",
            note="registry changde.perfmgmt.evaluation",
        ),
    )
    add(
        "rectification_overdue",
        "逾期未整改事项数",
        overall.overdue,
        "",
        source(
            f"{EVALUATION}.rectification_figures",
            {
                "portal_type": "RectificationItem",
                "year": year,
                "deadline": f"< {today.isoformat()}",
                "review_state": ["open", "submitted", "reopened"],
            },
            f"@@list-rectification-items?year={year}&overdue=1",
        ),
    )

    # negative list (R-M13) and result application (R-M10)
    negative = _negative_list_facts(
        year, evaluation_figures.negative_list_figures(year, unrestricted=True)
    )
    facts["negative_entries"] = negative["entries"]
    facts["negative_list"] = negative
    negative_query = evaluation_figures.negative_list_query(year)
    negative_src = source(
        f"{EVALUATION}.negative_list_figures",
        {**negative_query, "review_state": "listed"},
        f"@@list-negative-list?year={year}",
    )
    add(
        "negative_listed",
        "列入负面清单数",
        negative["by_state"]["listed"],
        "",
        negative_src,
    )
    add(
        "negative_proposed",
        "拟列入负面清单数",
        negative["by_state"]["proposed"],
        "",
        source(
            f"{EVALUATION}.negative_list_figures",
            {**negative_query, "review_state": "proposed"},
            f"@@list-negative-list?year={year}&review_state=proposed",
        ),
    )
    application = evaluation_figures.application_figures(year)
    facts["application"] = application
    if application:
        app_src = source(
            f"{EVALUATION}.application_figures",
            note=f"结果应用运行记录(evaluation/@@result-application?year={year},"
            f"{application['run_at']})",
        )
        add(
            "application_projects",
            "结果应用分析项目数",
            application["projects"],
            "",
            app_src,
        )
        add(
            "application_recommendations",
            "结果应用处理建议数",
            application["recommendations"],
            "",
            app_src,
        )
        for action, count in application["by_action"].items():
            add(
                f"application_{action}",
                f"建议“{rules.ACTION_LABELS[action]}”数",
                count,
                "",
                app_src,
            )
        add(
            "application_proposals",
            "拟列入负面清单数(结果应用)",
            application["proposals"],
            "",
            app_src,
        )
        add(
            "application_confirmed",
            "已确认列入数(结果应用)",
            application["confirmed"],
            "",
            app_src,
        )

    # publicity and training (R-M1, R-M2)
    publicity, training = publicity_facts(year, today)
    facts["publicity"] = publicity
    facts["training"] = training
    if publicity is not None:
        for kind, label, section in (
            ("news", "绩效管理新闻", "news"),
            ("work_meeting", "工作布置会", "news"),
            ("internal_review_meeting", "内部点评会", "news"),
        ):
            add(
                f"publicity_{kind}",
                label,
                publicity[kind],
                "",
                source(
                    "changde.perfmgmt.reporting.annual.publicity_facts",
                    publicity_query(year, kind),
                    f"column/{section}?year={year}",
                ),
            )
        for key, label, note in (
            ("held", "已举办培训期数", f"结束于{today.isoformat()}之前"),
            ("planned", "已安排培训期数", f"{today.isoformat()}及以后结束"),
        ):
            add(
                "training_events" if key == "held" else "training_planned",
                label,
                training[key],
                "",
                source(
                    "changde.perfmgmt.reporting.annual.publicity_facts",
                    training_query(year),
                    f"column/training?year={year}",
                    note,
                ),
            )

    # assessment and subsidies (R-M3, R-M7)
    assessment, subsidies = assessment_facts(year)
    facts["assessment"] = assessment
    facts["subsidies"] = subsidies
    if assessment is not None:
        assessment_src = source(
            "changde.perfmgmt.reporting.annual.assessment_facts",
            {"portal_type": "AssessmentCard", "year": year},
        )
        add("assessment_cards", "考核对象数", assessment["cards"], "", assessment_src)
        add(
            "assessment_average",
            "考核平均得分",
            assessment["average"],
            "分",
            assessment_src,
        )
        if subsidies is not None:
            add(
                "subsidies_total",
                "信息化建设补助合计",
                rules.wan_yuan(subsidies),
                "万元",
                source("changde.perfmgmt.assessment.rules.subsidies"),
            )

    # the plan's measures (R-M14)
    plan, measures = plan_measures(year)
    facts["measures"] = measures
    facts["plan"] = plan.absolute_url() if plan is not None else None
    if measures:
        counts = status_counts(row["status"] for row in measures)
        plan_src = source(
            "changde.perfmgmt.reporting.annual.plan_measures",
            {"portal_type": "PlanMeasure", "path": "/".join(plan.getPhysicalPath())},
            plan.absolute_url(),
        )
        add("measures_total", "工作方案措施数", len(measures), "", plan_src)
        for status, count in counts.items():
            add(
                f"measures_{status}",
                f"措施状态“{rules.STATUS_LABELS[status]}”",
                count,
                "",
                plan_src,
            )

    rules.number_figures(figures)
    return figures, facts


def draft(year, audience, today=None):
    """The draft of the report: title, sections, numbered figures."""
    figures, facts = gather(year, today=today)
    sections = rules.draft_sections(year, audience, figures, facts)
    return {
        "year": year,
        "audience": audience,
        "title": rules.title_of(year, audience),
        "addressee": rules.addressee(audience),
        "has_data": rules.has_data(facts),
        "sections": sections,
        "figures": figures,
        "facts": facts,
    }


def _escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def sections_html(sections):
    """The sections as the editor's HTML: headings, paragraphs with the
    figure references as superscripts, tables."""
    import re

    parts = []
    for section in sections:
        if section.heading:
            parts.append(f"<h2>{_escape(section.heading)}</h2>")
        for paragraph in section.paragraphs:
            text = re.sub(r"\[(\d+)\]", r"<sup>[\1]</sup>", _escape(paragraph))
            parts.append(f"<p>{text}</p>")
        if section.table:
            rows = []
            for index, row in enumerate(section.table):
                cell = "th" if index == 0 else "td"
                rows.append(
                    "<tr>"
                    + "".join(f"<{cell}>{_escape(str(c))}</{cell}>" for c in row)
                    + "</tr>"
                )
            parts.append("<table>" + "".join(rows) + "</table>")
    return "\n".join(parts)


def figures_json(figures):
    return [figure.as_dict() for figure in figures.values()]


def create_report(container, year, audience, today=None):
    """Draft the report of ``year`` for ``audience`` into ``container``."""
    today = today or today_in_china()
    drafted = draft(year, audience, today=today)
    base = f"annual-report-{year}-{audience.replace('_', '-')}"
    id = base
    number = 1
    while id in container.objectIds():
        number += 1
        id = f"{base}-{number}"
    report = api.content.create(
        container=container,
        type="AnnualReport",
        id=id,
        title=drafted["title"]
        + ("" if audience == "city_government" else "(人大常委会)"),
        year=year,
        audience=audience,
        addressee=drafted["addressee"],
        body=RichTextValue(
            sections_html(drafted["sections"]), "text/html", "text/x-html-safe"
        ),
        issued_on=today,
    )
    report.figures = figures_json(drafted["figures"])
    report.drafted_at = now_in_china().isoformat(timespec="seconds")
    repository = getToolByName(report, "portal_repository", None)
    if (
        repository is not None
        and repository.isVersionable(report)
        and not repository.getHistoryMetadata(report)
    ):
        repository.save(obj=report, comment="系统起草")
    return report, drafted
