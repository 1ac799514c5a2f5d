"""What the assessment module's demo data (``demo/*.yaml``, read by the one
loader, :mod:`changde.perfmgmt.core.demo`) asks of its own rules through
``call`` entries: the year-end actual values of a project's indicators (named
by title), the final monitoring round's records, a report's scorecard
entries (indicators named ``<code>/@<title>``), an expert's account, the
years the districts' systems went in use, and the year's assessment cards,
pre-filled and completed by hand where the system holds nothing.

Every function is idempotent: what is already there is left alone, so a
second run creates nothing.
"""

from plone import api
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

from changde.perfmgmt.assessment import yearly
from changde.perfmgmt.assessment.actuals import indicators_of
from changde.perfmgmt.assessment.actuals import set_actual_values
from changde.perfmgmt.assessment.facts import report_facts
from changde.perfmgmt.assessment.scorecards import attach_template
from changde.perfmgmt.assessment.scorecards import default_template
from changde.perfmgmt.assessment.scorecards import has_card
from changde.perfmgmt.assessment.scorecards import refresh_card
from changde.perfmgmt.assessment.scorecards import save_entries
from changde.perfmgmt.core.relations import target_of
from changde.perfmgmt.core.relations import target_uid


def _at(portal, path):
    obj = portal.unrestrictedTraverse(path.strip("/"), None)
    if obj is None:
        raise ValueError(f"assessment demo data: nothing at {path}")
    return obj


def _entries(project, entries):
    """Entry keys naming an indicator by title (``3/@title``) as UIDs."""
    by_title = {i.Title(): i.UID() for i in indicators_of(project)}
    answer = {}
    for key, value in entries.items():
        code, _, title = str(key).partition("/@")
        answer[f"{code}/{by_title[title]}" if title else str(key)] = value
    return answer


def actual_values(path, values):
    """Set the actual values (``{indicator title: value}``) of the project at
    ``path`` that have none."""
    project = _at(api.portal.get(), path)
    by_title = {i.Title(): i for i in indicators_of(project)}
    rows = [
        {"indicator": by_title[title].UID(), "actual_value": str(value)}
        for title, value in values.items()
        if not by_title[title].actual_value
    ]
    if rows:
        set_actual_values(project, rows)


def final_round_records(year, records):
    """Records of the year's final round (``project`` a path; ``submit``:
    the unit submits it) for the projects that have none there."""
    from changde.perfmgmt.monitoring import importer
    from changde.perfmgmt.monitoring.rounds import existing_records
    from changde.perfmgmt.monitoring.rounds import monitoring_folder

    portal = api.portal.get()
    final = monitoring_folder(portal).get(f"{year}-2")
    if final is None:
        return
    have = existing_records(final)
    rows, submit = [], set()
    for spec in records:
        project = _at(portal, spec["project"])
        if project.UID() in have:
            continue
        rows.append(
            {
                "project": project.UID(),
                "budget_amount": str(spec["budget_amount"]),
                "executed_amount": str(spec["executed_amount"]),
                "severity": "none",
            }
        )
        if spec.get("submit"):
            submit.add(project.UID())
    if not rows:
        return
    plans, problems = importer.check_rows(final, rows)
    if problems:
        raise ValueError(f"assessment demo data: {problems}")
    workflow = api.portal.get_tool("portal_workflow")
    for result in importer.apply_rows(final, plans):
        record = final[result["@id"].rsplit("/", 1)[1]]
        if target_uid(record.project) in submit:
            workflow.doActionFor(record, "submit")


def score_card(path, entries):
    """Give the report at ``path`` its scorecard entries (the template of its
    kind and year attached first if it has none); a report past draft keeps
    the facts it is scored on. Left alone once it has entries."""
    report = _at(api.portal.get(), path)
    if report.scorecard_entries:
        return
    if not has_card(report):
        template = default_template(report.evaluation_kind, report.year)
        if template is None:
            return
        attach_template(report, template)
    project = target_of(report.project)
    entries = _entries(project, entries)
    if api.content.get_state(report) == "draft":
        save_entries(report, entries)
        return
    report.scorecard_entries = entries
    report._card_facts = report_facts(report).as_dict()
    refresh_card(report)
    report.reindexObject()


def link_account(path, username):
    """The library member at ``path`` writes reports as ``username``."""
    member = _at(api.portal.get(), path)
    if not getattr(member, "user_id", None):
        member.user_id = username
        notify(ObjectModifiedEvent(member))


def it_system_years(years):
    """``{jurisdiction id: year}`` its system was put in use (if not set)."""
    portal = api.portal.get()
    for jurisdiction_id, year in years.items():
        jurisdiction = portal.get(jurisdiction_id)
        if jurisdiction is not None and not getattr(
            jurisdiction, "it_system_year", None
        ):
            jurisdiction.it_system_year = year


def assessment(year, spec):
    """Create the year's missing cards, pre-filled; enter by hand what the
    system holds nothing for (``spec``: entries by unit path or district
    id, defaults, the note); confirm and, with ``publish``, publish them."""
    created = yearly.create_cards(year)
    workflow = api.portal.get_tool("portal_workflow")
    for card in created:
        target = card.target.to_object
        if card.assessment_kind == "unit":
            key = f"{target.aq_parent.getId()}/{target.getId()}"
            given = spec.get("unit_entries", {}).get(key, {})
            defaults = spec["unit_defaults"]
        else:
            given = spec.get("district_entries", {}).get(target.getId(), {})
            defaults = spec["district_defaults"]
        entries = {}
        for line in yearly.card_result(card).lines:
            if line.id in given:
                entries[line.id] = {"points": str(given[line.id]), "note": spec["note"]}
            elif line.prefilled is None:
                entries[line.id] = {
                    "points": str(defaults[line.id]),
                    "note": spec["note"],
                }
        card.entries = entries
        yearly.update_total(card)
        workflow.doActionFor(card, "confirm")
        if spec.get("publish"):
            workflow.doActionFor(card, "publish")
