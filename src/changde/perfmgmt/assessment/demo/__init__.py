"""Demo data of the assessment module, from ``demo.json`` in this folder
(called by :func:`changde.perfmgmt.demo.load_demo`, after the other modules'
demo data):

- the year-end actual values of three approved 2026 projects and the final
  monitoring round's records (round 2) of six;
- 市教育局's self-evaluation of 义务教育薄弱环节改善与能力提升, scored from those
  facts (execution 87 %, explained; the qualitative indicator judged by the
  unit), total and grade computed;
- the published key evaluation scored on the Hunan project scorecard (its
  total is the 86.5 the report was given), and a draft key evaluation the
  demo expert (``expert``) is filling in;
- the year each district's system went in use (the subsidy table);
- the 2026 assessment cards of every municipal unit and district,
  pre-filled, completed by hand where the system holds nothing, published.

Idempotent: what exists is left alone (a second run creates nothing).
"""

import json
import logging
from pathlib import Path

from plone import api
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

from changde.perfmgmt.assessment import yearly
from changde.perfmgmt.assessment.actuals import indicators_of
from changde.perfmgmt.assessment.actuals import set_actual_values
from changde.perfmgmt.assessment.browser.scorecard import save_entries
from changde.perfmgmt.assessment.facts import report_facts
from changde.perfmgmt.assessment.scorecards import attach_template
from changde.perfmgmt.assessment.scorecards import default_template
from changde.perfmgmt.assessment.scorecards import has_card
from changde.perfmgmt.assessment.scorecards import refresh_card

logger = logging.getLogger("changde.perfmgmt.assessment")

DATA = Path(__file__).parent / "demo.json"
PASSWORD = "demo-password"


def demo_data():
    return json.loads(DATA.read_text(encoding="utf-8"))


def _count(counts, name, number=1):
    if number:
        counts[name] = counts.get(name, 0) + number


def _at(portal, path):
    obj = portal
    for part in path.split("/"):
        obj = obj.get(part) if obj is not None else None
    return obj


def _entries(project, entries):
    """Entry keys naming an indicator by title (``3/@title``) as UIDs."""
    by_title = {i.Title(): i.UID() for i in indicators_of(project)}
    answer = {}
    for key, value in entries.items():
        code, _, title = key.partition("/@")
        answer[f"{code}/{by_title[title]}" if title else key] = value
    return answer


def _actual_values(portal, data):
    for path, values in data["actual_values"].items():
        project = _at(portal, path)
        if project is None:
            continue
        by_title = {i.Title(): i for i in indicators_of(project)}
        rows = [
            {"indicator": by_title[title].UID(), "actual_value": value}
            for title, value in values.items()
            if title in by_title and not by_title[title].actual_value
        ]
        if rows:
            set_actual_values(project, rows)


def _final_round(portal, data, counts):
    from changde.perfmgmt.monitoring import importer
    from changde.perfmgmt.monitoring.rounds import existing_records
    from changde.perfmgmt.monitoring.rounds import monitoring_folder

    final = monitoring_folder(portal).get(f"{data['year']}-2")
    if final is None:
        return
    have = existing_records(final)
    rows, submit = [], set()
    for spec in data["final_round_records"]:
        project = _at(portal, spec["project"])
        if project is None or project.UID() in have:
            continue
        rows.append(
            {
                "project": project.UID(),
                "budget_amount": spec["budget_amount"],
                "executed_amount": spec["executed_amount"],
                "severity": "none",
            }
        )
        if spec.get("submit"):
            submit.add(project.UID())
    if not rows:
        return
    plans, problems = importer.check_rows(final, rows)
    if problems:
        bad = {problem.row for problem in problems}
        plans = [plan for plan in plans if plan.row.row not in bad]
    results = importer.apply_rows(final, plans)
    workflow = api.portal.get_tool("portal_workflow")
    for result in results:
        record = final[result["@id"].rsplit("/", 1)[1]]
        if record.project in submit:
            workflow.doActionFor(record, "submit")
    _count(counts, "MonitoringRecord", len(results))


def _self_evaluation(portal, data, folder, counts):
    spec = data["self_evaluation"]
    project = _at(portal, spec["project"])
    if project is None or spec["id"] in folder:
        return
    report = api.content.create(
        container=folder,
        type="EvaluationReport",
        id=spec["id"],
        title=spec["title"],
        evaluation_kind="self",
        year=data["year"],
        project=project.UID(),
    )
    _count(counts, "EvaluationReport")
    if has_card(report):
        save_entries(report, _entries(project, spec["entries"]))


def _key_evaluation(data, folder):
    spec = data["key_evaluation"]
    report = folder.get(spec["report"])
    if report is None or has_card(report):
        return
    template = default_template("key", report.year)
    if template is None:
        return
    attach_template(report, template)
    project = api.content.get(UID=report.project)
    report.scorecard_entries = _entries(project, spec["entries"])
    # the report is past draft: its card reads the facts it was scored on
    report._card_facts = report_facts(report).as_dict()
    refresh_card(report)
    report.reindexObject()


def _expert_evaluation(portal, data, folder, counts):
    spec = data["expert_evaluation"]
    project = _at(portal, spec["project"])
    expert = _at(portal, f"expert-library/{spec['expert']}")
    if project is None or expert is None or spec["id"] in folder:
        return
    username, fullname = spec["user"]
    if api.user.get(username=username) is None:
        api.user.create(
            email=f"{username}@example.org",
            username=username,
            password=PASSWORD,
            properties={"fullname": fullname},
        )
        _count(counts, "users")
    if not getattr(expert, "user_id", None):
        expert.user_id = username
        notify(ObjectModifiedEvent(expert))
    report = api.content.create(
        container=folder,
        type="EvaluationReport",
        id=spec["id"],
        title=spec["title"],
        evaluation_kind="key",
        year=data["year"],
        project=project.UID(),
        experts=[expert.UID()],
    )
    _count(counts, "EvaluationReport")
    if has_card(report):
        save_entries(report, _entries(project, spec["entries"]))


def _it_system_years(portal, data):
    for jurisdiction_id, year in data["it_system_years"].items():
        jurisdiction = portal.get(jurisdiction_id)
        if jurisdiction is not None and not getattr(
            jurisdiction, "it_system_year", None
        ):
            jurisdiction.it_system_year = year


def _assessment(portal, data, counts):
    spec = data["assessment"]
    created = yearly.create_cards(data["year"])
    _count(counts, "AssessmentCard", len(created))
    workflow = api.portal.get_tool("portal_workflow")
    for card in created:
        target = card.target.to_object
        kind = card.assessment_kind
        if kind == "unit":
            key = f"{target.aq_parent.getId()}/{target.getId()}"
            given = spec["entries"].get(key, {})
            defaults = spec["unit_defaults"]
        else:
            given = {
                criterion: {"points": points}
                for criterion, points in spec["district_entries"]
                .get(target.getId(), {})
                .items()
            }
            defaults = spec["district_defaults"]
        result = yearly.card_result(card)
        entries = {}
        for line in result.lines:
            if line.id in given:
                entries[line.id] = {"note": spec["note"], **given[line.id]}
            elif line.prefilled is None:
                entries[line.id] = {"points": defaults[line.id], "note": spec["note"]}
        card.entries = entries
        yearly.update_total(card)
        workflow.doActionFor(card, "confirm")
        if spec.get("publish"):
            workflow.doActionFor(card, "publish")


def load_demo(portal, folders=None, counts=None):
    """Create what is missing of this module's demo data; add to counts."""
    from changde.perfmgmt.evaluation.folders import evaluation_folder

    counts = {} if counts is None else counts
    data = demo_data()
    with api.env.adopt_roles(["Manager"]):
        folder = evaluation_folder(portal)
        _actual_values(portal, data)
        _final_round(portal, data, counts)
        _self_evaluation(portal, data, folder, counts)
        _key_evaluation(data, folder)
        _expert_evaluation(portal, data, folder, counts)
        _it_system_years(portal, data)
        _assessment(portal, data, counts)
    return counts
