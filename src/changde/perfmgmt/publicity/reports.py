"""The column's reports section (评价报告): the published evaluation reports
by year and kind, with their grade and the rectification status of the
evaluated unit (every key-evaluation report is published for public
supervision, R-M12), from catalog metadata; nothing is woken.

The rectification items themselves are not public: only their count and how
many were accepted are read (without the visitor's restrictions) for the
status next to a published report.
"""

from Missing import MV
from plone import api

from changde.perfmgmt.evaluation.feedback import feedback_form
from changde.perfmgmt.evaluation.folders import evaluation_folder
from changde.perfmgmt.evaluation.reports import COUNTED_ITEM_STATES
from changde.perfmgmt.publicity.rules import listings

PUBLISHED = "published"


def _meta(value):
    return None if value is None or value is MV else value


def published_report_brains(year=None, kind=None):
    """The published reports (the catalog applies the visitor's rights too)."""
    query = {"portal_type": "EvaluationReport", "review_state": PUBLISHED}
    if year:
        query["year"] = int(year)
    if kind:
        query["evaluation_kind"] = kind
    return api.content.find(**query)


def rectification_counts(report_uids):
    """report UID -> (items, accepted items), counted without the visitor's
    restrictions (the items are the unit's and the office's)."""
    counts = {uid: [0, 0] for uid in report_uids}
    if not counts:
        return {}
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(
        portal_type="RectificationItem",
        source_uid=list(counts),
        review_state=list(COUNTED_ITEM_STATES),
    ):
        pair = counts.get(brain.source_uid)
        if pair is not None:
            pair[0] += 1
            pair[1] += brain.review_state == "accepted"
    return {uid: tuple(pair) for uid, pair in counts.items()}


def feedback_form_url():
    folder = evaluation_folder(create=False)
    form = feedback_form(folder, create=False) if folder is not None else None
    if form is None or not api.user.has_permission("View", obj=form):
        return None
    return form.absolute_url()


def published_reports(year=None, kind=None):
    """Rows of the published reports, newest year first: title, url, kind,
    year, score, grade, unit, rectification status, feedback link."""
    brains = list(published_report_brains(year, kind))
    counts = rectification_counts([brain.UID for brain in brains])
    form_url = feedback_form_url()
    rows = []
    for brain in brains:
        score = _meta(brain.score)
        total, accepted = counts.get(brain.UID, (0, 0))
        rows.append(
            {
                "@id": brain.getURL(),
                "UID": brain.UID,
                "title": brain.Title,
                "description": brain.Description or "",
                "evaluation_kind": brain.evaluation_kind,
                "year": brain.year,
                "score": None if score is None else str(score),
                "grade": _meta(brain.evaluation_grade),
                "unit": _meta(brain.unit_title)
                or _meta(brain.jurisdiction_title)
                or "",
                "rectification": listings.rectification_status(total, accepted),
                "feedback_url": (
                    f"{form_url}?form.widgets.report={brain.UID}" if form_url else None
                ),
            }
        )
    rows.sort(key=lambda row: (-(row["year"] or 0), row["title"] or ""))
    return rows


def report_years():
    """The years that have published reports, newest first."""
    catalog = api.portal.get_tool("portal_catalog")
    return listings.years(
        brain.year
        for brain in catalog(portal_type="EvaluationReport", review_state=PUBLISHED)
    )
