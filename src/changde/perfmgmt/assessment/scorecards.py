"""Reports' scorecards on the Plone side (R-M4, R-M10).

A report with the ``changde.perfmgmt.scorecard`` behavior carries a
scorecard: the template it was given (a report created without a score gets
the active template of its kind and year), a copy of that template's criteria
taken when it was attached (``_card_rows``: the template can never change
under the report), the scorer's entries and the facts:

- while the report is a draft, the facts are read live (the project's
  indicators and actual values, the final monitoring round's record), and
  any change of them re-scores the report;
- once submitted, the facts are frozen on the report (``_card_facts``) as
  they were scored; returned to draft, they are read live again.

The computed total is ``computed_score``. Without an override reason it is
also the report's ``score`` (and evaluation's own rule gives the grade); a
different score needs ``score_override_reason``, and both are kept.
"""

import copy

from plone import api
from plone.app.relationfield.event import update_behavior_relations
from Products.CMFCore.WorkflowCore import WorkflowException
from z3c.relationfield import RelationValue
from zExceptions import BadRequest
from zope.component import getUtility
from zope.event import notify
from zope.globalrequest import getRequest
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import ObjectModifiedEvent

from changde.perfmgmt.assessment.behaviors import IReportScorecard
from changde.perfmgmt.assessment.facts import object_of
from changde.perfmgmt.assessment.facts import report_facts
from changde.perfmgmt.assessment.rules.scorecards import pick_template
from changde.perfmgmt.assessment.rules.scoring import CardFacts
from changde.perfmgmt.assessment.rules.scoring import score_card
from changde.perfmgmt.assessment.rules.scoring import submission_problems
from changde.perfmgmt.assessment.rules.scoring import validate_override
from changde.perfmgmt.assessment.settings import scoring_settings
from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.core.rules.numbers import to_decimal
from changde.perfmgmt.core.rules.values import is_blank

DRAFT = "draft"
CARD_SOURCE = "card"


def has_card(report):
    return IReportScorecard.providedBy(report) and bool(card_rows(report))


def template_of(report):
    relation = getattr(report, "scorecard_template", None)
    if relation is None or relation.isBroken():
        return None
    return relation.to_object


def card_rows(report):
    return report.__dict__.get("_card_rows") or None


def sync_snapshot(report):
    """Copy the criteria of the report's template when it was attached or
    changed (the copy the card is scored with); answer whether it changed."""
    template = template_of(report)
    uid = template.UID() if template is not None else None
    if uid == report.__dict__.get("_card_template_uid") and (
        uid is None or card_rows(report)
    ):
        return False
    report._card_template_uid = uid
    report._card_rows = (
        copy.deepcopy(list(template.criteria or ())) if template is not None else None
    )
    report._card_template_title = template.Title() if template is not None else None
    return True


def is_draft(report):
    return api.content.get_state(report, default=DRAFT) == DRAFT


def card_facts(report):
    frozen = report.__dict__.get("_card_facts")
    if frozen is not None and not is_draft(report):
        return CardFacts.from_dict(frozen)
    return report_facts(report)


def card_result(report):
    """The scored card (:class:`rules.scoring.CardResult`), or None when the
    report has no scorecard."""
    rows = card_rows(report)
    if not rows:
        return None
    return score_card(
        rows, card_facts(report), report.scorecard_entries or {}, scoring_settings()
    )


def refresh_card(report, result=None):
    """Re-score the card; the total becomes the report's score unless it is
    overridden with a reason. Answer whether the report changed."""
    if not IReportScorecard.providedBy(report):
        return False
    changed = sync_snapshot(report)
    result = result if result is not None else card_result(report)
    computed = result.total if result is not None else None
    if report.__dict__.get("computed_score") != computed:
        report.computed_score = computed
        changed = True
    overridden = not is_blank(report.score_override_reason)
    if computed is not None and not overridden:
        if report.score != computed:
            report.score = computed
            changed = True
        report._score_source = CARD_SOURCE
    elif (
        computed is None
        and not overridden
        and report.__dict__.get("_score_source") == CARD_SOURCE
    ):
        # the score came from the card, which is no longer complete
        report.score = None
        report._score_source = None
        changed = True
    if changed:
        report.reindexObject()
    return changed


def save_entries(report, entries):
    """Write the scorer's checked entries, re-score and tell the change log
    (the form and ``PATCH @scorecard`` alike)."""
    report.scorecard_entries = entries
    refresh_card(report)
    notify(
        ObjectModifiedEvent(report, Attributes(IReportScorecard, "scorecard_entries"))
    )


def active_templates():
    catalog = api.portal.get_tool("portal_catalog")
    return catalog.unrestrictedSearchResults(
        portal_type="ScorecardTemplate", review_state="active", sort_on="created"
    )


def default_template(kind, year):
    brains = {brain.UID: brain for brain in active_templates()}
    uid = pick_template(
        [(uid, brain.template_kind, brain.year) for uid, brain in brains.items()],
        kind,
        year,
    )
    return brains[uid]._unrestrictedGetObject() if uid else None


def attach_template(report, template):
    """Give the report ``template`` (a relation) and copy its criteria."""
    if template is None:
        report.scorecard_template = None
    else:
        intids = getUtility(IIntIds)
        report.scorecard_template = RelationValue(intids.register(template))
    update_behavior_relations(report, None)
    sync_snapshot(report)


# --- subscribers ----------------------------------------------------------------


def report_added(report, event=None):
    """A report created without a score gets the template of its kind and
    year; one scored by hand keeps its score (the office may attach one)."""
    if not IReportScorecard.providedBy(report):
        return
    if template_of(report) is None and report.score is None:
        template = default_template(report.evaluation_kind, report.year)
        if template is not None:
            attach_template(report, template)
            # the catalog was flushed by the template search: index it again
            report.reindexObject()
    refresh_card(report)


def report_modified(report, event=None):
    """Re-score after an edit; a score changed by hand away from the
    computed total without a reason is refused (field-level, a 400 over
    REST: the transaction is aborted)."""
    if not IReportScorecard.providedBy(report):
        return
    previous = report.__dict__.get("computed_score")
    sync_snapshot(report)
    result = card_result(report)
    computed = result.total if result is not None else None
    typed = report.score is not None and report.score != previous
    if typed:
        violations = validate_override(
            computed, report.score, report.score_override_reason
        )
        if violations:
            request = getRequest()
            raise BadRequest(
                [
                    {
                        "field": violation.field,
                        "message": translate_violation(violation, request),
                        "error": "ValidationError",
                    }
                    for violation in violations
                ]
            )
    refresh_card(report, result)


def check_submission(report, event):
    """IBeforeTransitionEvent: a report with a card goes to review when the
    card is complete (or the score is entered by hand, with a reason) and a
    low execution rate is explained."""
    if event.transition is None or event.transition.getId() != "submit":
        return
    if not has_card(report):
        return
    result = card_result(report)
    problems = submission_problems(result, report.score, report.score_override_reason)
    if problems:
        from changde.perfmgmt.assessment.cardview import problem_text

        request = getRequest()
        raise WorkflowException(
            " ".join(problem_text(problem, result, request) for problem in problems)
        )


def after_transition(report, event):
    """Freeze the facts when the report leaves draft; read them live again
    when it is returned to draft."""
    if event.transition is None or not has_card(report):
        return
    if event.new_state.getId() == DRAFT:
        report._card_facts = None
    elif event.old_state.getId() == DRAFT:
        report._card_facts = report_facts(report).as_dict()
    refresh_card(report)


def _draft_reports(**query):
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(
        portal_type="EvaluationReport", review_state=DRAFT, **query
    ):
        report = brain._unrestrictedGetObject()
        if has_card(report):
            yield report


def refresh_project_reports(project):
    """The project's draft reports with a card follow its facts; so do the
    unit-wide cards of its unit."""
    if getattr(project, "portal_type", None) != "BudgetProject":
        return
    for report in _draft_reports(project_uid=project.UID()):
        refresh_card(report)
    unit = project.aq_parent
    if getattr(unit, "portal_type", None) == "BudgetUnit":
        for report in _draft_reports(
            unit_uid=unit.UID(), evaluation_kind="unit_overall"
        ):
            refresh_card(report)


def indicator_changed(indicator, event=None):
    refresh_project_reports(indicator.aq_parent)


def record_changed(record, event=None):
    refresh_project_reports(object_of(getattr(record, "project", None)))


# --- what the pages and REST show ---------------------------------------------------


def override_problem(report, score, reason, request):
    """The translated message refusing ``score`` without ``reason``, or None
    (the edit form's validator)."""
    result = card_result(report) if has_card(report) else None
    computed = result.total if result is not None else None
    number = to_decimal(score)
    if number is None or number == report.__dict__.get("computed_score"):
        return None
    violations = validate_override(computed, number, reason)
    return translate_violation(violations[0], request) if violations else None
