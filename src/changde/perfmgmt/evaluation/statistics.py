"""The year's evaluations, negative list and result application from the
catalog, for the annual report and the dashboards: reports by kind, the
grades of the results the office approved (approved, fed back, published),
negative-list entries by state, and the stored result-application run's
recommendations by action with what became of its proposals. Unrestricted:
the numbers are the city's. Nothing is woken but the run's folder.
"""

from plone import api

from changde.perfmgmt.evaluation.folders import evaluation_folder
from changde.perfmgmt.evaluation.reports import RESULT_STATES
from changde.perfmgmt.evaluation.rules.application import ACTIONS
from changde.perfmgmt.evaluation.rules.grades import GRADES
from changde.perfmgmt.evaluation.rules.kinds import EVALUATION_KINDS
from changde.perfmgmt.evaluation.rules.negative_list import NEGATIVE_LIST_REASONS


def _search(**query):
    return api.portal.get_tool("portal_catalog").unrestrictedSearchResults(**query)


def report_query(year):
    return {"portal_type": "EvaluationReport", "year": year}


def evaluation_counts(year):
    """Reports of ``year`` by kind; grades of its approved results."""
    by_kind = dict.fromkeys(EVALUATION_KINDS, 0)
    by_grade = dict.fromkeys(GRADES, 0)
    total = 0
    for brain in _search(**report_query(year)):
        total += 1
        if brain.evaluation_kind in by_kind:
            by_kind[brain.evaluation_kind] += 1
        if brain.review_state in RESULT_STATES and brain.evaluation_grade in by_grade:
            by_grade[brain.evaluation_grade] += 1
    return {"year": year, "reports": total, "by_kind": by_kind, "by_grade": by_grade}


def negative_list_query(year):
    return {"portal_type": "NegativeListEntry", "year": year}


def negative_list_counts(year):
    """Negative-list entries of ``year`` by state and, listed, by reason."""
    by_state = {"proposed": 0, "listed": 0, "released": 0, "rejected": 0}
    by_reason = dict.fromkeys(NEGATIVE_LIST_REASONS, 0)
    total = 0
    for brain in _search(**negative_list_query(year)):
        total += 1
        by_state[brain.review_state] = by_state.get(brain.review_state, 0) + 1
        if brain.review_state == "listed" and brain.negative_reason in by_reason:
            by_reason[brain.negative_reason] += 1
    return {
        "year": year,
        "entries": total,
        "by_state": by_state,
        "by_reason": by_reason,
    }


def application_summary(year):
    """The year's stored result-application run: projects, recommendations
    by action, negative-list proposals and how many of them the office
    confirmed (listed); None when the run was never made."""
    from changde.perfmgmt.evaluation.application import stored_run

    folder = evaluation_folder(create=False)
    run = stored_run(folder, year) if folder is not None else None
    if run is None:
        return None
    by_action = dict.fromkeys(ACTIONS, 0)
    proposals = []
    for item in run["items"]:
        for recommendation in item["recommendations"]:
            if recommendation["action"] in by_action:
                by_action[recommendation["action"]] += 1
        proposals.extend(
            proposal["entry"]
            for proposal in item["negative_list_proposals"]
            if proposal.get("entry")
        )
    confirmed = 0
    if proposals:
        confirmed = len(
            _search(
                portal_type="NegativeListEntry", UID=proposals, review_state="listed"
            )
        )
    return {
        "year": year,
        "run_at": run.get("run_at"),
        "projects": len(run["items"]),
        "recommendations": sum(by_action.values()),
        "by_action": by_action,
        "proposals": len(proposals),
        "confirmed": confirmed,
    }
