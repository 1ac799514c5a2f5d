"""The negative list (R-M13): its reasons and the entries the year's
results propose."""

from collections.abc import Iterable

from changde.perfmgmt.evaluation.rules.application import (
    DEFAULT_RESULT_APPLICATION_SETTINGS,
)
from changde.perfmgmt.evaluation.rules.application import ProjectResultFacts
from changde.perfmgmt.evaluation.rules.application import ResultApplicationSettings
from changde.perfmgmt.evaluation.rules.application import low_execution_run
from changde.perfmgmt.evaluation.rules.grades import GRADE_LABELS
from changde.perfmgmt.evaluation.rules.rectification import (
    DEFAULT_RECTIFICATION_SETTINGS,
)
from changde.perfmgmt.evaluation.rules.rectification import RectificationSettings
from changde.perfmgmt.evaluation.rules.rectification import rectification_met

NEGATIVE_LIST_REASONS = (
    "unclear_goals",
    "execution_below_standard",
    "incomplete_systems",
    "poor_evaluation_inadequate_rectification",
    "serious_monitoring_problem",
    "other",
)


NEGATIVE_LIST_REASON_LABELS = {
    "unclear_goals": "目标不明确",
    "execution_below_standard": "执行率不达标",
    "incomplete_systems": "制度不健全",
    "poor_evaluation_inadequate_rectification": "重点评价结果不理想且整改不到位",
    "serious_monitoring_problem": "监控发现严重问题",
    "other": "其他",
}


def negative_list_proposals(
    facts: ProjectResultFacts,
    settings: ResultApplicationSettings = DEFAULT_RESULT_APPLICATION_SETTINGS,
    rectification: RectificationSettings = DEFAULT_RECTIFICATION_SETTINGS,
) -> list[tuple[str, dict]]:
    """Proposed negative-list entries as ``(reason id, params)`` pairs.

    In the order of :data:`NEGATIVE_LIST_REASONS`:

    - ``unclear_goals``: the goal review found the goals unclear;
    - ``execution_below_standard``: the low-execution run of
      :func:`low_execution_run` holds;
    - ``poor_evaluation_inadequate_rectification``: the key evaluation graded
      poor, its rectification rate is under the target (see
      :func:`rectification_met`; no items counts as met) and ``as_of`` is after
      ``rectification_deadline`` (both must be known);
    - ``serious_monitoring_problem``: monitoring found a serious problem. Every
      round's flagged results enter the library (plan measure 9), so this is
      proposed even once rectified; ``params["rectified"]`` says whether.

    ``incomplete_systems`` and ``other`` are the office's judgement and are
    never proposed here. These are proposals: the office decides.
    """
    proposals = []
    if facts.goals_unclear:
        proposals.append(("unclear_goals", {"year": facts.year}))
    years = low_execution_run(facts.final_execution_rates, facts.year, settings)
    if years:
        proposals.append(
            (
                "execution_below_standard",
                {
                    "years": ", ".join(str(each) for each in years),
                    "threshold": settings.low_execution_rate,
                },
            )
        )
    past_deadline = (
        facts.rectification_deadline is not None
        and facts.as_of is not None
        and facts.as_of > facts.rectification_deadline
    )
    if (
        facts.key_evaluation_grade == "poor"
        and past_deadline
        and not rectification_met(facts.rectification_rate, rectification)
    ):
        proposals.append(
            (
                "poor_evaluation_inadequate_rectification",
                {
                    "grade": GRADE_LABELS["poor"],
                    "rectification_rate": facts.rectification_rate,
                    "target_rate": rectification.target_rate,
                    "deadline": facts.rectification_deadline.isoformat(),
                },
            )
        )
    if facts.serious_monitoring_problem:
        proposals.append(
            (
                "serious_monitoring_problem",
                {"rectified": facts.monitoring_problem_rectified},
            )
        )
    return proposals


def negative_list_counts(entries: Iterable) -> dict:
    """``{reason: {state: count}}`` of ``entries``, each ``(reason,
    state)``: every reason of :data:`NEGATIVE_LIST_REASONS` in its order
    (with ``{}`` where there is none), an unknown reason under ``other``."""
    counts = {reason: {} for reason in NEGATIVE_LIST_REASONS}
    for reason, state in entries:
        by_state = counts[reason if reason in counts else "other"]
        by_state[state] = by_state.get(state, 0) + 1
    return counts


#: The states of a negative-list entry, as the figures count them: proposed
#: (waiting for the office), listed, released, rejected.
ENTRY_STATES = ("proposed", "listed", "released", "rejected")


def negative_list_totals(counts: dict) -> tuple:
    """``({state: count}, {reason: listed})`` of ``counts`` as
    :func:`negative_list_counts` answers them: the entries in each state
    (every state of :data:`ENTRY_STATES`, 0 where none, then any other), and
    the listed ones by reason."""
    by_state = dict.fromkeys(ENTRY_STATES, 0)
    for states in counts.values():
        for state, count in states.items():
            by_state[state] = by_state.get(state, 0) + count
    listed = {reason: states.get("listed", 0) for reason, states in counts.items()}
    return by_state, listed
