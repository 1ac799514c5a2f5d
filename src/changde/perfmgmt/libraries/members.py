"""Library members on the Plone side: listings by pinyin, ratings, the
members that may be assigned to evaluations, and elimination (末位淘汰).

The rules (validation, ranking, the share proposed) are in :mod:`rules`; this
module reads and writes content. Ratings are read from the members
themselves (they are never indexed: they are for the office only).
"""

import datetime

from plone import api
from zope.globalrequest import getRequest

from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.core.rules import to_decimal
from changde.perfmgmt.libraries import rules
from changde.perfmgmt.libraries.settings import elimination_settings

LIBRARY_MEMBER_TYPES = {
    "expert": "Expert",
    "agency": "Agency",
    "supervision": "SupervisionMember",
}
LIBRARY_TYPES = ("ExpertLibrary", "AgencyLibrary", "SupervisionLibrary")


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
        library_status=list(rules.ASSIGNABLE_STATUSES),
        sort_on="pinyin_sort",
    )


def is_assignable(member):
    return (member.status or "active") in rules.ASSIGNABLE_STATUSES


# --- ratings ------------------------------------------------------------------


def ratings_of(member):
    """The member's ratings (a list of dicts), oldest first."""
    return list(member.ratings or ())


def scores_of(member):
    return [row["score"] for row in ratings_of(member)]


def add_rating(member, date, engagement, score, rater, note=""):
    """Validate and append one rating; answer the violations (nothing is
    written when there are any)."""
    violations = rules.validate_rating(date, engagement, score, rater)
    if violations:
        return violations
    if isinstance(date, datetime.date):
        date = date.isoformat()
    row = {
        "date": str(date).strip(),
        "engagement": str(engagement).strip(),
        "score": format(to_decimal(score, strict=True).normalize(), "f"),
        "rater": rater,
        "note": (note or "").strip(),
    }
    # a new list: the field's value is replaced, so the change is persisted
    member.ratings = ratings_of(member) + [row]
    member.reindexObject(idxs=["modified"])
    return []


def rating_summary(member):
    scores = scores_of(member)
    average = rules.ratings_average(scores)
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


def elimination_proposal(library, settings=None):
    """The current proposals of the library (nothing is written)."""
    settings = settings or elimination_settings()
    members = _members_for_ranking(library)
    result = rules.elimination_proposals(
        [(m.getId(), m.title, scores_of(m)) for m in members], settings
    )
    return members, result


def _text(reasons):
    """The rule's reasons in the user's language, as one text."""
    request = getRequest()
    return " ".join(translate_violation(reason, request) for reason in reasons)


def _explain(member_id, by_id):
    return by_id[member_id].title if member_id in by_id else member_id


def elimination_as_json(library, settings=None):
    settings = settings or elimination_settings()
    members, result = elimination_proposal(library, settings)
    by_id = {m.getId(): m for m in members}
    return {
        "@id": f"{library.absolute_url()}/@elimination",
        "settings": {
            "min_ratings": settings.min_ratings,
            "share": str(settings.share),
            "minimum_count": settings.minimum_count,
        },
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
                "ratings_count": len(scores_of(by_id[member_id])),
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


def mark_proposed(library):
    """Set the status of the proposed members to proposed_for_removal (and
    back to active for members no longer proposed); answer the ids."""
    members, result = elimination_proposal(library)
    proposed = {proposal.member_id for proposal in result.proposed}
    for member in members:
        status = "proposed_for_removal" if member.getId() in proposed else "active"
        if member.status != status:
            member.status = status
            member.reindexObject(idxs=["library_status"])
    return sorted(proposed)


def confirm_elimination(library, decisions, user_id, today=None):
    """Apply the office's ``decisions`` ({member id: (decision, reason)}).

    Validated against the current proposals first; answer the violations and
    write nothing when there are any. Removed members get status removed,
    kept members active; the run is recorded on the library.
    """
    members, result = elimination_proposal(library)
    proposed_ids = [proposal.member_id for proposal in result.proposed]
    violations = rules.validate_elimination_decisions(
        proposed_ids, [m.getId() for m in members], decisions
    )
    if violations:
        return violations, None
    by_id = {m.getId(): m for m in members}
    explanations = {p.member_id: _text(p.reasons) for p in result.proposed}
    today = today or datetime.date.today()
    rows = []
    for member_id, (decision, reason) in sorted(decisions.items()):
        member = by_id[member_id]
        member.status = "removed" if decision == "remove" else "active"
        member.reindexObject(idxs=["library_status"])
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
        "year": today.year,
        "by": user_id,
        "note": _text([result.note_reason] if result.note_reason else []),
        "decisions": rows,
    }
    library.elimination_runs = list(library.elimination_runs or ()) + [run]
    return [], run
