"""Registry settings of the declaration module: the plan's thresholds.

The defaults come from the rule module's settings dataclasses, so the plan's
numbers are written in one place (:mod:`changde.perfmgmt.declaration.rules`).
"""

from decimal import Decimal

from zope import schema
from zope.interface import Interface

from changde.perfmgmt.core.settings import registry_value
from changde.perfmgmt.declaration.rules.coverage import DEFAULT_COVERAGE_SETTINGS
from changde.perfmgmt.declaration.rules.coverage import CoverageSettings
from changde.perfmgmt.declaration.rules.fields import DEFAULT_SETTINGS
from changde.perfmgmt.declaration.rules.fields import DeclarationSettings
from changde.perfmgmt.i18n import _

PREFIX = "changde.perfmgmt.declaration"

DEFAULT_INDICATOR_LEVELS = (
    "产出指标/数量指标",
    "产出指标/质量指标",
    "产出指标/时效指标",
    "产出指标/成本指标",
    "效益指标/经济效益指标",
    "效益指标/社会效益指标",
    "效益指标/生态效益指标",
    "效益指标/可持续影响指标",
    "满意度指标/服务对象满意度指标",
    "成本指标/经济成本指标",
    "成本指标/社会成本指标",
    "成本指标/生态环境成本指标",
)


class IDeclarationSettings(Interface):
    min_quantifiable_indicators = schema.Int(
        title=_(
            "label_min_quantifiable_indicators",
            default="Minimum quantifiable indicators of a special fund",
        ),
        default=DEFAULT_SETTINGS.min_quantifiable_indicators,
        min=0,
    )
    management_measure_threshold = schema.Decimal(
        title=_(
            "label_management_measure_threshold",
            default="Special-fund amount (yuan) that needs a management measure",
        ),
        default=DEFAULT_SETTINGS.management_measure_threshold,
        min=Decimal(0),
    )
    municipal_special_fund_cap = schema.Int(
        title=_(
            "label_municipal_special_fund_cap",
            default="Most special funds at the municipal level per year",
        ),
        default=DEFAULT_SETTINGS.municipal_special_fund_cap,
        min=0,
    )
    full_coverage_year = schema.Int(
        title=_(
            "label_full_coverage_year",
            default="Year from which every jurisdiction covers all four budgets",
        ),
        default=DEFAULT_COVERAGE_SETTINGS.full_coverage_year,
    )
    debt_from_year = schema.Int(
        title=_(
            "label_debt_from_year",
            default="Year from which the municipal level manages government debt",
        ),
        default=DEFAULT_COVERAGE_SETTINGS.debt_from_year,
    )
    district_minimum_before_full = schema.Int(
        title=_(
            "label_district_minimum_before_full",
            default="Budgets a district covers before full coverage",
        ),
        default=DEFAULT_COVERAGE_SETTINGS.district_minimum_before_full,
        min=0,
        max=4,
    )
    indicator_levels = schema.List(
        title=_(
            "label_indicator_levels",
            default="Level 1 / level 2 indicators (national framework)",
        ),
        description=_(
            "help_indicator_levels",
            default="One 'level 1/level 2' pair a line, e.g. 产出指标/数量指标.",
        ),
        value_type=schema.TextLine(),
        default=list(DEFAULT_INDICATOR_LEVELS),
    )


def _record(name, default):
    return registry_value(PREFIX, name, default)


def declaration_settings():
    """The thresholds of the gates, as the office set them."""
    default = DEFAULT_SETTINGS
    return DeclarationSettings(
        min_quantifiable_indicators=_record(
            "min_quantifiable_indicators", default.min_quantifiable_indicators
        ),
        management_measure_threshold=_record(
            "management_measure_threshold", default.management_measure_threshold
        ),
        municipal_special_fund_cap=_record(
            "municipal_special_fund_cap", default.municipal_special_fund_cap
        ),
        min_year=default.min_year,
        max_year=default.max_year,
    )


def coverage_settings():
    default = DEFAULT_COVERAGE_SETTINGS
    return CoverageSettings(
        full_coverage_year=_record("full_coverage_year", default.full_coverage_year),
        debt_from_year=_record("debt_from_year", default.debt_from_year),
        district_minimum_before_full=_record(
            "district_minimum_before_full", default.district_minimum_before_full
        ),
    )


def indicator_levels():
    return tuple(_record("indicator_levels", list(DEFAULT_INDICATOR_LEVELS)))
