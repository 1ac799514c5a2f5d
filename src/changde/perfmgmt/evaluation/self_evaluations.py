"""Self-evaluation (单位自评): every approved project has one per year. The
office creates the year's drafts (one per approved project that has none);
the unit's staff, Editor on their own draft through the report's tenancy
(:data:`.reports.SELF_EVALUATION_LOCAL_ROLES`), write and submit it. A
self-evaluation counts as done once submitted (internal review or later);
the projects without one are listed, a draft as started, not submitted
(catalog only)."""

from plone import api
from plone.i18n.normalizer.interfaces import IIDNormalizer
from zope.component import getUtility
from zope.i18n import translate

from changde.perfmgmt.core.relations import relation_to
from changde.perfmgmt.core.relations import target_uid
from changde.perfmgmt.core.tenancy import tenancy_values
from changde.perfmgmt.i18n import _

#: states in which a self-evaluation is submitted (done)
SUBMITTED_STATES = ("internal_review", "approved", "fed_back", "published")
NOT_STARTED = "not_started"
STARTED = "started"


def _catalog():
    return api.portal.get_tool("portal_catalog")


def approved_project_brains(year):
    return _catalog().unrestrictedSearchResults(
        portal_type="BudgetProject",
        review_state="approved",
        year=year,
        sort_on="sortable_title",
    )


def self_evaluations_by_project(year):
    """{project UID: [brains of its self-evaluations of ``year``]}."""
    by_project = {}
    for brain in _catalog().unrestrictedSearchResults(
        portal_type="EvaluationReport", evaluation_kind="self", year=year
    ):
        if brain.project_uid:
            by_project.setdefault(brain.project_uid, []).append(brain)
    return by_project


def missing_self_evaluations(year):
    """The approved projects of ``year`` whose self-evaluation is not
    submitted, as plain data: ``status`` ``not_started`` (no self-evaluation)
    or ``started`` (a draft: ``self_evaluation`` is its URL)."""
    existing = self_evaluations_by_project(year)
    missing = []
    for brain in approved_project_brains(year):
        reports = existing.get(brain.UID, [])
        if any(report.review_state in SUBMITTED_STATES for report in reports):
            continue
        project = brain._unrestrictedGetObject()
        tenancy = tenancy_values(project)
        missing.append(
            {
                "@id": brain.getURL(),
                "UID": brain.UID,
                "title": brain.Title,
                "project_code": tenancy.get("project_code"),
                "jurisdiction": tenancy.get("jurisdiction"),
                "jurisdiction_title": tenancy.get("jurisdiction_title"),
                "budget_unit": tenancy.get("budget_unit"),
                "unit_title": tenancy.get("unit_title"),
                "status": STARTED if reports else NOT_STARTED,
                "self_evaluation": reports[0].getURL() if reports else None,
            }
        )
    return missing


def _draft_id(folder, project, year):
    normalizer = getUtility(IIDNormalizer)
    key = getattr(project, "project_code", None) or project.getId()
    base = f"self-{year}-{normalizer.normalize(key)}"
    draft_id, number = base, 1
    while draft_id in folder.objectIds():
        number += 1
        draft_id = f"{base}-{number}"
    return draft_id


def create_self_evaluation_drafts(year, folder, request):
    """Create the year's self-evaluation drafts: one per approved project of
    ``year`` that has none (in any state), so running it again creates
    nothing twice. Answer the created reports. The caller needs Add
    EvaluationReport on ``folder`` (the office)."""
    existing = self_evaluations_by_project(year)
    created = []
    for brain in approved_project_brains(year):
        if brain.UID in existing:
            continue
        project = brain._unrestrictedGetObject()
        title = translate(
            _(
                "self_evaluation_draft_title",
                default="${project} ${year}年度单位自评",
                mapping={"project": project.Title(), "year": str(year)},
            ),
            context=request,
        )
        created.append(
            api.content.create(
                container=folder,
                type="EvaluationReport",
                id=_draft_id(folder, project, year),
                title=title,
                evaluation_kind="self",
                year=year,
                project=relation_to(brain.UID),
            )
        )
    return created


def draft_info(report):
    return {
        "@id": report.absolute_url(),
        "UID": report.UID(),
        "title": report.Title(),
        "project": target_uid(report.project),
        "project_code": report.project_code,
        "budget_unit": report.budget_unit,
        "unit_title": report.unit_title,
        "review_state": api.content.get_state(report),
    }
