"""REST services of the monitoring module (docs/monitoring-api.md), one
folder per service; their shared helpers are in :mod:`changde.perfmgmt.core.rest`."""

from changde.perfmgmt.core.messages import translate_violation


def row_errors(problems, request):
    """Row violations as ``errors`` items: row, field, code, message, params."""
    answer = []
    for problem in problems:
        item = problem.as_dict()
        item["message"] = translate_violation(problem.violation, request)
        answer.append(item)
    return answer
