"""REST services of the monitoring module (docs/monitoring-api.md).

The error answers have plone.restapi's shape ``{"error": {type, message,
errors}}`` with messages in the user's language (the same helpers as the
declaration services; candidates for core).
"""

import json

from zope.i18n import translate

from changde.perfmgmt.core.messages import translate_violation


def error(request, status, error_type, message, errors=None):
    request.response.setStatus(status)
    answer = {"type": error_type, "message": translate(message, context=request)}
    if errors is not None:
        answer["errors"] = list(errors)
    return {"error": answer}


def bad_request(request, message, errors=()):
    return error(request, 400, "BadRequest", message, errors)


def read_json_object(request):
    """The request body as a dict, or None when it is not a JSON object."""
    body = request.get("BODY") or b"{}"
    try:
        data = json.loads(body)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def row_errors(problems, request):
    """Row violations as ``errors`` items: row, field, code, message, params."""
    answer = []
    for problem in problems:
        item = problem.as_dict()
        item["message"] = translate_violation(problem.violation, request)
        answer.append(item)
    return answer
