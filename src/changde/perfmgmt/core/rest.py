"""How every REST service of the add-on reads a request and refuses one.

One way for content (POST, PATCH) and for the services in
``<module>/services/``: a refusal is an exception, so the transaction is
aborted and nothing the request did is kept, and one exception view
(:mod:`changde.perfmgmt.core.rest_errors`) answers it in one shape
(docs/errors.md)::

    {"error": {"type": "BadRequest",
               "message": "未保存：1 处填写不符合要求。",
               "errors": [{"field": "amount", "label": "金额(元)",
                           "code": "number_not_finite",
                           "message": "“NaN”不是有限的数字。",
                           "params": {"value": "NaN"}}]}}

- :class:`InputRefused` (400): what was sent is wrong; ``errors`` says
  where (``field``, and ``row`` or ``index`` in a list) and why.
- :class:`ActionRefused` (403): the user may not do this here.
- :class:`NothingFound` (404): what was asked for does not exist (yet).

Services read the body with :func:`json_body` and query parameters with
:func:`query_value` / :func:`query_year`, which refuse what they cannot
read in the same way. Messages are i18n messages of the
``changde.perfmgmt`` domain, translated by the exception view in the
reader's language.
"""

import json
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from DateTime import DateTime
from plone.restapi.deserializer import json_body as restapi_json_body
from plone.restapi.exceptions import DeserializationError
from zExceptions import BadRequest
from zExceptions import Forbidden
from zExceptions import NotFound
from zope.i18n import translate
from zope.i18nmessageid import Message
from ZPublisher.HTTPResponse import status_codes

from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.core.messages import violation_message
from changde.perfmgmt.core.rules.violations import Violation
from changde.perfmgmt.core.rules.violations import stringify_params
from changde.perfmgmt.core.rules.years import MAX_YEAR
from changde.perfmgmt.core.rules.years import MIN_YEAR
from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.i18n import _

#: The largest request body read as JSON (bytes): files travel base64-encoded
#: in JSON, and an evidence file or a spreadsheet of a year's rows is well
#: below this.
MAX_BODY_BYTES = 64 * 1024 * 1024
#: The deepest nesting of lists and objects a JSON body may have. The
#: add-on's deepest field (a record's indicator progress) has 3 levels.
MAX_BODY_DEPTH = 32

NOTHING_SAVED = _(
    "api_nothing_saved",
    default="Nothing was saved: ${count} values are not valid.",
)


def translated(request, message):
    return translate(message, context=request)


@dataclass
class FieldError:
    """One entry of ``errors``: what is wrong (``message``, an i18n message)
    and where (``field``; ``where`` holds ``row``, ``index``, ``uid`` ...)."""

    field: str | None
    message: object
    code: str | None = None
    params: dict = dataclass_field(default_factory=dict)
    label: object = None
    where: dict = dataclass_field(default_factory=dict)

    @classmethod
    def from_violation(cls, violation, label=None, **where):
        return cls(
            field=violation.field,
            message=violation_message(violation),
            code=violation.code,
            params=dict(violation.params),
            label=label,
            where=where,
        )

    def as_json(self, request):
        answer = {
            "field": self.field,
            "message": translated(request, self.message),
            "code": self.code,
            "params": stringify_params(self.params),
        }
        if self.label is not None:
            answer["label"] = translated(request, self.label)
        answer.update(self.where)
        return answer


def error_entry(item, request):
    """An item of ``errors`` (a :class:`FieldError`, a rule's
    :class:`~changde.perfmgmt.core.rules.Violation` or a ready dict) as JSON."""
    if isinstance(item, FieldError):
        return item.as_json(request)
    if isinstance(item, Violation):
        answer = item.as_dict()
        answer["message"] = translate_violation(item, request)
        return answer
    if isinstance(item, dict):
        answer = dict(item)
        answer["message"] = translated(request, answer.get("message", ""))
        answer.setdefault("field", None)
        return answer
    return {"field": None, "message": translated(request, item)}


def entry_message(item):
    """The i18n message of an item of ``errors``."""
    if isinstance(item, FieldError):
        return item.message
    if isinstance(item, Violation):
        return violation_message(item)
    if isinstance(item, dict):
        return item.get("message", "")
    return item


class Refusal:
    """What every refusal of the add-on has: an HTTP ``status``, a ``type``,
    a ``message`` (an i18n message) and ``errors``."""

    status = 400
    error_type = "BadRequest"

    def __init__(self, message, errors=(), error_type=None):
        self.message = message
        self.errors = list(errors)
        if error_type is not None:
            self.error_type = error_type
        super().__init__(message if isinstance(message, str) else str(message))

    def as_json(self, request):
        answer = {
            "type": self.error_type,
            "message": translated(request, self.message),
        }
        if self.errors:
            answer["errors"] = [error_entry(item, request) for item in self.errors]
        return answer


class InputRefused(Refusal, BadRequest):
    """400: the values sent are wrong (``errors`` name them)."""

    @classmethod
    def nothing_saved(cls, errors, message=NOTHING_SAVED):
        """Refuse ``errors`` with a message counting them."""
        errors = list(errors)
        if message is NOTHING_SAVED and len(errors) == 1:
            message = entry_message(errors[0])
        elif message is NOTHING_SAVED:
            message = Message(
                NOTHING_SAVED,
                mapping={"count": str(len(errors))},
            )
        return cls(message, errors)


class ActionRefused(Refusal, Forbidden):
    """403: signed in, but not allowed to do this (``message`` says why)."""

    status = 403
    error_type = "Forbidden"


class NothingFound(Refusal, NotFound):
    """404: what the request asks for does not exist (``message`` says what)."""

    status = 404
    error_type = "NotFound"


# Zope (and Plone's error page) set a response's status from the name of
# the exception's class: give the refusals theirs.
for _refusal in (InputRefused, ActionRefused, NothingFound):
    status_codes[_refusal.__name__.lower()] = _refusal.status


def refuse_field(field, message, **where):
    """Raise :class:`InputRefused` for one field (``message`` an i18n message)."""
    raise InputRefused(message, [FieldError(field, message, where=where)])


# --- reading the request ---------------------------------------------------------

BODY_NOT_AN_OBJECT = _(
    "api_body_not_a_json_object", default="The body must be a JSON object."
)


def json_body(request):
    """The body as a dict (plone.restapi's ``json_body``: ``{}`` when empty);
    a body that is not a JSON object is refused (400)."""
    try:
        return restapi_json_body(request)
    except (DeserializationError, RecursionError, UnicodeDecodeError):
        raise InputRefused(
            BODY_NOT_AN_OBJECT,
            [FieldError(None, BODY_NOT_AN_OBJECT, code="body_not_a_json_object")],
        ) from None


def json_depth(data) -> int:
    """How deeply lists and objects nest in ``data`` (without recursion)."""
    deepest = 0
    stack = [(data, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in children)
    return deepest


def body_problem(request):
    """Why a JSON request body cannot be read (an i18n message and a code),
    or None: too large, not JSON, nested too deeply."""
    try:
        length = int(request.environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > MAX_BODY_BYTES:
        return (
            _(
                "api_body_too_large",
                default="The body is too large: at most ${limit} MB.",
                mapping={"limit": str(MAX_BODY_BYTES // (1024 * 1024))},
            ),
            "body_too_large",
        )
    body = request.get("BODY") or b""
    if len(body) > MAX_BODY_BYTES:
        return (
            _(
                "api_body_too_large",
                default="The body is too large: at most ${limit} MB.",
                mapping={"limit": str(MAX_BODY_BYTES // (1024 * 1024))},
            ),
            "body_too_large",
        )
    if not body.strip():
        return None
    try:
        data = json.loads(body)
    except RecursionError:
        data = None
        depth = MAX_BODY_DEPTH + 1
    except ValueError:  # not JSON, or not UTF-8
        return (
            _("api_body_not_json", default="The body is not valid JSON."),
            "body_not_json",
        )
    else:
        depth = json_depth(data)
    if depth > MAX_BODY_DEPTH:
        return (
            _(
                "api_body_too_deep",
                default="The body nests lists and objects too deeply: at most "
                "${limit} levels.",
                mapping={"limit": str(MAX_BODY_DEPTH)},
            ),
            "body_too_deep",
        )
    return None


QUERY_REPEATED = _(
    "api_query_repeated",
    default='The query parameter "${name}" must be given once, as one value.',
)


def query_value(request, name, default=None, repeatable=False):
    """The query parameter ``name`` as text (``default`` when it is missing
    or empty). Given twice, as ``name:list`` or as a record, it is refused
    (400), unless ``repeatable``: then the answer is a list of texts."""
    value = request.form.get(name)
    if isinstance(value, int | float | DateTime) and not isinstance(value, bool):
        value = str(value)  # converted by Zope (``year:int=2026``)
    if repeatable:
        if value is None or value == "":
            return [] if default is None else default
        values = value if isinstance(value, list | tuple) else [value]
        if all(isinstance(item, str) for item in values):
            return [item for item in values if item]
    elif value is None or value == "":
        return default
    elif isinstance(value, str):
        return value
    message = Message(QUERY_REPEATED, mapping={"name": name})
    raise InputRefused(
        message,
        [FieldError(name, message, code="query_parameter_not_text")],
    )


YEAR_EXPECTED = _(
    "api_query_year_invalid",
    default='"${value}" is not a year: give ${name} as a year between ${min} and '
    "${max}.",
)


def query_year(request, name="year", default=None):
    """The year of the query parameter ``name`` (``default`` when missing);
    anything but a year from 2000 to 2100 is refused (400)."""
    value = query_value(request, name)
    if value is None:
        return default
    year = year_or_none(value)
    if year is None:
        message = Message(
            YEAR_EXPECTED,
            mapping={
                "value": value[:40],
                "name": name,
                "min": str(MIN_YEAR),
                "max": str(MAX_YEAR),
            },
        )
        raise InputRefused(
            message,
            [
                FieldError(
                    name,
                    message,
                    code="query_year_invalid",
                    params={"value": value[:40], "min": MIN_YEAR, "max": MAX_YEAR},
                )
            ],
        )
    return year


# --- kept for code written against the earlier helpers ------------------------------
# They raise the refusals above (a refusal is never returned): ``return
# bad_request(...)`` still reads right, and the transaction is aborted.


def field_error(request, field, message, **extra):
    """An item of ``errors`` for ``field`` (prefer :class:`FieldError`)."""
    return FieldError(field, message, where=extra)


def violation_errors(violations, request=None, **extra):
    """Rule violations as items of ``errors``, each with ``extra`` keys such
    as ``row`` or ``index``."""
    return [FieldError.from_violation(violation, **extra) for violation in violations]


def bad_request(request, message, errors=()):
    raise InputRefused(message, errors)


def forbidden(request, message):
    raise ActionRefused(message)


def read_json_object(request):
    return json_body(request)


def invalid_body(request):
    raise InputRefused(BODY_NOT_AN_OBJECT, [FieldError(None, BODY_NOT_AN_OBJECT)])


def error(request, status, error_type, message, errors=None):
    refusal = {403: ActionRefused, 404: NothingFound}.get(status, InputRefused)
    raise refusal(message, errors or ())
