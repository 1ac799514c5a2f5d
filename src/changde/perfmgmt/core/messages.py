"""Turn plain-Python rule answers (:class:`~changde.perfmgmt.core.rules.Violation`)
into translated messages for the UI and structured JSON for REST."""

from zope.i18n import translate

from changde.perfmgmt.i18n import _


def violation_message(violation):
    """The i18n message of a violation: msgid = its code, numbers as mapping."""
    return _(
        violation.code,
        default=violation.default,
        mapping={key: str(value) for key, value in violation.params.items()},
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
