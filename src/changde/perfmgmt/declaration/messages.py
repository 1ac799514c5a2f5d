"""The declaration rules' messages as people read them: amounts with
thousands separators (5,000,000 元), in the UI and in REST messages alike.
REST ``params`` keep the plain numbers (``"5000000"``) for programs."""

from dataclasses import replace

from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.core.messages import violations_as_json
from changde.perfmgmt.declaration.rules.fields import readable_params


def readable(violation):
    """``violation`` with its amounts formatted for reading."""
    return replace(violation, params=readable_params(violation.params))


def translate_violations(violations, request):
    """The messages of ``violations`` in the user's language."""
    return [translate_violation(readable(v), request) for v in violations]


def violations_json(violations, request):
    """REST entries (code, field, message, params): the message readable,
    the params plain."""
    answer = violations_as_json(violations, request)
    for item, message in zip(
        answer, translate_violations(violations, request), strict=True
    ):
        item["message"] = message
    return answer
