"""Which monitoring records a batch may overwrite."""

from changde.perfmgmt.core.rules.violations import Violation

#: Record states a batch import may not overwrite: the unit has submitted the
#: record or the office has confirmed it; the office returns it first.
LOCKED_STATES = ("submitted", "confirmed")


def locked_record_violation(state, field: str = "project") -> list[Violation]:
    """A violation when a batch would overwrite a record in ``state``
    (:data:`LOCKED_STATES`): the office returns the record first."""
    if state not in LOCKED_STATES:
        return []
    return [
        Violation(
            code="monitoring_record_locked",
            default="The record is ${state}: a submitted or confirmed record "
            "must be returned first.",
            field=field,
            params={"state": state},
        )
    ]
