"""Shared set-up of the assessment tests: the test city, an approved project
with indicators of each kind of the self-evaluation, the year's monitoring
rounds with a final-round record, and helpers."""

from datetime import UTC
from datetime import datetime
from decimal import Decimal

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

from changde.perfmgmt.core.relations import relation_to
from changde.perfmgmt.testing import create_city

YEAR = 2026
#: the tests' moment (frozen_clock): December of the year, before the
#: self-evaluations' due day (30 April of the next year)
WHEN = datetime(2026, 12, 6, 4, 0, tzinfo=UTC)

#: title, level 1/level 2, comparator, target, actual, weight
INDICATORS = (
    ("改造薄弱学校数量", "产出指标/数量指标", "ge", "20", "18", "20"),
    ("工程验收合格率", "产出指标/质量指标", "eq", "100", "100", "15"),
    ("资金拨付及时率", "产出指标/时效指标", "ge", "95", "95", "15"),
    ("适龄儿童入学率", "效益指标/社会效益指标", "eq", "100", "100", "20"),
    (
        "城乡教育均衡水平",
        "效益指标/社会效益指标",
        "qualitative",
        "明显提升",
        "明显提升",
        "20",
    ),
    ("学生及家长满意度", "满意度指标/服务对象满意度指标", "ge", "90", "93", "10"),
)


def do(obj, *transitions, **kwargs):
    workflow = api.portal.get_tool("portal_workflow")
    for transition in transitions:
        workflow.doActionFor(obj, transition, **kwargs)
    return obj


def create_project(unit, id="p1", indicators=INDICATORS, actuals=True, approve=True):
    from plone.app.textfield.value import RichTextValue

    project = api.content.create(
        container=unit,
        type="BudgetProject",
        id=id,
        title="义务教育薄弱环节改善与能力提升",
        project_code=f"2026-{id}",
        year=YEAR,
        budget_kind="general_public",
        amount=Decimal("3600000"),
        performance_goal=RichTextValue("<p>改造薄弱学校 20 所。</p>"),
        pre_evaluation_result="none",
    )
    for number, (title, pair, comparator, target, actual, weight) in enumerate(
        indicators, start=1
    ):
        level1, level2 = pair.split("/")
        api.content.create(
            container=project,
            type="Indicator",
            id=f"indicator-{number}",
            title=title,
            level1=level1,
            level2=level2,
            quantifiable=comparator != "qualitative",
            comparator=comparator,
            target_value=target,
            unit="",
            weight=Decimal(weight),
            actual_value=actual if actuals else None,
        )
    if approve:
        do(project, "submit", "review", "approve")
    return project


def create_rounds(year=YEAR):
    from changde.perfmgmt.monitoring.rounds import create_year_rounds
    from changde.perfmgmt.monitoring.rounds import monitoring_folder

    folder = monitoring_folder(api.portal.get())
    create_year_rounds(year, folder)
    return folder[f"{year}-1"], folder[f"{year}-2"]


def add_record(monitoring_round, project, budget="3600000", executed="3420000"):
    from changde.perfmgmt.monitoring import importer

    rows = [
        {
            "project": project.UID(),
            "budget_amount": budget,
            "executed_amount": executed,
            "severity": "none",
        }
    ]
    plans, problems = importer.check_rows(monitoring_round, rows)
    assert not problems, problems
    (result,) = importer.apply_rows(monitoring_round, plans)
    return monitoring_round[result["@id"].rsplit("/", 1)[1]]


def set_up(portal):
    """The city, an approved project of unit A with its actual values, the
    rounds of 2026 and a final-round record (95 % executed)."""
    setRoles(portal, TEST_USER_ID, ["Manager"])
    city = create_city(portal)
    project = create_project(city["unit_a"])
    first, final = create_rounds()
    add_record(first, project, executed="2000000")
    record = add_record(final, project)
    return city, project, record


def create_report(project, id="self-p1", kind="self", **fields):
    from changde.perfmgmt.evaluation.folders import evaluation_folder

    values = {
        "title": f"{project.Title()} 2026年度单位自评",
        "evaluation_kind": kind,
        "year": project.year,
        "project": relation_to(project),
    }
    values.update(fields)
    return api.content.create(
        container=evaluation_folder(), type="EvaluationReport", id=id, **values
    )
