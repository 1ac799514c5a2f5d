"""Demo data of the evaluation module (called by changde.perfmgmt.demo.load_demo).

For the approved demo projects of 2026: a key evaluation scored 86.5 (良) by a
library agency and expert, fed back with two rectification items (one
accepted, one open) and published on the performance column; a
pre-evaluation (approved, passed) of a project whose pre-evaluation had
passed; a draft self-evaluation; one listed negative-list entry (a project whose
monitoring found a serious problem); and that project's declaration for the
next year, a draft whose submission the negative list refuses (its page shows
the gates' verdict with the reason). Idempotent: what exists (by id) is left
alone.
"""

import datetime
from decimal import Decimal

from plone import api

from changde.perfmgmt.evaluation.content.uids import object_of
from changde.perfmgmt.evaluation.folders import evaluation_folder
from changde.perfmgmt.evaluation.negative_list import negative_list_folder
from changde.perfmgmt.libraries.members import assignable_members

DEMO_YEAR = 2026
NEXT_YEAR = DEMO_YEAR + 1


def _count(counts, portal_type, number=1):
    counts[portal_type] = counts.get(portal_type, 0) + number


def _do(obj, *transitions, **kwargs):
    workflow = api.portal.get_tool("portal_workflow")
    for transition in transitions:
        workflow.doActionFor(obj, transition, **kwargs)


def _approved_projects():
    catalog = api.portal.get_tool("portal_catalog")
    return [
        brain._unrestrictedGetObject()
        for brain in catalog.unrestrictedSearchResults(
            portal_type="BudgetProject",
            year=DEMO_YEAR,
            review_state="approved",
            sort_on="getId",
        )
    ]


def _first_uid(portal_type):
    brains = assignable_members(portal_type)
    return brains[0].UID if brains else None


def _key_evaluation(folder, project, counts):
    if "demo-key-2026" in folder:
        return
    expert = _first_uid("Expert")
    report = api.content.create(
        container=folder,
        type="EvaluationReport",
        id="demo-key-2026",
        title=f"{project.Title()} {DEMO_YEAR}年度重点评价报告",
        evaluation_kind="key",
        year=DEMO_YEAR,
        project=project.UID(),
        score=Decimal("86.5"),
        evaluator_agency=_first_uid("Agency"),
        experts=[expert] if expert else [],
        findings="部分子项目开工滞后,资金支付进度慢于计划;个别指标未量化。",
        suggestions="加快项目实施和资金支付;细化量化绩效指标;完善资金管理办法。",
        indicator_actuals=[
            {
                "title": "项目完成率",
                "target_value": "100%",
                "actual_value": "92%",
                "met": False,
                "note": "2 个子项目顺延至次年一季度。",
            }
        ],
    )
    _count(counts, "EvaluationReport")
    deadline = datetime.date(DEMO_YEAR + 1, 6, 30)
    api.content.create(
        container=report,
        type="RectificationItem",
        id="item-1",
        problem="资金支付进度慢于计划",
        deadline=deadline,
    )
    second = api.content.create(
        container=report,
        type="RectificationItem",
        id="item-2",
        problem="个别绩效指标未量化",
        deadline=deadline,
    )
    _count(counts, "RectificationItem", 2)
    _do(report, "submit", "approve", "feed_back")
    second.measures = "已修订绩效目标表,全部指标量化。"
    _do(second, "submit", "accept")
    _do(report, "publish")


def _pre_evaluation(folder, projects, counts):
    if "demo-pre-2026" in folder:
        return
    passed = [p for p in projects if p.pre_evaluation_result == "passed"]
    project = passed[0] if passed else None
    report = api.content.create(
        container=folder,
        type="EvaluationReport",
        id="demo-pre-2026",
        title=f"{(project or projects[0]).Title()} 事前绩效评估报告",
        evaluation_kind="pre",
        year=DEMO_YEAR,
        project=(project or projects[0]).UID(),
        score=Decimal("82"),
        findings="立项必要,投入经济,绩效目标基本合理。",
        suggestions="进一步细化分年度实施计划。",
    )
    _count(counts, "EvaluationReport")
    if project is not None:
        # passed already: approving keeps the project's result as it is
        _do(report, "submit", "approve")


def _self_evaluation(folder, project, counts):
    if "demo-self-2026" in folder:
        return
    api.content.create(
        container=folder,
        type="EvaluationReport",
        id="demo-self-2026",
        title=f"{project.Title()} {DEMO_YEAR}年度单位自评",
        evaluation_kind="self",
        year=DEMO_YEAR,
        project=project.UID(),
        score=Decimal("91"),
        findings="目标基本完成。",
    )
    _count(counts, "EvaluationReport")


def _negative_entry(portal, projects, counts):
    folder = negative_list_folder(portal)
    if "demo-entry" in folder:
        return
    catalog = api.portal.get_tool("portal_catalog")
    serious = catalog.unrestrictedSearchResults(
        portal_type="MonitoringRecord", severity="serious"
    )
    target = serious[0].project_uid if serious else projects[-1].UID()
    entry = api.content.create(
        container=folder,
        type="NegativeListEntry",
        id="demo-entry",
        target=target,
        reason="serious_monitoring_problem",
        reason_detail="运行监控发现资金被挤占挪用,尚未整改到位。",
        source=serious[0].UID if serious else None,
        year=DEMO_YEAR,
    )
    _do(entry, "confirm")
    _count(counts, "NegativeListEntry")


def next_year_id(project):
    return f"{project.getId()}-{NEXT_YEAR}"


def _refused_next_year(portal, counts):
    """The listed project's declaration for the next year (same unit, same
    project code): a draft, left in draft because the negative list refuses
    its submission (trying it would doom the demo's transaction)."""
    folder = negative_list_folder(portal)
    entry = folder.get("demo-entry")
    project = object_of(entry.target) if entry is not None else None
    if project is None or project.portal_type != "BudgetProject":
        return
    unit = project.__parent__
    if next_year_id(project) in unit.objectIds():
        return
    copy = api.content.copy(source=project, target=unit, id=next_year_id(project))
    copy.year = NEXT_YEAR
    copy.title = f"{project.Title()}（{NEXT_YEAR}年申报）"
    copy.description = "已列入负面清单：提交申报被拒绝，原因见“提交前检查”。"
    copy.reindexObject()
    _count(counts, "BudgetProject")


def load_demo(portal, folders, counts):
    """Create what is missing of this module's demo data; add to counts."""
    with api.env.adopt_roles(["Manager"]):
        folder = evaluation_folder(portal)
        negative_list_folder(portal)
        projects = _approved_projects()
        if not projects:
            return
        _key_evaluation(folder, projects[0], counts)
        _pre_evaluation(folder, projects, counts)
        if len(projects) > 1:
            _self_evaluation(folder, projects[1], counts)
        _negative_entry(portal, projects, counts)
        _refused_next_year(portal, counts)
