"""Install step of the reporting module: the reporting area (``reporting``),
its document templates (the Word files in ``templates/``) and the 2019 work
plan with its 14 measures exactly as the plan states them
(``data/work_plan_2019.json``; tests compare it with the plan's text).
Running it again creates nothing twice and changes nothing the office edited.
"""

import json
from pathlib import Path

from plone import api
from plone.namedfile.file import NamedBlobFile

from changde.perfmgmt.reporting.rules.figures import DOCUMENT_KINDS

FOLDER_ID = "reporting"
FOLDER_TITLE = "报告与文书"
DATA = Path(__file__).with_name("data")
TEMPLATES = Path(__file__).with_name("templates")

TEMPLATE_TITLES = {
    "annual_report": "年度预算绩效管理工作报告(模板)",
    "goal_form": "项目支出绩效目标申报表(模板)",
    "feedback_notice": "预算绩效评价结果反馈通知书(模板)",
    "leadership_report": "运行监控情况报告(模板)",
}
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def template_id(kind):
    return f"template-{kind.replace('_', '-')}"


def default_template(kind):
    """The Word template the module ships for ``kind`` (bytes)."""
    return (TEMPLATES / f"{kind}.docx").read_bytes()


def plan_data(year=2019):
    return json.loads((DATA / f"work_plan_{year}.json").read_text(encoding="utf-8"))


def plan_id(year):
    return f"work-plan-{year}"


def reporting_folder(portal=None, create=True):
    """The reporting area in the site root (created when missing)."""
    portal = portal or api.portal.get()
    folder = portal.get(FOLDER_ID)
    if folder is None and create:
        with api.env.adopt_roles(["Manager"]):
            api.content.create(
                container=portal,
                type="ReportingFolder",
                id=FOLDER_ID,
                title=FOLDER_TITLE,
                description="工作方案各项措施、年度预算绩效管理工作报告和各类文书模板。",
            )
        folder = portal[FOLDER_ID]
    return folder


def ensure_templates(folder):
    for kind in DOCUMENT_KINDS:
        id = template_id(kind)
        if id in folder.objectIds():
            continue
        api.content.create(
            container=folder,
            type="DocumentTemplate",
            id=id,
            title=TEMPLATE_TITLES[kind],
            document_kind=kind,
            template_file=NamedBlobFile(
                data=default_template(kind),
                contentType=DOCX,
                filename=f"{id}.docx",
            ),
        )


def create_plan(folder, data):
    """The plan of ``data`` with its measures (what exists is left alone)."""
    id = plan_id(data["year"])
    if id not in folder.objectIds():
        api.content.create(
            container=folder,
            type="WorkPlan",
            id=id,
            title=data["title"],
            year=data["year"],
        )
    plan = folder[id]
    for measure in data["measures"]:
        measure_id = f"measure-{measure['number']}"
        if measure_id in plan.objectIds():
            continue
        api.content.create(
            container=plan,
            type="PlanMeasure",
            id=measure_id,
            title=measure["title"],
            number=measure["number"],
            text=measure["text"],
            leader=measure["leader"],
            offices=list(measure["offices"]),
            status=measure.get("status", "not_started"),
            module=measure.get("module") or "none",
            link=measure.get("link") or None,
            progress_notes=list(measure.get("progress_notes", [])),
        )
    return plan


def post_install(context):
    """Post handler of changde.perfmgmt.reporting:default."""
    with api.env.adopt_roles(["Manager"]):
        folder = reporting_folder(api.portal.get())
        ensure_templates(folder)
        create_plan(folder, plan_data(2019))
