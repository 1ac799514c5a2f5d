"""Registry settings of the publicity module (prefix
``changde.perfmgmt.publicity``): the limits of the public forms (the rate
limit per address and the length of what people type).

The defaults come from :mod:`changde.perfmgmt.publicity.rules.public_forms`;
the control panel (宣传与培训, ``@controlpanels/perfmgmt-publicity``)
refuses what the rules refuse. A stored value the rules refuse falls back to
the default (logged), so a typo never opens the forms to a flood.
"""

import dataclasses
import logging

from zope import schema
from zope.globalrequest import getRequest
from zope.interface import Interface
from zope.interface import Invalid
from zope.interface import invariant

from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.core.settings import registry_value
from changde.perfmgmt.core.validation import SettingsInvalid
from changde.perfmgmt.i18n import _
from changde.perfmgmt.publicity.rules import public_forms

PREFIX = "changde.perfmgmt.publicity"

logger = logging.getLogger("changde.perfmgmt.publicity")

_DEFAULTS = public_forms.DEFAULT_PUBLIC_FORM_SETTINGS
FIELDS = tuple(field.name for field in dataclasses.fields(_DEFAULTS))


def _setting(data, name):
    try:
        value = getattr(data, name)
    except (AttributeError, TypeError, Invalid):
        value = None
    return _record(name) if value is None else value


def _record(name):
    return registry_value(PREFIX, name, getattr(_DEFAULTS, name))


class IPublicitySettings(Interface):
    rate_limit = schema.Int(
        title=_("label_rate_limit", default="Submissions per address and window"),
        description=_(
            "help_rate_limit",
            default="How many times one address may send the same public form "
            "(feedback, sign-up) within the window; more are refused.",
        ),
        default=_DEFAULTS.rate_limit,
        min=1,
    )
    rate_window_minutes = schema.Int(
        title=_(
            "label_rate_window_minutes", default="Window of the rate limit (minutes)"
        ),
        default=_DEFAULTS.rate_window_minutes,
        min=1,
    )
    max_text_length = schema.Int(
        title=_("label_max_text_length", default="Longest comment (characters)"),
        default=_DEFAULTS.max_text_length,
        min=1,
    )
    max_line_length = schema.Int(
        title=_(
            "label_max_line_length",
            default="Longest one-line answer such as a name (characters)",
        ),
        default=_DEFAULTS.max_line_length,
        min=1,
    )

    @invariant
    def limits_usable(data):
        violations = public_forms.settings_violations(
            public_forms.PublicFormSettings(
                **{name: _setting(data, name) for name in FIELDS}
            )
        )
        if violations:
            violation = violations[0]
            raise SettingsInvalid(
                translate_violation(violation, getRequest()), (violation.field,)
            )


def public_form_settings():
    """The office's limits as :class:`public_forms.PublicFormSettings`."""
    settings = public_forms.PublicFormSettings(
        **{name: _record(name) for name in FIELDS}
    )
    violations = public_forms.settings_violations(settings)
    if violations:
        logger.warning(
            "public form settings refused, using the defaults: %s",
            "; ".join(violation.text for violation in violations),
        )
        return _DEFAULTS
    return settings
