"""Upgrade steps of the monitoring profile
(``changde.perfmgmt.monitoring:default``)."""

PROFILE = "profile-changde.perfmgmt.monitoring:default"


def to_1001(context):
    """The module's top tabs (actions.xml), each shown to those who may use
    its area."""
    context.runImportStepFromProfile(PROFILE, "actions")


def to_1002(context):
    """Records take their jurisdiction and unit from the tenancy behavior
    (same fields, same values) instead of declaring them again."""
    context.runImportStepFromProfile(PROFILE, "typeinfo")
