"""REST services of the libraries module (docs/libraries-api.md).

The helpers below answer errors in plone.restapi's shape, as the declaration
module's do (a copy: the modules meet only through core; these could move to
core).
"""

import json

from zope.i18n import translate

from changde.perfmgmt.core.messages import violations_as_json
from changde.perfmgmt.i18n import _


def translated(request, message):
    return translate(message, context=request)


def error(request, status, error_type, message, errors=None):
    request.response.setStatus(status)
    answer = {"type": error_type, "message": translated(request, message)}
    if errors is not None:
        answer["errors"] = errors
    return {"error": answer}


def bad_request(request, message, errors=()):
    """400 with field-level ``errors``."""
    return error(request, 400, "BadRequest", message, list(errors))


def violation_errors(violations, request, **extra):
    """Rule violations as items of ``errors`` (code, field, message, params)."""
    answer = violations_as_json(violations, request)
    for item in answer:
        item.update(extra)
    return answer


def read_json_object(request):
    """The body as a dict, or None when it is not a JSON object ({} if empty)."""
    body = request.get("BODY") or b"{}"
    try:
        data = json.loads(body)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def invalid_body(request):
    message = _("api_body_not_a_json_object", default="The body must be a JSON object.")
    return bad_request(
        request,
        message,
        [{"field": None, "message": translated(request, message)}],
    )


NOTHING_WRITTEN = _(
    "libraries_nothing_written",
    default="未保存任何内容:请更正以下错误。",
)
