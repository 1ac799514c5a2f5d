"""Upgrade steps of the evaluation profile
(``changde.perfmgmt.evaluation:default``)."""

PROFILE = "profile-changde.perfmgmt.evaluation:default"


def to_1001(context):
    """The module's top tabs (actions.xml), each shown to those who may use
    its area."""
    context.runImportStepFromProfile(PROFILE, "actions")


def to_1002(context):
    """The workflows hold the state titles the pages show (市政府已批准,
    不予列入, 待整改, 退回重改): no Python repeats them."""
    context.runImportStepFromProfile(PROFILE, "workflow")


def to_1003(context):
    """Reports, rectification items and negative-list entries take their
    jurisdiction and unit from the tenancy behavior (same fields, same
    values)."""
    context.runImportStepFromProfile(PROFILE, "typeinfo")
