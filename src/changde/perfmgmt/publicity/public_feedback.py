"""The public feedback on published reports (公众意见, R-M12) for the office:
every opinion sent through the evaluation module's feedback form, by report
and year, marked answered or not, with the office's note; exported to Excel.

The opinions stay where the form's data saver keeps them (the evaluation
module's form, reused: nothing is copied); the answered marks live next to
them on the form (annotation), keyed by the saved row's id. Names and
contacts are personal data: only holders of ``Manage publicity`` (the
office) reach these functions' views and services.
"""

from BTrees.LOBTree import LOBTree
from persistent.mapping import PersistentMapping
from plone import api
from zope.annotation.interfaces import IAnnotations

from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.evaluation.feedback import SAVER
from changde.perfmgmt.evaluation.feedback import feedback_form
from changde.perfmgmt.evaluation.folders import evaluation_folder
from changde.perfmgmt.publicity.public_forms import saved_items
from changde.perfmgmt.publicity.rules import listings

ANSWERED_KEY = "changde.perfmgmt.publicity.answered"


def the_form():
    folder = evaluation_folder(create=False)
    return feedback_form(folder, create=False) if folder is not None else None


def _marks(form, create=False):
    annotations = IAnnotations(form)
    marks = annotations.get(ANSWERED_KEY)
    if marks is None and create:
        marks = annotations[ANSWERED_KEY] = LOBTree()
    return marks


def _report_index():
    """The saved report name (as the form's vocabulary made it) -> (url,
    year) of every report, so that rows find their report after it changed."""
    catalog = api.portal.get_tool("portal_catalog")
    index = {}
    for brain in catalog.unrestrictedSearchResults(portal_type="EvaluationReport"):
        name = f"{brain.Title}（{brain.year}）" if brain.year else brain.Title
        index.setdefault(name, (brain.getURL(), brain.year))
    return index


def feedback_rows(year=None, report=None, answered=None):
    """The opinions, newest first, filtered by year, report name and answered
    (True, False or None for all)."""
    form = the_form()
    if form is None:
        return []
    marks = _marks(form) or {}
    index = _report_index()
    rows = []
    for row_id, data in saved_items(form, SAVER):
        name = data.get("report") or ""
        url, report_year = index.get(name, (None, None))
        report_year = report_year or listings.report_year(name)
        mark = marks.get(row_id) or {}
        row = {
            "id": row_id,
            "report": name,
            "report_url": url,
            "year": report_year,
            "comments": data.get("comments") or "",
            "name": data.get("name") or "",
            "contact": data.get("contact") or "",
            "answered": bool(mark.get("answered")),
            "answered_by": mark.get("by") or "",
            "answered_on": mark.get("on") or "",
            "note": mark.get("note") or "",
        }
        if year and row["year"] != int(year):
            continue
        if report and row["report"] != report:
            continue
        if answered is not None and row["answered"] != bool(answered):
            continue
        rows.append(row)
    rows.sort(key=lambda row: row["id"], reverse=True)
    return rows


def grouped(rows):
    """Rows by year (newest first) and report."""
    return listings.group_feedback(rows)


def row_ids():
    return {row_id for row_id, _data in saved_items(the_form(), SAVER)}


def mark(row_id, answered=True, note=None):
    """Mark one opinion answered (or not), with the office's note; answers
    False when there is no such opinion."""
    form = the_form()
    if form is None or row_id not in row_ids():
        return False
    marks = _marks(form, create=True)
    current = marks.get(row_id) or {}
    value = PersistentMapping(current)
    value["answered"] = bool(answered)
    if answered:
        value["by"] = api.user.get_current().getId()
        value["on"] = today_in_china().isoformat()
    else:
        value.pop("by", None)
        value.pop("on", None)
    if note is not None:
        value["note"] = note
    marks[row_id] = value
    return True


def years_of(rows):
    return listings.years(row["year"] for row in rows)
