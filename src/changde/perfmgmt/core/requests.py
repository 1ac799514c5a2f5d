"""What a request must be before anything serves it (docs/errors.md).

- **Query parameters with a converter** (``year:int=abc``, ``day:date=x``):
  Zope converts them before publishing and answers a value it cannot
  convert with a 500. They are tried first here and refused with a 400
  naming the parameter.
- **JSON bodies** of writes (POST, PATCH, PUT) are read within limits
  before anything (plone.restapi's services and its token plugin, which
  reads the body while authenticating) parses them: at most
  :data:`~changde.perfmgmt.core.rest.MAX_BODY_BYTES`, valid JSON, nested at
  most :data:`~changde.perfmgmt.core.rest.MAX_BODY_DEPTH` levels (a deeper
  body would exhaust Python's recursion while being parsed).
"""

from urllib.parse import parse_qsl
from urllib.parse import urlencode

from zope.i18nmessageid import Message
from ZPublisher.Converters import get_converter

from changde.perfmgmt.core.rest import FieldError
from changde.perfmgmt.core.rest import InputRefused
from changde.perfmgmt.core.rest import body_problem
from changde.perfmgmt.core.rules.numbers import shown
from changde.perfmgmt.i18n import _

NOT_CONVERTED = _(
    "api_query_not_converted",
    default='The query parameter "${name}" cannot be read as ${converter}: "${value}".',
)

WRITES = ("POST", "PATCH", "PUT")
JSON_TYPES = ("", "application/json")


#: environ key: the query parameter whose converter refused its value
PROBLEM_KEY = "changde.perfmgmt.query_problem"


def without_failing_converters(query_string):
    """``(query string, problem)``: the query with the converter suffix of
    every parameter whose converter refuses its value taken off (so that
    Zope reads it as text instead of failing), and the first such parameter
    as ``(name, converter, value)`` (None when all convert)."""
    problem = None
    parts = []
    for key, value in parse_qsl(query_string or "", keep_blank_values=True):
        if ":" in key:
            name, *suffixes = key.split(":")
            for suffix in suffixes:
                converter = get_converter(suffix, None)
                if converter is None:
                    continue
                try:
                    converter(value)
                except Exception:  # every converter error is the value's fault
                    problem = problem or (name, suffix, value)
                    key = name
                    break
        parts.append((key, value))
    if problem is None:
        return query_string, None
    return urlencode(parts), problem


def check_query(event):
    """IPubStart: a query parameter whose value its converter refuses
    (``year:int=abc``) would make Zope fail before publishing; it is read as
    text instead, and refused once the request is traversed (an exception
    view can answer then: :func:`refuse_query`)."""
    environ = event.request.environ
    query, problem = without_failing_converters(environ.get("QUERY_STRING"))
    if problem is not None:
        environ["QUERY_STRING"] = query
        environ[PROBLEM_KEY] = problem


def refuse_query(event):
    """IPubAfterTraversal: refuse the parameter :func:`check_query` found."""
    request = event.request
    problem = request.environ.get(PROBLEM_KEY)
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


def check_body(site, event):
    """IBeforeTraverseEvent of the site: refuse a JSON body beyond the
    limits before anything parses it (plone.restapi's token plugin reads it
    while the user is authenticated, at the end of traversal)."""
    request = event.request
    if request.environ.get("REQUEST_METHOD", "GET").upper() not in WRITES:
        return
    content_type = (request.environ.get("CONTENT_TYPE") or "").split(";")[0]
    if content_type.strip().lower() not in JSON_TYPES:
        return
    problem = body_problem(request)
    if problem is not None:
        message, code = problem
        raise InputRefused(message, [FieldError(None, message, code=code)])
