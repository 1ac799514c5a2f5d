"""Result application (结果应用, R-M10) on the Plone side: a yearly run that
gathers each approved project's facts from the catalog, asks the rules for
recommendations and negative-list proposals, stores the run on the
evaluation folder (``result_runs``: {year: run}) and proposes the entries
(status proposed; the office confirms them).

Facts of a project for the year Y:

- final-round execution rates: for each year, the project's record in the
  highest round of that year (records are matched by project code, or by UID
  when the project has no code, so last year's declaration of the same project
  counts);
- a serious monitoring problem: a record of year Y flagged ``suspension``;
  rectified when every rectification item naming those records is accepted
  (and there is at least one);
- the key-evaluation grade: the latest key evaluation of year Y approved or
  later; its rectification rate and last deadline;
- unclear goals, ineffective funds, overlap or fragmentation, idle months:
  the office's findings (fields only the office writes, on the report's
  绩效科认定 tab) on the project's reports of year Y that the office approved
  (approved, fed back or published) — its key evaluations and
  pre-evaluations, and what it marked on a unit's self-evaluation after
  reviewing it. A draft's marks, or anything a unit or an expert writes,
  never count.
"""

from BTrees.OOBTree import OOBTree
from persistent.mapping import PersistentMapping
from plone import api
from zope.i18n import translate

from changde.perfmgmt.core.rules.clock import now_in_china
from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.core.tenancy import tenancy_values
from changde.perfmgmt.evaluation.negative_list import propose_entry
from changde.perfmgmt.evaluation.rectification import report_rectification
from changde.perfmgmt.evaluation.reports import RESULT_STATES
from changde.perfmgmt.evaluation.rules.application import ProjectResultFacts
from changde.perfmgmt.evaluation.rules.application import recommendations_for
from changde.perfmgmt.evaluation.rules.negative_list import negative_list_proposals
from changde.perfmgmt.evaluation.settings import rectification_settings
from changde.perfmgmt.evaluation.settings import result_application_settings
from changde.perfmgmt.evaluation.vocabularies import ACTION_TITLES
from changde.perfmgmt.evaluation.vocabularies import REASON_TITLES
from changde.perfmgmt.i18n import _
from changde.perfmgmt.monitoring.summary import brain_rate


def _text(value):
    return None if value is None else str(value)


def _unrestricted(**query):
    return api.portal.get_tool("portal_catalog").unrestrictedSearchResults(**query)


def _records_query(project):
    code = getattr(project, "project_code", None)
    if code:
        return {"portal_type": "MonitoringRecord", "project_code": code}
    return {"portal_type": "MonitoringRecord", "project_uid": project.UID()}


def final_round_numbers():
    """{year: highest round number} of the monitoring rounds."""
    finals = {}
    for brain in _unrestricted(portal_type="MonitoringRound"):
        monitoring_round = brain._unrestrictedGetObject()
        year, number = monitoring_round.year, monitoring_round.round_number
        if year and number and number > finals.get(year, 0):
            finals[year] = number
    return finals


def project_facts(project, year, finals, as_of):
    """:class:`rules.ProjectResultFacts` of ``project`` for ``year`` and the
    sources they come from."""
    records = _unrestricted(**_records_query(project))
    rates, serious = {}, []
    for brain in records:
        if brain.year in finals and brain.round_number == finals[brain.year]:
            rate = brain_rate(brain)
            if rate is not None:
                rates[brain.year] = rate
        if brain.year == year and "suspension" in (brain.monitoring_flags or ()):
            serious.append(brain.UID)
    rectified = False
    if serious:
        items = _unrestricted(portal_type="RectificationItem", source_uid=serious)
        rectified = bool(items) and all(
            brain.review_state == "accepted" for brain in items
        )
    reports = sorted(
        _unrestricted(
            portal_type="EvaluationReport",
            project_uid=project.UID(),
            year=year,
            review_state=list(RESULT_STATES),
        ),
        key=lambda brain: brain.modified,
    )
    findings = [brain._unrestrictedGetObject() for brain in reports]
    keys = [report for report in findings if report.evaluation_kind == "key"]
    key = keys[-1] if keys else None
    rate = deadline = None
    if key is not None:
        total, accepted, rate, deadline = report_rectification(key)
    idle = [r.funds_idle_months for r in findings if r.funds_idle_months is not None]
    facts = ProjectResultFacts(
        year=year,
        goals_unclear=any(report.goals_unclear for report in findings),
        final_execution_rates=rates,
        serious_monitoring_problem=bool(serious),
        monitoring_problem_rectified=rectified,
        key_evaluation_grade=key.grade if key is not None else None,
        ineffective=any(report.ineffective for report in findings),
        overlapping_or_fragmented=any(
            report.overlapping_or_fragmented for report in findings
        ),
        funds_idle_months=max(idle) if idle else None,
        rectification_rate=rate,
        rectification_deadline=deadline,
        as_of=as_of,
    )
    sources = {
        "key_evaluation": key.UID() if key is not None else None,
        "monitoring_records": serious,
        "reports": [report.UID() for report in findings],
    }
    return facts, sources


def recommendation_info(recommendation, request):
    # msgid = the rule's id, default = its English reason (the rules' messages
    # are extracted into the catalogue by scripts/extract_rule_messages.py)
    message = _(
        recommendation.rule,
        default=recommendation.reason_default,
        mapping=dict(recommendation.as_dict()["params"]),
    )
    return {
        "rule": recommendation.rule,
        "action": recommendation.action,
        "action_title": translate(
            ACTION_TITLES[recommendation.action], context=request
        ),
        "reason": translate(message, context=request),
        "params": recommendation.as_dict()["params"],
    }


def _proposal_source(reason, sources):
    if reason == "serious_monitoring_problem" and sources["monitoring_records"]:
        return sources["monitoring_records"][0]
    if reason == "poor_evaluation_inadequate_rectification":
        return sources["key_evaluation"]
    if reason == "unclear_goals" and sources["reports"]:
        return sources["reports"][-1]
    return None


def run_result_application(year, folder, request, as_of=None, propose=True, user=None):
    """Run the year's result application; store and answer the run."""
    settings = result_application_settings()
    rectification = rectification_settings()
    as_of = as_of or today_in_china()
    finals = final_round_numbers()
    items = []
    for brain in _unrestricted(
        portal_type="BudgetProject",
        year=year,
        review_state="approved",
        sort_on="sortable_title",
    ):
        project = brain._unrestrictedGetObject()
        facts, sources = project_facts(project, year, finals, as_of)
        tenancy = tenancy_values(project)
        recommendations = recommendations_for(facts, settings)
        proposals = negative_list_proposals(facts, settings, rectification)
        proposed = []
        for reason, params in proposals:
            entry = None
            if propose:
                detail = "; ".join(f"{k}={v}" for k, v in sorted(params.items()))
                entry, created = propose_entry(
                    project.UID(),
                    reason,
                    year,
                    source=_proposal_source(reason, sources),
                    detail=detail,
                )
            proposed.append(
                {
                    "reason": reason,
                    "reason_title": translate(REASON_TITLES[reason], context=request),
                    "params": {k: _text(v) for k, v in params.items()},
                    "entry": entry.UID() if entry is not None else None,
                    "entry_state": api.content.get_state(entry) if entry else None,
                }
            )
        items.append(
            {
                "project": project.UID(),
                "title": project.Title(),
                "project_code": getattr(project, "project_code", None),
                "budget_unit": tenancy.get("budget_unit"),
                "unit_title": tenancy.get("unit_title"),
                "jurisdiction": tenancy.get("jurisdiction"),
                "jurisdiction_title": tenancy.get("jurisdiction_title"),
                "url": project.absolute_url(),
                "facts": {
                    "final_execution_rates": {
                        str(k): _text(v)
                        for k, v in sorted(facts.final_execution_rates.items())
                    },
                    "serious_monitoring_problem": facts.serious_monitoring_problem,
                    "monitoring_problem_rectified": facts.monitoring_problem_rectified,
                    "key_evaluation_grade": facts.key_evaluation_grade,
                    "rectification_rate": _text(facts.rectification_rate),
                    "rectification_deadline": facts.rectification_deadline.isoformat()
                    if facts.rectification_deadline
                    else None,
                    "goals_unclear": facts.goals_unclear,
                    "ineffective": facts.ineffective,
                    "overlapping_or_fragmented": facts.overlapping_or_fragmented,
                    "funds_idle_months": facts.funds_idle_months,
                },
                "recommendations": [
                    recommendation_info(each, request) for each in recommendations
                ],
                "negative_list_proposals": proposed,
            }
        )
    run = {
        "year": year,
        "run_at": now_in_china().isoformat(timespec="seconds"),
        "as_of": as_of.isoformat(),
        "by": user,
        "settings": {
            "low_execution_rate": _text(settings.low_execution_rate),
            "low_execution_years": settings.low_execution_years,
            "idle_funds_months": settings.idle_funds_months,
            "rectification_target_rate": _text(rectification.target_rate),
        },
        "items": items,
    }
    runs = folder.result_runs
    if runs is None:
        runs = folder.result_runs = OOBTree()
    runs[year] = PersistentMapping(run)
    return run


def stored_run(folder, year):
    runs = folder.result_runs
    if runs is None or year not in runs:
        return None
    return dict(runs[year])


def filter_run(run, action=None, project=None):
    if run is None:
        return None
    items = run["items"]
    if project:
        items = [item for item in items if item["project"] == project]
    if action:
        items = [
            item
            for item in items
            if any(rec["action"] == action for rec in item["recommendations"])
        ]
    return {**run, "items": items, "items_total": len(items)}
