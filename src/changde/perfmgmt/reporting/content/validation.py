"""Field constraints that call the rules, so that the forms and plone.restapi
refuse the same input with the same field-level message."""

from zope.globalrequest import getRequest
from zope.interface import Invalid

from changde.perfmgmt.core.messages import translate_violation


def check(rule):
    """A schema constraint from a rule answering violations."""

    def constraint(value):
        violations = rule(value)
        if violations:
            raise Invalid(translate_violation(violations[0], getRequest()))
        return True

    return constraint
