"""Upgrade steps of the monitoring profile
(``changde.perfmgmt.monitoring:default``)."""

PROFILE = "profile-changde.perfmgmt.monitoring:default"


def to_1001(context):
    """Records take their jurisdiction and unit from the tenancy behavior
    (same fields, same values) instead of declaring them again."""
    context.runImportStepFromProfile(PROFILE, "typeinfo")
