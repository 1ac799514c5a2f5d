"""A rule's answer as a schema error, so that the same plain-Python rule
refuses a value in the z3c.form forms and in plone.restapi's deserializer,
with its own message naming the field (not zope.schema's "Value is too
small").

- :class:`RuleConstraint` is a field's ``constraint``: it runs a rule's check
  on the value and raises :class:`RuleViolationError` with the first
  violation. The REST error view (:mod:`changde.perfmgmt.core.rest_errors`)
  runs the same check on the raw value sent, so a value the deserializer
  could not even read ("abc" for a year) gets the rule's message too.
- :class:`RuleInvalid` is what an invariant raises: the violation's message,
  and the violation kept on the request so that the REST error view can name
  the field of a cross-field rule.
- :class:`SettingsInvalid` is what a settings schema's invariant raises: the
  translated message (``@controlpanels`` answers ``str(error)``) and the
  settings it is about, where the control panel shows it
  (:class:`changde.perfmgmt.core.controlpanels.SettingsEditForm`).
"""

from zope.annotation.interfaces import IAnnotations
from zope.globalrequest import getRequest
from zope.interface import Invalid
from zope.schema import ValidationError

from changde.perfmgmt.core.messages import violation_message

#: Request annotation: the violations invariants raised during this request.
RAISED_KEY = "changde.perfmgmt.core.validation.raised"


class RuleViolationError(ValidationError):
    """A field's value breaks a rule; :meth:`doc` is the rule's message."""

    def __init__(self, violation):
        super().__init__(violation.text)
        self.violation = violation

    def doc(self):
        # z3c.form and plone.restapi show doc(); translated in the user's language
        return violation_message(self.violation)


class RuleConstraint:
    """A schema constraint calling ``check(value)``, a rule answering a list of
    :class:`~changde.perfmgmt.core.rules.violations.Violation` (empty when met)."""

    def __init__(self, check):
        self.check = check

    def __call__(self, value):
        violations = self.check(value)
        if violations:
            raise RuleViolationError(violations[0])
        return True


class RuleInvalid(Invalid):
    """An invariant's refusal with the rule's message (``args[0]``, as z3c.form
    and plone.restapi read it); the violation keeps the field at fault."""

    def __init__(self, violation):
        super().__init__(violation_message(violation))
        self.violation = violation
        remember_raised(violation)


def remember_raised(violation):
    request = getRequest()
    if request is None:
        return
    try:
        annotations = IAnnotations(request)
    except TypeError:
        return
    annotations.setdefault(RAISED_KEY, []).append(violation)


def raised_violations(request):
    """The violations :class:`RuleInvalid` raised during ``request``."""
    try:
        return list(IAnnotations(request).get(RAISED_KEY, ()))
    except TypeError:
        return []


class SettingsInvalid(Invalid):
    """A settings invariant's refusal: the message, and ``fields``, the names
    of the settings to correct."""

    def __init__(self, message, fields=()):
        super().__init__(message)
        self.fields = tuple(name for name in fields if name)

    def __str__(self):
        # a Message stays one, so that @controlpanels can translate it
        return self.args[0]
