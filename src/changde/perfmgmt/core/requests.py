"""What a request must be before anything serves it (docs/errors.md).

- **Query parameters with a converter** (``year:int=abc``, ``day:date=x``):
  Zope converts them before publishing and answers a value it cannot
  convert with a 500. They are tried first here and refused with a 400
  naming the parameter.
- **JSON bodies** of REST writes (POST, PATCH, PUT) are read within limits
  before any service (plone.restapi's included) parses them: at most
  :data:`~changde.perfmgmt.core.rest.MAX_BODY_BYTES`, valid JSON, nested at
  most :data:`~changde.perfmgmt.core.rest.MAX_BODY_DEPTH` levels (a deeper
  body would exhaust Python's recursion while being parsed).
"""

from urllib.parse import parse_qsl

from plone.rest.interfaces import IAPIRequest
from zope.i18nmessageid import Message
from ZPublisher.Converters import get_converter

from changde.perfmgmt.core.rest import FieldError
from changde.perfmgmt.core.rest import InputRefused
from changde.perfmgmt.core.rest import body_problem
from changde.perfmgmt.core.rules.numbers import shown
from changde.perfmgmt.i18n import _
from changde.perfmgmt.interfaces import IChangdePerfmgmtLayer

NOT_CONVERTED = _(
    "api_query_not_converted",
    default='The query parameter "${name}" cannot be read as ${converter}: "${value}".',
)

WRITES = ("POST", "PATCH", "PUT")
JSON_TYPES = ("", "application/json")


def query_conversion_problem(query_string):
    """The first query parameter whose converter refuses its value:
    ``(name, converter, value)``, or None."""
    for key, value in parse_qsl(query_string or "", keep_blank_values=True):
        if ":" not in key:
            continue
        name, *suffixes = key.split(":")
        for suffix in suffixes:
            converter = get_converter(suffix, None)
            if converter is None:
                continue
            try:
                converter(value)
            except Exception:  # every converter error is the value's fault
                return name, suffix, value
    return None


def check_query(event):
    """IPubStart: refuse a query parameter Zope could not convert."""
    request = event.request
    problem = query_conversion_problem(request.environ.get("QUERY_STRING"))
    if problem is None:
        return
    name, converter, value = problem
    message = Message(
        NOT_CONVERTED,
        mapping={"name": name, "converter": converter, "value": shown(value)},
    )
    raise InputRefused(
        message,
        [
            FieldError(
                name,
                message,
                code="query_parameter_not_converted",
                params={"converter": converter, "value": shown(value)},
            )
        ],
    )


def check_body(event):
    """IPubAfterTraversal: a REST write's JSON body within the limits."""
    request = event.request
    if not (
        IAPIRequest.providedBy(request) and IChangdePerfmgmtLayer.providedBy(request)
    ):
        return
    if request.get("REQUEST_METHOD", "GET").upper() not in WRITES:
        return
    content_type = (request.getHeader("Content-Type") or "").split(";")[0].strip()
    if content_type.lower() not in JSON_TYPES:
        return
    problem = body_problem(request)
    if problem is None:
        return
    message, code = problem
    raise InputRefused(message, [FieldError(None, message, code=code)])
