"""Turn plain-Python rule answers
(:class:`~changde.perfmgmt.core.rules.violations.Violation`) into translated
messages for the UI and structured JSON for REST."""

from zope.i18n import translate

from changde.perfmgmt.i18n import _

# (violation code, parameter) -> {value: i18n label}. The rules name values by
# their ids ("none", "general_public"); a message shows the user the label.
_PARAM_LABELS = {}


def register_param_labels(code, param, labels):
    """Show the parameter ``param`` of violations ``code`` by its label:
    ``labels`` maps each value (an id of a vocabulary) to an i18n message (a
    dict, or anything with ``get``, such as ``core.workflows.StateTitles``)."""
    _PARAM_LABELS[(code, param)] = labels


def _param_text(code, param, value):
    labels = _PARAM_LABELS.get((code, param), {})
    # zope.i18n translates Message values of a mapping along with the message
    return labels.get(value, str(value))


def violation_message(violation):
    """The i18n message of a violation: msgid = its code, numbers as mapping."""
    return _(
        violation.code,
        default=violation.default,
        mapping={
            key: _param_text(violation.code, key, value)
            for key, value in violation.params.items()
        },
    )


def translate_violation(violation, request):
    return translate(violation_message(violation), context=request)


def violations_as_json(violations, request):
    """Field-level errors as REST answers them: code, field, message, params."""
    answer = []
    for violation in violations:
        item = violation.as_dict()
        item["message"] = translate_violation(violation, request)
        answer.append(item)
    return answer
