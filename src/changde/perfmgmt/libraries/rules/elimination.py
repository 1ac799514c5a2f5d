"""Bottom-ranked elimination (末位淘汰) of experts and agencies, and the
office's decisions on the proposals."""

from collections.abc import Iterable
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

from changde.perfmgmt.core.rules.numbers import round_decimal
from changde.perfmgmt.core.rules.numbers import to_decimal
from changde.perfmgmt.core.rules.pinyin import pinyin_sort_key
from changde.perfmgmt.core.rules.values import is_blank
from changde.perfmgmt.core.rules.values import is_count
from changde.perfmgmt.core.rules.violations import Violation
from changde.perfmgmt.core.rules.violations import raise_if_violations


@dataclass(frozen=True)
class EliminationSettings:
    """Who is ranked, and how many of the lowest-rated are proposed.

    ``min_ratings``: members rated fewer times are not ranked. ``share``: the
    fraction of ranked members proposed, rounded down. ``minimum_count``: at
    least this many are proposed (when anyone can be ranked at all).
    """

    min_ratings: int = 3
    share: Decimal = Decimal("0.10")
    minimum_count: int = 1


DEFAULT_ELIMINATION_SETTINGS = EliminationSettings()


def validate_elimination_settings(settings: EliminationSettings) -> list[Violation]:
    """Field-level violations of the elimination settings."""
    violations = []
    for name, minimum in (("min_ratings", 1), ("minimum_count", 0)):
        value = getattr(settings, name)
        if not is_count(value, minimum):
            violations.append(
                Violation(
                    code="setting_count_too_small",
                    default="${setting} must be a whole number of at least ${minimum}.",
                    field=name,
                    params={"setting": name, "value": value, "minimum": minimum},
                )
            )
    share = to_decimal(settings.share)
    if share is None or not 0 <= share <= 1:
        violations.append(
            Violation(
                code="elimination_share_out_of_range",
                default="The share ${value} must be between 0 and 1.",
                field="share",
                params={"value": settings.share},
            )
        )
    return violations


class RankedMember(NamedTuple):
    """An eligible member with its average rating and bottom rank (1 = lowest)."""

    member_id: str
    name: str
    average: Decimal
    ratings_count: int
    rank: int


class Proposal(NamedTuple):
    """A member proposed for removal, with the reasons (translatable
    :class:`Violation` messages: rank, and the tie at the cut line if any)."""

    member_id: str
    average: Decimal
    rank: int
    reasons: tuple[Violation, ...]

    @property
    def explanation(self) -> str:
        """The reasons in English (logs, tests)."""
        return " ".join(reason.text for reason in self.reasons)


@dataclass(frozen=True)
class EliminationResult:
    """The year's elimination proposals.

    ``eligible``: ranked members, lowest average first. ``too_few_ratings``:
    ids of members not ranked, in pinyin order of their names. ``proposed``:
    the proposals, lowest first. ``note_reason``: why nobody is proposed
    (a translatable :class:`Violation` message), or None.
    """

    eligible: tuple[RankedMember, ...]
    too_few_ratings: tuple[str, ...]
    proposed: tuple[Proposal, ...]
    note_reason: Violation | None = None

    @property
    def note(self) -> str:
        """Why nobody is proposed, in English, or "" (logs, tests)."""
        return self.note_reason.text if self.note_reason else ""


def elimination_count(
    eligible_count: int, settings: EliminationSettings = DEFAULT_ELIMINATION_SETTINGS
) -> int:
    """How many of ``eligible_count`` ranked members are proposed.

    ``max(minimum_count, floor(share × eligible_count))``, never more than
    there are. Rounded *down*, so that a share only proposes whole members it
    covers: 10% of 10 → 1, of 25 → 2, of 3 → 0 raised to the minimum 1.
    Nobody when nobody is eligible.
    """
    raise_if_violations(validate_elimination_settings(settings))
    if eligible_count <= 0:
        return 0
    by_share = int(to_decimal(settings.share, strict=True) * eligible_count)
    return min(eligible_count, max(settings.minimum_count, by_share))


def elimination_proposals(
    members: Iterable[tuple[str, str, Sequence[object]]],
    settings: EliminationSettings = DEFAULT_ELIMINATION_SETTINGS,
    *,
    person: bool = False,
) -> EliminationResult:
    """Propose the lowest-rated library members for removal (末位淘汰).

    ``members`` are ``(member_id, name, ratings)``; ratings are numbers on any
    one scale shared by all members. Decisions:

    - A member with fewer than ``min_ratings`` ratings is not ranked and goes
      to ``too_few_ratings``: a handful of ratings is no basis for removal.
    - Members are ranked by their exact average rating, lowest first (the
      average shown is rounded half up to 2 decimals, but ranking and tie
      detection use the exact value). Equal averages are ordered by
      :func:`pinyin_sort_key` of the name (read as a person's name, surname
      first, when ``person``: experts, not agencies), then by member id, so
      the order never depends on the input order.
    - :func:`elimination_count` members from the bottom are proposed.
    - A tie at the cut line (the first member not proposed has the same
      average as a proposed one) does not widen the proposal: the pinyin order
      decided it, and the explanation of each proposed member in the tie says
      so, so that the office can weigh it.
    - When every ranked member has the same average (including a single
      ranked member) there is no meaningful ranking: nobody is proposed and
      ``note`` says so.

    Raises ValueError for invalid settings, a repeated member id or a rating
    that is not a number.
    """
    raise_if_violations(validate_elimination_settings(settings))
    seen = set()
    ranked_input = []
    too_few = []
    for member_id, name, ratings in members:
        if member_id in seen:
            raise ValueError(f"member id given twice: {member_id!r}")
        seen.add(member_id)
        numbers = [to_decimal(rating, strict=True) for rating in ratings]
        if len(numbers) < settings.min_ratings:
            too_few.append((pinyin_sort_key(name, person=person), member_id))
            continue
        exact = sum((Fraction(number) for number in numbers), Fraction(0))
        exact /= len(numbers)
        ranked_input.append(
            (exact, pinyin_sort_key(name, person=person), member_id, name, numbers)
        )
    ranked_input.sort(key=lambda item: (item[0], item[1], item[2]))
    too_few.sort()
    total = len(ranked_input)

    def shown(exact: Fraction) -> Decimal:
        return round_decimal(Decimal(exact.numerator) / Decimal(exact.denominator))

    eligible = tuple(
        RankedMember(member_id, name, shown(exact), len(numbers), rank)
        for rank, (exact, _key, member_id, name, numbers) in enumerate(
            ranked_input, start=1
        )
    )
    too_few_ids = tuple(member_id for _key, member_id in too_few)
    if not total:
        return EliminationResult(
            eligible=eligible,
            too_few_ratings=too_few_ids,
            proposed=(),
            note_reason=Violation(
                "elimination_note_nobody_rated",
                "Nobody has at least ${min_ratings} ratings: nobody can be ranked "
                "or proposed.",
                None,
                {"min_ratings": settings.min_ratings},
            ),
        )
    if len({item[0] for item in ranked_input}) == 1:
        return EliminationResult(
            eligible=eligible,
            too_few_ratings=too_few_ids,
            proposed=(),
            note_reason=Violation(
                "elimination_note_all_equal",
                "All ${total} ranked members have the same average rating "
                "(${average}): there is no meaningful ranking, so nobody is proposed.",
                None,
                {"total": total, "average": eligible[0].average},
            ),
        )
    count = elimination_count(total, settings)
    if not count:
        return EliminationResult(
            eligible=eligible,
            too_few_ratings=too_few_ids,
            proposed=(),
            note_reason=Violation(
                "elimination_note_settings_propose_nobody",
                "The settings propose nobody of ${total} ranked members.",
                None,
                {"total": total},
            ),
        )
    cut_average = ranked_input[count - 1][0]
    tied_beyond_cut = sum(1 for item in ranked_input[count:] if item[0] == cut_average)
    proposed = []
    for member, item in zip(eligible[:count], ranked_input, strict=False):
        reasons = [
            Violation(
                "elimination_reason_rank",
                "${name}: average rating ${average} from ${ratings} ratings, rank "
                "${rank} from the bottom of ${total} ranked members; the lowest "
                "${count} are proposed.",
                None,
                {
                    "name": member.name,
                    "average": member.average,
                    "ratings": member.ratings_count,
                    "rank": member.rank,
                    "total": total,
                    "count": count,
                },
            )
        ]
        if tied_beyond_cut and item[0] == cut_average:
            reasons.append(
                Violation(
                    "elimination_reason_tie_at_cut",
                    "${tied} member(s) not proposed have the same average: the tie "
                    "at the cut line was broken by pinyin order of the names (then "
                    "member id).",
                    None,
                    {"tied": tied_beyond_cut},
                )
            )
        proposed.append(
            Proposal(member.member_id, member.average, member.rank, tuple(reasons))
        )
    return EliminationResult(
        eligible=eligible,
        too_few_ratings=too_few_ids,
        proposed=tuple(proposed),
    )


ELIMINATION_DECISIONS = ("remove", "keep")


def validate_elimination_decisions(
    proposed_ids: Iterable[str],
    member_ids: Iterable[str],
    decisions: Mapping[str, tuple[str, str]],
) -> list[Violation]:
    """Violations of the office's decisions on an elimination (field = member id).

    ``decisions`` maps a member id to ``(decision, reason)`` with decision
    ``remove`` or ``keep``. Every proposed member needs a decision. Keeping a
    proposed member, or removing one who was not proposed, overrides the
    ranking and needs a reason. Members not in the library are refused.
    """
    proposed = list(proposed_ids)
    known = set(member_ids)
    violations = []
    for member_id in proposed:
        if member_id not in decisions:
            violations.append(
                Violation(
                    code="elimination_decision_missing",
                    default="Decide whether to remove or keep ${member}.",
                    field=member_id,
                    params={"member": member_id},
                )
            )
    for member_id, (decision, reason) in decisions.items():
        if member_id not in known:
            violations.append(
                Violation(
                    code="elimination_member_unknown",
                    default="“${member}” is not a member of this library.",
                    field=member_id,
                    params={"member": member_id},
                )
            )
            continue
        if decision not in ELIMINATION_DECISIONS:
            violations.append(
                Violation(
                    code="elimination_decision_invalid",
                    default="The decision must be remove or keep, not “${value}”.",
                    field=member_id,
                    params={"value": decision},
                )
            )
            continue
        overrides = (decision == "keep") == (member_id in proposed)
        if overrides and is_blank(reason):
            violations.append(
                Violation(
                    code="elimination_override_reason_required",
                    default=(
                        "Give a reason: ${decision} of ${member} overrides the ranking."
                    ),
                    field=member_id,
                    params={"member": member_id, "decision": decision},
                )
            )
    return violations
