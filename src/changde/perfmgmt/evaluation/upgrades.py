"""Upgrade steps of the evaluation profile (``changde.perfmgmt.evaluation:default``)."""

PROFILE = "profile-changde.perfmgmt.evaluation:default"


def to_1001(context):
    """The module's top tabs (actions.xml), each shown to those who may use
    its area."""
    context.runImportStepFromProfile(PROFILE, "actions")
