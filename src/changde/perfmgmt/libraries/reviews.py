"""Internal review (内部点评) on the Plone side: the reviewed reports of a
round with their weighted totals, the year's rounds against the plan and the
excellent reports (3–5 a year), all from the rules of :mod:`rules`.

The year's rounds and excellent counts come from the catalog (``year``
index) and the rounds' ``reports`` rows. A reviewed report is an evaluation
report of the system (its ``uid``, checked against the catalog: portal type
``EvaluationReport``, no import of the evaluation module) or, for a report
made outside the system, a title only.
"""

import datetime

from plone import api
from zope.globalrequest import getRequest

from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.core.rules.numbers import to_decimal
from changde.perfmgmt.core.rules.values import is_blank
from changde.perfmgmt.core.rules.violations import Violation
from changde.perfmgmt.libraries.rules.review_rounds import review_round_number_violation
from changde.perfmgmt.libraries.rules.review_rounds import reviewed_report_violations
from changde.perfmgmt.libraries.rules.review_rounds import rounds_status
from changde.perfmgmt.libraries.rules.review_scoring import REVIEW_CRITERIA
from changde.perfmgmt.libraries.rules.review_scoring import excellent_gap
from changde.perfmgmt.libraries.rules.review_scoring import excellent_year_violation
from changde.perfmgmt.libraries.rules.review_scoring import review_total
from changde.perfmgmt.libraries.rules.review_scoring import validate_review_scores
from changde.perfmgmt.libraries.settings import review_settings
from changde.perfmgmt.libraries.settings import review_weights
from changde.perfmgmt.libraries.settings import settings_problems

#: the evaluation module's report type (a catalog query, never an import)
REPORT_TYPE = "EvaluationReport"

ROW_TEXT_FIELDS = ("title", "reference", "uid", "note")


def rounds_of_year(year):
    """The year's rounds (unrestricted catalog brains), by date."""
    catalog = api.portal.get_tool("portal_catalog")
    return catalog.unrestrictedSearchResults(
        portal_type="InternalReviewRound", year=year, sort_on="getObjPositionInParent"
    )


def excellent_count(year, exclude=None):
    """Excellent reports of the year's rounds (but the round ``exclude``)."""
    count = 0
    for brain in rounds_of_year(year):
        review_round = brain._unrestrictedGetObject()
        if exclude is not None and review_round.UID() == exclude.UID():
            continue
        count += sum(1 for row in review_round.reports or () if row.get("excellent"))
    return count


def settings_warnings():
    """The stored internal-review settings the pages replaced by defaults,
    as messages in the user's language."""
    request = getRequest()
    return [
        translate_violation(problem, request)
        for problem in settings_problems(elimination=False)
    ]


def round_number_violation(year, number, exclude_uid=None):
    """A violation when ``year`` has another round numbered ``number``."""
    taken = [
        brain._unrestrictedGetObject().number
        for brain in rounds_of_year(year)
        if exclude_uid != brain.UID
    ]
    return review_round_number_violation(year, number, taken)


def evaluation_reports(uids):
    """{uid: brain} of the evaluation reports among ``uids`` (unrestricted:
    it checks that they exist)."""
    uids = [uid for uid in uids if uid]
    if not uids:
        return {}
    catalog = api.portal.get_tool("portal_catalog")
    return {
        brain.UID: brain
        for brain in catalog.unrestrictedSearchResults(
            portal_type=REPORT_TYPE, UID=uids
        )
    }


def year_summary(year, today=None):
    """Rounds held against the plan and excellent reports against 3–5."""
    settings = review_settings()
    today = today or today_in_china()
    held = len(rounds_of_year(year))
    status = rounds_status(held, settings)
    excellent = excellent_count(year)
    gap = excellent_gap(excellent, settings)
    return {
        "year": year,
        "rounds_held": status.held,
        "rounds_planned": status.planned,
        "rounds_remaining": status.remaining,
        "rounds_complete": status.complete,
        "excellent_count": excellent,
        "excellent_min": settings.excellent_min,
        "excellent_max": settings.excellent_max,
        "excellent_gap": gap,
        # the gap counts once the year is over (before that: still to do)
        "year_ended": today > datetime.date(year, 12, 31),
        "excellent_short": bool(gap) and today > datetime.date(year, 12, 31),
        "settings_warnings": settings_warnings(),
    }


def _text(value):
    return "" if value is None else str(value).strip()


def validate_report_rows(review_round, rows):
    """Normalise and check the rows of a round: answer ``(clean rows,
    errors)``; each error is ``(index, violation)``.

    A row names an evaluation report of the system by its ``uid`` (refused
    when it is not one, or is on an earlier row; its title is the report's
    when the row gives none) or, for a report outside the system, gives a
    title. Its four scores are checked by the rules; the total is computed
    with the registry's weights; ``excellent`` rows are counted against the
    yearly cap with the year's other rounds.
    """
    weights = review_weights()
    settings = review_settings()
    clean = []
    errors = []
    uids = [_text(row.get("uid")) if isinstance(row, dict) else "" for row in rows]
    reports = evaluation_reports(uids)
    uid_violations = reviewed_report_violations(uids, reports)
    for index, row in enumerate(rows):
        if not isinstance(row, dict):
            errors.append(
                (
                    index,
                    Violation(
                        code="review_row_not_an_object",
                        default="A reviewed report must be an object.",
                    ),
                )
            )
            continue
        row_failed = False
        if index in uid_violations:
            errors.append((index, uid_violations[index]))
            row_failed = True
        title = _text(row.get("title"))
        if not title and uids[index] in reports:
            title = reports[uids[index]].Title
        if is_blank(title) and index not in uid_violations:
            errors.append(
                (
                    index,
                    Violation(
                        code="review_row_title_required",
                        default="The title of the reviewed report is required.",
                        field="title",
                    ),
                )
            )
            row_failed = True
        scores = row.get("scores")
        if not isinstance(scores, dict):
            scores = {c: row.get(c) for c in REVIEW_CRITERIA}
        violations = validate_review_scores(scores)
        errors.extend((index, violation) for violation in violations)
        if violations or row_failed:
            continue
        total = review_total(scores, weights)
        item = {field: _text(row.get(field)) for field in ROW_TEXT_FIELDS}
        item["title"] = title
        for criterion in REVIEW_CRITERIA:
            item[criterion] = format(
                to_decimal(scores[criterion], strict=True).normalize(), "f"
            )
        item["total"] = str(total)
        item["excellent"] = bool(row.get("excellent"))
        clean.append(item)
    if errors:
        return [], errors
    marked = sum(1 for item in clean if item["excellent"])
    year = review_round.year
    violation = excellent_year_violation(
        excellent_count(year, exclude=review_round), marked, settings
    )
    if violation is not None:
        errors.append((None, violation))
        return [], errors
    return clean, []


def set_report_rows(review_round, rows):
    """Validate and store the rows; answer the errors (nothing written when
    there are any)."""
    clean, errors = validate_report_rows(review_round, rows)
    if errors:
        return errors
    review_round.reports = clean
    review_round.reindexObject(idxs=["modified"])
    return []


def round_as_json(review_round):
    settings = review_settings()
    status = rounds_status(len(rounds_of_year(review_round.year)), settings)
    return {
        "@id": f"{review_round.absolute_url()}/@review-reports",
        "year": review_round.year,
        "number": review_round.number,
        "weights": {
            criterion: str(getattr(review_weights(), criterion))
            for criterion in REVIEW_CRITERIA
        },
        "reports": list(review_round.reports or ()),
        "rounds_held": status.held,
        "rounds_planned": status.planned,
        "settings_warnings": settings_warnings(),
    }
