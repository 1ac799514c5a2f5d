"""Library members on the Plone side: listings by pinyin, ratings, the
members that may be assigned to evaluations, and elimination (末位淘汰).

The rules (validation, ranking, the share proposed) are in :mod:`rules`; this
module reads and writes content. Ratings are read from the members
themselves (they are never indexed: they are for the office only).

A member's status changes only here, through elimination (the office's
confirmed decisions are recorded on the library), and every change fires the
member's modified event: the evaluation module's subscriber then takes a
removed member's rights on its reports back at once.
"""

import datetime
import uuid

import transaction
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
from zope.globalrequest import getRequest
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import modified

from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.core.rules.numbers import to_decimal
from changde.perfmgmt.core.rules.violations import Violation
from changde.perfmgmt.libraries.content.fields import IEngagedMember
from changde.perfmgmt.libraries.rules.elimination import elimination_proposals
from changde.perfmgmt.libraries.rules.elimination import validate_elimination_decisions
from changde.perfmgmt.libraries.rules.members import ASSIGNABLE_STATUSES
from changde.perfmgmt.libraries.rules.members import publish_profile_violations
from changde.perfmgmt.libraries.rules.ratings import ratings_average
from changde.perfmgmt.libraries.rules.ratings import scores_of_year
from changde.perfmgmt.libraries.rules.ratings import validate_rating
from changde.perfmgmt.libraries.settings import elimination_settings
from changde.perfmgmt.libraries.settings import settings_problems

LIBRARY_MEMBER_TYPES = {
    "expert": "Expert",
    "agency": "Agency",
    "supervision": "SupervisionMember",
}
LIBRARY_TYPES = ("ExpertLibrary", "AgencyLibrary", "SupervisionLibrary")
#: Members whose title is a person's name (an agency's is an organisation's).
PERSON_TYPES = ("Expert", "SupervisionMember")


def library_members(library, **query):
    """The library's members the user may see, by pinyin of their names."""
    return api.content.find(
        context=library,
        depth=1,
        portal_type=library.member_type,
        sort_on="pinyin_sort",
        **query,
    )


def assignable_members(portal_type="Expert"):
    """Experts (or agencies) that may be assigned to a new evaluation: every
    member the user may see except the removed ones, by pinyin (catalog
    brains)."""
    return api.content.find(
        portal_type=portal_type,
        library_removed=False,
        sort_on="pinyin_sort",
    )


def is_assignable(member):
    return (member.status or "active") in ASSIGNABLE_STATUSES


def is_person(library):
    """Whether the library's names are people's (read surname first)."""
    return library.member_type in PERSON_TYPES


def set_status(member, status):
    """Set the member's status and tell whoever listens (the evaluation
    module gives or takes back its rights on reports); answer whether it
    changed. Only elimination calls this."""
    if (member.status or "active") == status:
        return False
    member.status = status
    # reindexes the member too (plone.dexterity's subscriber)
    modified(member, Attributes(IEngagedMember, "status"))
    if status == "removed" and api.content.get_state(member) == "published":
        # a removed member has no public profile (nor may anyone find out
        # from the public catalogue that it was removed)
        api.content.transition(
            obj=member,
            transition="retract",
            comment="已淘汰，不再公开简介。",
        )
    return True


# --- ratings ------------------------------------------------------------------


def ratings_of(member):
    """The member's ratings (a list of dicts), oldest first. Each has an
    ``id`` of its own that never changes (``@rate/<id>``)."""
    return list(member.ratings or ())


def new_rating_id(ratings):
    """An id no rating of ``ratings`` has (12 hex digits)."""
    taken = {row.get("id") for row in ratings}
    while True:
        rating_id = uuid.uuid4().hex[:12]
        if rating_id not in taken:
            return rating_id


def with_rating_ids(ratings):
    """``ratings`` with an id given to each that has none (the upgrade of
    ratings stored before ids)."""
    answer = []
    for row in ratings or ():
        row = dict(row)
        if not row.get("id"):
            row["id"] = new_rating_id([*ratings, *answer])
        answer.append(row)
    return answer


def rating_position(member, rating_id):
    """Where the rating ``rating_id`` is in the member's list, or None."""
    for position, row in enumerate(ratings_of(member)):
        if rating_id and row.get("id") == rating_id:
            return position
    return None


def scores_of(member, year=None):
    """The member's scores: all of them, or those given in ``year``."""
    ratings = ratings_of(member)
    if year is None:
        return [row["score"] for row in ratings]
    return scores_of_year(ratings, year)


def add_rating(member, date, engagement, score, rater, note=""):
    """Validate and append one rating; answer the violations (nothing is
    written when there are any)."""
    violations = validate_rating(date, engagement, score, rater)
    if violations:
        return violations
    if isinstance(date, datetime.date):
        date = date.isoformat()
    ratings = ratings_of(member)
    row = {
        "id": new_rating_id(ratings),
        "date": str(date).strip(),
        "engagement": str(engagement).strip(),
        "score": format(to_decimal(score, strict=True).normalize(), "f"),
        "rater": rater,
        "note": (note or "").strip(),
    }
    # a new list: the field's value is replaced, so the change is persisted
    member.ratings = ratings + [row]
    member.reindexObject(idxs=["modified"])
    return []


def rating_id_violation(member, rating_id):
    """A violation when the member has no rating ``rating_id``, else None."""
    if rating_position(member, rating_id) is not None:
        return None
    return Violation(
        code="rating_id_unknown",
        default="The member has no rating '${id}'.",
        field="id",
        params={"id": rating_id or ""},
    )


def change_rating(member, rating_id, changes, user_id, today=None):
    """Correct the rating ``rating_id`` with ``changes`` (date, engagement,
    score, note; the others stay); answer the violations (nothing written
    when there are any). The rater stays; who changed it and when are kept."""
    violation = rating_id_violation(member, rating_id)
    if violation is not None:
        return [violation]
    index = rating_position(member, rating_id)
    ratings = ratings_of(member)
    row = dict(ratings[index])
    for key in ("date", "engagement", "score", "note"):
        if key in changes and changes[key] is not None:
            row[key] = changes[key]
    violations = validate_rating(
        row.get("date"), row.get("engagement"), row.get("score"), row.get("rater")
    )
    if violations:
        return violations
    today = today or today_in_china()
    row.update(
        {
            "date": str(row["date"]).strip(),
            "engagement": str(row["engagement"]).strip(),
            "score": format(to_decimal(row["score"], strict=True).normalize(), "f"),
            "note": str(row.get("note") or "").strip(),
            "changed_by": user_id,
            "changed_on": today.isoformat(),
        }
    )
    ratings[index] = row
    member.ratings = ratings
    member.reindexObject(idxs=["modified"])
    return []


def delete_rating(member, rating_id):
    """Delete the rating ``rating_id`` (the others keep theirs); answer the
    violations."""
    violation = rating_id_violation(member, rating_id)
    if violation is not None:
        return [violation]
    ratings = ratings_of(member)
    del ratings[rating_position(member, rating_id)]
    member.ratings = ratings
    member.reindexObject(idxs=["modified"])
    return []


def rating_summary(member):
    scores = scores_of(member)
    average = ratings_average(scores)
    return {
        "count": len(scores),
        "average": None if average is None else str(average),
    }


# --- elimination (末位淘汰) --------------------------------------------------------


def _members_for_ranking(library):
    """``(id, name, scores)`` of the members not removed (unrestricted: the
    office runs it, and ratings are read from the objects)."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        path={"query": "/".join(library.getPhysicalPath()), "depth": 1},
        portal_type=library.member_type,
        sort_on="pinyin_sort",
    )
    members = []
    for brain in brains:
        member = brain._unrestrictedGetObject()
        if member.status == "removed":
            continue
        members.append(member)
    return members


def elimination_year(year=None):
    """The year an elimination ranks: the one asked for, else this year."""
    return today_in_china().year if year is None else year


def elimination_proposal(library, settings=None, year=None):
    """The proposals of ``year`` (default: this year), from the ratings given
    that year (nothing is written)."""
    settings = settings or elimination_settings()
    year = elimination_year(year)
    members = _members_for_ranking(library)
    result = elimination_proposals(
        [(m.getId(), m.title, scores_of(m, year)) for m in members],
        settings,
        person=is_person(library),
    )
    return members, result


def _text(reasons):
    """The rule's reasons in the user's language, as one text."""
    request = getRequest()
    return " ".join(translate_violation(reason, request) for reason in reasons)


def _explain(member_id, by_id):
    return by_id[member_id].title if member_id in by_id else member_id


def elimination_as_json(library, settings=None, year=None):
    settings = settings or elimination_settings()
    year = elimination_year(year)
    members, result = elimination_proposal(library, settings, year)
    by_id = {m.getId(): m for m in members}
    return {
        "@id": f"{library.absolute_url()}/@elimination",
        "year": year,
        "settings": {
            "min_ratings": settings.min_ratings,
            "share": str(settings.share),
            "minimum_count": settings.minimum_count,
        },
        "settings_warnings": [
            _text([problem]) for problem in settings_problems(review=False)
        ],
        "eligible": [
            {
                "id": ranked.member_id,
                "@id": by_id[ranked.member_id].absolute_url(),
                "title": ranked.name,
                "average": str(ranked.average),
                "ratings_count": ranked.ratings_count,
                "rank": ranked.rank,
                "status": by_id[ranked.member_id].status,
            }
            for ranked in result.eligible
        ],
        "too_few_ratings": [
            {
                "id": member_id,
                "title": _explain(member_id, by_id),
                "ratings_count": len(scores_of(by_id[member_id], year)),
            }
            for member_id in result.too_few_ratings
        ],
        "proposed": [
            {
                "id": proposal.member_id,
                "title": _explain(proposal.member_id, by_id),
                "average": str(proposal.average),
                "rank": proposal.rank,
                "explanation": _text(proposal.reasons),
            }
            for proposal in result.proposed
        ],
        "note": _text([result.note_reason] if result.note_reason else []),
        "runs": list(library.elimination_runs or ()),
    }


def mark_proposed(library, year=None):
    """Set the status of the year's proposed members to proposed_for_removal
    (and back to active for members no longer proposed); answer the ids."""
    members, result = elimination_proposal(library, year=year)
    proposed = {proposal.member_id for proposal in result.proposed}
    for member in members:
        set_status(
            member,
            "proposed_for_removal" if member.getId() in proposed else "active",
        )
    return sorted(proposed)


def confirm_elimination(library, decisions, user_id, today=None, year=None):
    """Apply the office's ``decisions`` ({member id: (decision, reason)}) on
    the proposals of ``year`` (default: this year).

    Validated against the year's proposals first; answer the violations and
    write nothing when there are any. Removed members get status removed,
    kept members active; the run is recorded on the library.
    """
    year = elimination_year(year)
    members, result = elimination_proposal(library, year=year)
    proposed_ids = [proposal.member_id for proposal in result.proposed]
    violations = validate_elimination_decisions(
        proposed_ids, [m.getId() for m in members], decisions
    )
    if violations:
        return violations, None
    by_id = {m.getId(): m for m in members}
    explanations = {p.member_id: _text(p.reasons) for p in result.proposed}
    today = today or today_in_china()
    rows = []
    for member_id, (decision, reason) in sorted(decisions.items()):
        member = by_id[member_id]
        set_status(member, "removed" if decision == "remove" else "active")
        rows.append(
            {
                "id": member_id,
                "title": member.title,
                "decision": decision,
                "proposed": member_id in proposed_ids,
                "override": (decision == "keep") == (member_id in proposed_ids),
                "reason": (reason or "").strip(),
                "explanation": explanations.get(member_id, ""),
            }
        )
    run = {
        "date": today.isoformat(),
        "year": year,
        "by": user_id,
        "note": _text([result.note_reason] if result.note_reason else []),
        "decisions": rows,
    }
    library.elimination_runs = list(library.elimination_runs or ()) + [run]
    return [], run


def check_profile_transition(member, event):
    """IBeforeTransitionEvent: a removed member's profile stays unpublished
    (the rule: :func:`rules.publish_profile_violations`)."""
    if event.transition is None or event.transition.getId() != "publish":
        return
    violations = publish_profile_violations(member.status)
    if violations:
        transaction.doom()
        raise WorkflowException(
            " ".join(translate_violation(v, getRequest()) for v in violations)
        )
