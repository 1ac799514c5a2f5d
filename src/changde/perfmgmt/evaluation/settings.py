"""Registry settings of the evaluation module (prefix
``changde.perfmgmt.evaluation``): the grade bands, the rectification target
and the thresholds of result application.

The defaults come from :mod:`changde.perfmgmt.evaluation.rules`, so the plan's
numbers are written in one place. The control panel (评价规则,and
``@controlpanels/perfmgmt-evaluation``) refuses what the rules refuse: the
schema's invariants call the rules' validation. Settings written around it
(e.g. in the registry's own editor) that the rules refuse fall back to the
plan's defaults (logged), so a typo never breaks a page.
"""

import logging
from decimal import Decimal

from zope import schema
from zope.globalrequest import getRequest
from zope.interface import Interface
from zope.interface import Invalid
from zope.interface import invariant

from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.core.settings import registry_value
from changde.perfmgmt.core.validation import SettingsInvalid
from changde.perfmgmt.evaluation.rules.application import (
    DEFAULT_RESULT_APPLICATION_SETTINGS,
)
from changde.perfmgmt.evaluation.rules.application import ResultApplicationSettings
from changde.perfmgmt.evaluation.rules.application import (
    validate_result_application_settings,
)
from changde.perfmgmt.evaluation.rules.grades import DEFAULT_GRADE_BANDS
from changde.perfmgmt.evaluation.rules.grades import GradeBands
from changde.perfmgmt.evaluation.rules.grades import validate_grade_bands
from changde.perfmgmt.evaluation.rules.rectification import (
    DEFAULT_RECTIFICATION_SETTINGS,
)
from changde.perfmgmt.evaluation.rules.rectification import RectificationSettings
from changde.perfmgmt.i18n import _

PREFIX = "changde.perfmgmt.evaluation"

logger = logging.getLogger("changde.perfmgmt.evaluation")

_BANDS = DEFAULT_GRADE_BANDS
_APPLICATION = DEFAULT_RESULT_APPLICATION_SETTINGS


def _setting(data, name, default):
    """The value of ``name`` in the form's (or REST request's) data; a PATCH
    that does not name it leaves the stored value."""
    try:
        value = getattr(data, name)
    except (AttributeError, TypeError, Invalid):
        value = None
    return _record(name, default) if value is None else value


def _refuse(violations):
    if violations:
        violation = violations[0]
        raise SettingsInvalid(
            translate_violation(violation, getRequest()), (violation.field,)
        )


class IEvaluationSettings(Interface):
    excellent_min = schema.Decimal(
        title=_("label_grade_excellent_min", default="优: lowest score"),
        default=_BANDS.excellent_min,
        min=Decimal(0),
        max=Decimal(100),
    )
    good_min = schema.Decimal(
        title=_("label_grade_good_min", default="良: lowest score"),
        default=_BANDS.good_min,
        min=Decimal(0),
        max=Decimal(100),
    )
    average_min = schema.Decimal(
        title=_("label_grade_average_min", default="中: lowest score"),
        description=_("help_average_min", default="Scores under it are 差."),
        default=_BANDS.average_min,
        min=Decimal(0),
        max=Decimal(100),
    )
    rectification_target_rate = schema.Decimal(
        title=_(
            "label_rectification_target_rate",
            default="Rectification target rate (%)",
        ),
        default=DEFAULT_RECTIFICATION_SETTINGS.target_rate,
        min=Decimal(0),
        max=Decimal(100),
    )
    low_execution_rate = schema.Decimal(
        title=_(
            "label_low_execution_rate",
            default="Low final-round execution rate (%)",
        ),
        description=_(
            "help_low_execution_rate",
            default="A rate strictly under it is low (70 is not low, 69.99 is).",
        ),
        default=_APPLICATION.low_execution_rate,
        min=Decimal(0),
        max=Decimal(100),
    )
    low_execution_years = schema.Int(
        title=_(
            "label_low_execution_years",
            default="Years of low execution running before key evaluation",
        ),
        default=_APPLICATION.low_execution_years,
        min=1,
    )
    idle_funds_months = schema.Int(
        title=_(
            "label_idle_funds_months", default="Months before idle funds are recovered"
        ),
        default=_APPLICATION.idle_funds_months,
        min=1,
    )

    @invariant
    def grade_bands_in_order(data):
        _refuse(
            validate_grade_bands(
                GradeBands(
                    excellent_min=_setting(data, "excellent_min", _BANDS.excellent_min),
                    good_min=_setting(data, "good_min", _BANDS.good_min),
                    average_min=_setting(data, "average_min", _BANDS.average_min),
                )
            )
        )

    @invariant
    def result_application_thresholds(data):
        _refuse(
            validate_result_application_settings(
                ResultApplicationSettings(
                    low_execution_rate=_setting(
                        data, "low_execution_rate", _APPLICATION.low_execution_rate
                    ),
                    low_execution_years=_setting(
                        data, "low_execution_years", _APPLICATION.low_execution_years
                    ),
                    idle_funds_months=_setting(
                        data, "idle_funds_months", _APPLICATION.idle_funds_months
                    ),
                )
            )
        )


def _record(name, default):
    return registry_value(PREFIX, name, default)


def grade_bands():
    """The office's grade bands as :class:`rules.GradeBands`."""
    bands = GradeBands(
        excellent_min=_record("excellent_min", _BANDS.excellent_min),
        good_min=_record("good_min", _BANDS.good_min),
        average_min=_record("average_min", _BANDS.average_min),
    )
    violations = validate_grade_bands(bands)
    if violations:
        logger.warning(
            "grade bands refused, using the defaults: %s",
            "; ".join(violation.text for violation in violations),
        )
        return _BANDS
    return bands


def rectification_settings():
    return RectificationSettings(
        target_rate=_record(
            "rectification_target_rate",
            DEFAULT_RECTIFICATION_SETTINGS.target_rate,
        )
    )


def result_application_settings():
    settings = ResultApplicationSettings(
        low_execution_rate=_record(
            "low_execution_rate", _APPLICATION.low_execution_rate
        ),
        low_execution_years=_record(
            "low_execution_years", _APPLICATION.low_execution_years
        ),
        idle_funds_months=_record("idle_funds_months", _APPLICATION.idle_funds_months),
    )
    violations = validate_result_application_settings(settings)
    if violations:
        logger.warning(
            "result application settings refused, using the defaults: %s",
            "; ".join(violation.text for violation in violations),
        )
        return _APPLICATION
    return settings
