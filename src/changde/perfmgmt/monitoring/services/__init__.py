"""REST services of the monitoring module (docs/monitoring-api.md), one
folder per service; they read requests and refuse them with
:mod:`changde.perfmgmt.core.rest`."""

from changde.perfmgmt.core.rest import FieldError


def row_errors(problems):
    """Row violations as ``errors`` entries: row, field, code, message, params."""
    return [
        FieldError.from_violation(problem.violation, row=problem.row)
        for problem in problems
    ]
