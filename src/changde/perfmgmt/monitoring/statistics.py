"""The year's monitoring rounds in numbers, for the annual report and the
dashboards: each round's records, execution rate, share meeting the target
and flags, by :func:`~.summary.round_summary` (the round page's own counts).
"""

from changde.perfmgmt.monitoring.rounds import all_rounds
from changde.perfmgmt.monitoring.rounds import iso
from changde.perfmgmt.monitoring.rounds import monitoring_folder
from changde.perfmgmt.monitoring.rules.execution import aggregate_rate
from changde.perfmgmt.monitoring.summary import round_summary


def rounds_of_year(year):
    """Plain data of every round of ``year``, by number."""
    folder = monitoring_folder(create=False)
    if folder is None:
        return []
    answer = []
    for monitoring_round in all_rounds(folder, year):
        summary = round_summary(monitoring_round)
        pairs = [
            (item["budget_amount"], item["executed_amount"])
            for item in summary["items"]
        ]
        counts = summary["counts"]
        answer.append(
            {
                "uid": monitoring_round.UID(),
                "url": monitoring_round.absolute_url(),
                "title": monitoring_round.Title(),
                "number": monitoring_round.round_number,
                "cutoff_date": iso(monitoring_round.cutoff_date),
                "target_rate": monitoring_round.target_rate,
                "records": counts["total"],
                "with_rate": counts["with_rate"],
                "meeting_target": counts["meeting_target"],
                "below_target": counts["below_target"],
                "suspension": counts["suspension"],
                "over_budget": counts["over_budget"],
                "execution_rate": aggregate_rate(pairs),
                "share_meeting_target": summary["share_meeting_target"],
                "summary": summary,
            }
        )
    return answer
