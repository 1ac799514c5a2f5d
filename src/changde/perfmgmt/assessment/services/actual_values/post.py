"""POST @actual-values on a project: ``{"values": [{"indicator": uid,
"actual_value": "18"}]}`` sets the actual values (an empty value clears
one). A bad row is a 400 naming the field ``values``, the row's index and
the indicator; nothing is written. The project's draft scorecards are
re-scored."""

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides

from changde.perfmgmt.assessment.actuals import set_actual_values
from changde.perfmgmt.assessment.actuals import validate_actual_values
from changde.perfmgmt.assessment.services.actual_values.get import actual_values_answer
from changde.perfmgmt.core.rest import bad_request
from changde.perfmgmt.core.rest import invalid_body
from changde.perfmgmt.core.rest import read_json_object
from changde.perfmgmt.core.rest import violation_errors
from changde.perfmgmt.i18n import _


class ActualValuesPost(Service):
    def reply(self):
        # a JSON API call authenticated per request: no CSRF token to check
        alsoProvides(self.request, IDisableCSRFProtection)
        body = read_json_object(self.request)
        if body is None:
            return invalid_body(self.request)
        values = body.get("values")
        violations = validate_actual_values(self.context, values)
        if violations:
            return bad_request(
                self.request,
                _(
                    "api_actual_values_refused",
                    default="The actual values were refused.",
                ),
                violation_errors(violations, self.request),
            )
        changed = set_actual_values(self.context, values)
        return {
            **actual_values_answer(self.context),
            "changed": [indicator.UID() for indicator in changed],
        }
