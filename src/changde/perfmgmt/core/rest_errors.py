"""Field-level REST errors for content add (POST) and edit (PATCH).

plone.restapi's content deserializer refuses bad fields by raising
``BadRequest(errors)``, and plone.rest answers ``{"type": "BadRequest",
"message": "[{'message': ..., 'field': 'amount', 'error': 'ValidationError'}]"}``:
a Python repr, in no one's words. While the add-on is installed (its browser
layer), this exception view answers the same ``type``, ``message`` (kept for
clients that read it) and ``context``, plus ``errors``, one entry per field:

    {"field": "amount", "label": "金额(元)", "message": "金额不能为负数；…",
     "code": "project_amount_negative", "params": {"amount": "-1"}}

- A field whose ``constraint`` is a :class:`~.validation.RuleConstraint` gets
  its rule's message, code and params: the rule is run on the raw value sent,
  so even a value the deserializer could not read is explained by the rule.
- A cross-field rule (an invariant raising :class:`~.validation.RuleInvalid`)
  gets the field the rule names.
- Otherwise: a missing required field says which field is required, a value
  outside a choice's vocabulary lists the allowed values, anything else keeps
  the deserializer's (translated) message.
"""

import json

from plone.dexterity.interfaces import IDexterityContent
from plone.dexterity.utils import iterSchemata
from plone.dexterity.utils import iterSchemataForType
from plone.rest.errors import ErrorHandling
from plone.rest.traverse import RESTWrapper
from Products.CMFCore.interfaces import IDynamicType
from zope.i18n import translate
from zope.schema import getFields
from zope.schema.interfaces import IChoice
from zope.schema.vocabulary import getVocabularyRegistry

from changde.perfmgmt.core.messages import violations_as_json
from changde.perfmgmt.core.validation import RuleConstraint
from changde.perfmgmt.core.validation import raised_violations
from changde.perfmgmt.i18n import _
from changde.perfmgmt.interfaces import IChangdePerfmgmtLayer

#: At most this many allowed values are listed in a message.
MAX_LISTED_VALUES = 20


class FieldErrorHandling(ErrorHandling):
    """plone.rest's error view, with ``errors`` for a field-level BadRequest."""

    def render_exception(self, exception):
        result = super().render_exception(exception)
        if result is None or not IChangdePerfmgmtLayer.providedBy(self.request):
            return result
        errors = field_errors(exception, self.request, self.published_context())
        if errors is not None:
            result["errors"] = errors
        return result

    def published_context(self):
        """The content the request was sent to (a container for an add)."""
        for parent in self.request.get("PARENTS", ()):
            if isinstance(parent, RESTWrapper):
                return parent.context
            if IDynamicType.providedBy(parent):
                return parent
        return None


def request_body(request):
    try:
        data = json.loads(request.get("BODY") or b"{}")
    except (TypeError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def schema_fields(context, request, body):
    """{name: field} of what the request creates (POST with ``@type``) or
    changes (the content itself)."""
    if request.get("REQUEST_METHOD") == "POST" and isinstance(body.get("@type"), str):
        try:
            schemata = list(iterSchemataForType(body["@type"]))
        except (KeyError, AttributeError, ValueError):
            schemata = []
    elif IDexterityContent.providedBy(context):
        schemata = list(iterSchemata(context))
    else:
        schemata = []
    fields = {}
    for schema in schemata:
        for name, field in getFields(schema).items():
            fields.setdefault(name, field)
    return fields


def field_errors(exception, request, context):
    """The entries of ``errors``, or None when ``exception`` is not the
    deserializer's list of field errors."""
    raw = exception.args[0] if exception.args else None
    if not isinstance(raw, list) or not raw:
        return None
    if not all(isinstance(item, dict) and "message" in item for item in raw):
        return None
    body = request_body(request)
    fields = schema_fields(context, request, body)
    raised = raised_violations(request)
    return [describe(item, fields, body, raised, context, request) for item in raw]


def _from_violation(violation, request, label=None):
    (answer,) = violations_as_json([violation], request)
    if label is not None:
        answer["label"] = label
    return answer


def describe(item, fields, body, raised, context, request):
    name = item.get("field")
    message = translate(item["message"], context=request)
    if name is None:
        # a cross-field rule: the violation an invariant raised says which field
        for violation in raised:
            if _from_violation(violation, request)["message"] == message:
                field = fields.get(violation.field)
                label = field and translate(field.title, context=request)
                return _from_violation(violation, request, label or None)
        return {"field": None, "message": message}

    field = fields.get(name)
    if field is None:
        return {"field": name, "message": message}
    label = translate(field.title, context=request)
    value = body.get(name)

    constraint = getattr(field, "constraint", None)
    if isinstance(constraint, RuleConstraint):
        violations = constraint.check(value)
        if violations:
            return _from_violation(violations[0], request, label)

    if value is None and field.required:
        return {
            "field": name,
            "label": label,
            "message": translate(
                _(
                    "api_field_required",
                    default="${label} is required.",
                    mapping={"label": label},
                ),
                context=request,
            ),
        }

    if IChoice.providedBy(field):
        allowed, tokens = _allowed_values(field, context)
        if allowed and str(value) not in allowed and str(value) not in tokens:
            return {
                "field": name,
                "label": label,
                "message": translate(
                    _(
                        "api_field_value_not_allowed",
                        default='"${value}" is not a value of ${label}; it must '
                        "be one of ${allowed}.",
                        mapping={
                            "value": str(value),
                            "label": label,
                            "allowed": ", ".join(allowed[:MAX_LISTED_VALUES]),
                        },
                    ),
                    context=request,
                ),
            }

    return {"field": name, "label": label, "message": message}


def _allowed_values(field, context):
    """(values, tokens) a REST client may send for a choice field, as text;
    empty when its vocabulary cannot be listed. Values are listed, since
    some tokens only encode them (Chinese values have hex tokens)."""
    try:
        vocabulary = field.bind(context).vocabulary
        if vocabulary is None and field.vocabularyName:
            vocabulary = getVocabularyRegistry().get(context, field.vocabularyName)
        terms = list(vocabulary)
    except Exception:  # a source that cannot be listed: nothing to say
        return [], []
    values = [
        term.value if isinstance(term.value, str) else str(term.token) for term in terms
    ]
    return values, [str(term.token) for term in terms]
