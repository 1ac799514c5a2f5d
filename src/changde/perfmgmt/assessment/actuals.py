"""Indicators' actual values (年末实际值, R-M6), entered by the unit at year
end through ``@@actual-values`` and ``POST @actual-values``: the project's
indicators, the check of what is sent, and the write (each changed
indicator gets a modified event, so the draft scorecards follow)."""

from plone import api
from zope.event import notify
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import ObjectModifiedEvent

from changde.perfmgmt.core.rules.violations import Violation
from changde.perfmgmt.declaration.content.indicator import IIndicator

#: the longest actual value accepted (the field is a text line)
MAX_LENGTH = 200


def indicators_of(project):
    catalog = api.portal.get_tool("portal_catalog")
    return [
        brain._unrestrictedGetObject()
        for brain in catalog.unrestrictedSearchResults(
            portal_type="Indicator",
            path={"query": "/".join(project.getPhysicalPath()), "depth": 1},
            sort_on="getObjPositionInParent",
        )
    ]


def validate_actual_values(project, values):
    """Violations of ``values`` (``[{"indicator": uid, "actual_value":
    text}]``, field ``values``): each names an indicator of the project,
    once, with text of at most :data:`MAX_LENGTH` characters."""
    if not isinstance(values, list):
        return [
            Violation(
                code="actual_values_not_a_list",
                default="values must be a list of {indicator, actual_value}.",
                field="values",
            )
        ]
    known = {indicator.UID() for indicator in indicators_of(project)}
    violations, seen = [], set()
    for index, row in enumerate(values):
        uid = row.get("indicator") if isinstance(row, dict) else None
        if not isinstance(row, dict) or set(row) - {"indicator", "actual_value"}:
            violations.append(
                Violation(
                    code="actual_value_row_invalid",
                    default="Row ${index} must be {indicator, actual_value}.",
                    field="values",
                    params={"index": index, "indicator": uid},
                )
            )
            continue
        if uid not in known:
            violations.append(
                Violation(
                    code="actual_value_unknown_indicator",
                    default="“${indicator}” is not an indicator of this project.",
                    field="values",
                    params={"index": index, "indicator": uid},
                )
            )
            continue
        if uid in seen:
            violations.append(
                Violation(
                    code="actual_value_indicator_twice",
                    default="The indicator ${indicator} is given twice.",
                    field="values",
                    params={"index": index, "indicator": uid},
                )
            )
            continue
        seen.add(uid)
        value = row.get("actual_value")
        if value is not None and not isinstance(value, str | int | float):
            violations.append(
                Violation(
                    code="actual_value_not_text",
                    default=(
                        "The actual value of row ${index} must be text or a number."
                    ),
                    field="values",
                    params={"index": index, "indicator": uid},
                )
            )
        elif value is not None and (
            isinstance(value, bool)
            or len(str(value)) > MAX_LENGTH
            or "\n" in str(value)
        ):
            violations.append(
                Violation(
                    code="actual_value_too_long",
                    default=(
                        "The actual value of row ${index} must be one line of at "
                        "most ${maximum} characters."
                    ),
                    field="values",
                    params={"index": index, "indicator": uid, "maximum": MAX_LENGTH},
                )
            )
    return violations


def set_actual_values(project, values):
    """Write checked ``values``; answer the indicators changed."""
    by_uid = {indicator.UID(): indicator for indicator in indicators_of(project)}
    changed = []
    for row in values:
        indicator = by_uid[row["indicator"]]
        value = row.get("actual_value")
        value = (
            None if value is None or str(value).strip() == "" else str(value).strip()
        )
        if indicator.actual_value != value:
            indicator.actual_value = value
            indicator.reindexObject()
            notify(
                ObjectModifiedEvent(indicator, Attributes(IIndicator, "actual_value"))
            )
            changed.append(indicator)
    return changed
