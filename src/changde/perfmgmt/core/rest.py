"""What every module's REST services share: reading the JSON body and
answering errors in plone.restapi's shape, with messages of the
``changde.perfmgmt`` domain in the user's language.

Services live in one folder each under ``<module>/services/``, as
plone.restapi does; they import these helpers from here.
"""

import json

from zope.i18n import translate

from changde.perfmgmt.core.messages import violations_as_json
from changde.perfmgmt.i18n import _


def translated(request, message):
    return translate(message, context=request)


def error(request, status, error_type, message, errors=None):
    """Set ``status`` and answer ``{"error": {type, message[, errors]}}``."""
    request.response.setStatus(status)
    answer = {"type": error_type, "message": translated(request, message)}
    if errors is not None:
        answer["errors"] = errors
    return {"error": answer}


def bad_request(request, message, errors=()):
    """400 with field-level ``errors`` (each has ``field`` and ``message``)."""
    return error(request, 400, "BadRequest", message, list(errors))


def forbidden(request, message):
    """403: signed in, but not allowed to do this."""
    return error(request, 403, "Unauthorized", message)


def field_error(request, field, message, **extra):
    """One item of ``errors``: the field, the translated message, and extras
    such as ``index`` (the position in a list) or ``uid``."""
    return {"field": field, "message": translated(request, message), **extra}


def violation_errors(violations, request, **extra):
    """Rule violations as items of ``errors`` (code, field, message, params),
    each with ``extra`` keys such as ``row`` or ``index``."""
    answer = violations_as_json(violations, request)
    for item in answer:
        item.update(extra)
    return answer


def read_json_object(request):
    """The request body as a dict, or None when it is not a JSON object.

    An empty body reads as ``{}``.
    """
    body = request.get("BODY") or b"{}"
    try:
        data = json.loads(body)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def invalid_body(request):
    return bad_request(
        request,
        _("api_body_not_a_json_object", default="The body must be a JSON object."),
        [
            field_error(
                request,
                None,
                _(
                    "api_body_not_a_json_object",
                    default="The body must be a JSON object.",
                ),
            )
        ],
    )
