"""Upgrade steps of the monitoring profile (``changde.perfmgmt.monitoring:default``)."""

PROFILE = "profile-changde.perfmgmt.monitoring:default"


def to_1001(context):
    """The module's top tabs (actions.xml), each shown to those who may use
    its area."""
    context.runImportStepFromProfile(PROFILE, "actions")
