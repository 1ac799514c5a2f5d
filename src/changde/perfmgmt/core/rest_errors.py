"""The one answer to every refused REST request (docs/errors.md).

plone.rest answers an exception with ``{"type", "message", "context"}``;
plone.restapi's services answer a refusal with ``{"error": {"type",
"message"}}``. While the add-on is installed (its browser layer), this view
answers every 4xx raised while serving a REST request in one shape,
plone.restapi's::

    {"error": {"type": "BadRequest", "message": "...", "errors": [...]}}

keeping plone.rest's top-level ``type``, ``message`` and ``context`` beside it
for Plone's own clients. ``errors`` (when there are any) has one entry per
problem: ``field``, ``message`` (in the reader's language), ``code`` and
``params`` where a rule refused, ``label`` for a field of a schema, and
``row`` or ``index`` for an item of a list.

- :class:`~changde.perfmgmt.core.rest.Refusal` (raised by the add-on's
  services and its content deserializer) answers its status, message and
  errors;
- plone.restapi's own refusals of fields (``BadRequest`` carrying a list of
  ``{"field", "message"}``, e.g. from the site root or a control panel) get
  one entry per item;
- any other client error (``Unauthorized``, ``NotFound``, ``Forbidden``, a
  ``WorkflowException``) keeps its type and message.

A refusal is not a bug: no traceback is added to it.
"""

import json

from plone.rest.errors import ErrorHandling
from plone.restapi.exceptions import DeserializationError
from Products.CMFCore.WorkflowCore import WorkflowException
from zExceptions import BadRequest
from zope.i18n import translate
from zope.i18nmessageid import Message

from changde.perfmgmt.core.rest import BODY_NOT_AN_OBJECT
from changde.perfmgmt.core.rest import NOTHING_SAVED
from changde.perfmgmt.core.rest import FieldError
from changde.perfmgmt.core.rest import InputRefused
from changde.perfmgmt.core.rest import Refusal
from changde.perfmgmt.interfaces import IChangdePerfmgmtLayer


def _field_list(exception):
    """plone.restapi's list of field errors a BadRequest carries, or None."""
    raw = exception.args[0] if exception.args else None
    if (
        isinstance(raw, list)
        and raw
        and all(isinstance(item, dict) and "message" in item for item in raw)
    ):
        return raw
    return None


class ErrorAnswer(ErrorHandling):
    """plone.rest's error view, answering the add-on's one error shape."""

    def __call__(self):
        exception = self.context
        if isinstance(exception, DeserializationError) and self.for_the_add_on():
            # plone.restapi's json_body: a body that is not a JSON object
            exception = self.context = InputRefused(
                BODY_NOT_AN_OBJECT,
                [FieldError(None, BODY_NOT_AN_OBJECT, code="body_not_a_json_object")],
            )
        if not isinstance(exception, Refusal):
            return super().__call__()
        data = self.render_exception(exception)
        response = self.request.response
        response.setHeader("Content-Type", "application/json")
        response.setStatus(exception.status, lock=1)
        response.setBody(json.dumps(data, indent=2, sort_keys=True), lock=1)
        response._has_challenged = True  # no login form for a refusal
        return

    def for_the_add_on(self):
        return IChangdePerfmgmtLayer.providedBy(self.request)

    def render_exception(self, exception):
        result = super().render_exception(exception)
        if result is None:
            return result
        if not isinstance(exception, Refusal) and not self.for_the_add_on():
            return result
        error = self.error_of(exception, result)
        if isinstance(exception, Refusal):
            result.pop("traceback", None)
        result["error"] = error
        result["type"] = error["type"]
        result["message"] = error["message"]
        return result

    def error_of(self, exception, result):
        request = self.request
        if isinstance(exception, Refusal):
            return exception.as_json(request)
        if isinstance(exception, BadRequest) and _field_list(exception):
            errors = [
                {
                    "field": item.get("field"),
                    "message": translate(item["message"], context=request),
                }
                for item in _field_list(exception)
            ]
            return {
                "type": "BadRequest",
                "message": "; ".join(entry["message"] for entry in errors)
                if len(errors) == 1
                else translate(
                    Message(
                        NOTHING_SAVED,
                        mapping={"count": str(len(errors))},
                    ),
                    context=request,
                ),
                "errors": errors,
            }
        if isinstance(exception, WorkflowException):
            return {
                "type": "WorkflowException",
                "message": translate(str(exception), context=request),
            }
        return {"type": result["type"], "message": result["message"]}
