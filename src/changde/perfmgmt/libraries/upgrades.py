"""Upgrade steps of the libraries profile (``changde.perfmgmt.libraries:default``)."""

PROFILE = "profile-changde.perfmgmt.libraries:default"


def to_1001(context):
    """The module's top tabs (actions.xml), each shown to those who may use
    its area."""
    context.runImportStepFromProfile(PROFILE, "actions")
