"""Upgrade steps of the declaration profile
(``changde.perfmgmt.declaration:default``)."""

from plone import api

PROFILE = "profile-changde.perfmgmt.declaration:default"
CORE_PROFILE = "profile-changde.perfmgmt.core:default"


def to_1001(context):
    """Indexes of the indicator-library picker (sector, level1, level2) and
    the declaration rules' control panel (申报规则)."""
    context.runImportStepFromProfile(PROFILE, "catalog")
    context.runImportStepFromProfile(PROFILE, "controlpanel")
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(
        portal_type=["Indicator", "IndicatorTemplate"]
    ):
        brain._unrestrictedGetObject().reindexObject(
            idxs=["sector", "level1", "level2"]
        )


def to_1002(context):
    """Projects are found by their code and the words of their goal
    (the plone.textindexer behaviour); indicators' target values are catalog
    metadata (the special-fund gate counts quantifiable indicators with a
    target); "Return to unit" in the status menu opens the form asking for
    the reason (@@return-to-unit)."""
    context.runImportStepFromProfile(PROFILE, "typeinfo")
    context.runImportStepFromProfile(PROFILE, "catalog")
    context.runImportStepFromProfile(PROFILE, "workflow")
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="BudgetProject"):
        brain._unrestrictedGetObject().reindexObject(idxs=["SearchableText"])
    for brain in catalog.unrestrictedSearchResults(portal_type="Indicator"):
        # idxs names one cheap index: the point is the metadata row
        brain._unrestrictedGetObject().reindexObject(idxs=["getId"])


def to_1003(context):
    """The module's top tabs (actions.xml), each shown to those who may use
    its area."""
    context.runImportStepFromProfile(PROFILE, "actions")


def to_1004(context):
    """The indicator table from the catalog (comparator, unit, weight,
    actual value); the review queue and the list of projects (when a project
    entered its state, the reason it was returned, amounts sorted); reviewers
    keep read access to what they returned (workflow); the tabs 本单位 and
    审核队列 (actions)."""
    context.runImportStepFromProfile(PROFILE, "catalog")
    context.runImportStepFromProfile(PROFILE, "workflow")
    context.runImportStepFromProfile(PROFILE, "actions")
    workflow_tool = api.portal.get_tool("portal_workflow")
    workflow = workflow_tool.getWorkflowById("perfmgmt_declaration_workflow")
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="BudgetProject"):
        project = brain._unrestrictedGetObject()
        if workflow.updateRoleMappingsFor(project):
            project.reindexObjectSecurity()
        project.reindexObject(idxs=["state_since", "amount"])
    for brain in catalog.unrestrictedSearchResults(
        portal_type=["Indicator", "IndicatorTemplate"]
    ):
        # idxs names one cheap index: the point is the metadata row
        brain._unrestrictedGetObject().reindexObject(idxs=["getId"])


def to_1005(context):
    """Versions of projects and indicators from their first change on
    (CMFEditions, R-P6): the repository's policies and the history view's
    field comparison."""
    context.runImportStepFromProfile(CORE_PROFILE, "repositorytool")  # the policy
    context.runImportStepFromProfile(PROFILE, "repositorytool")
    context.runImportStepFromProfile(PROFILE, "difftool")


def to_1006(context):
    """A project's indicator counts are catalog metadata (the dashboards and
    the annual report count the share of quantified indicators from them)."""
    context.runImportStepFromProfile(PROFILE, "catalog")
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="BudgetProject"):
        # idxs names one cheap index: the point is the metadata row
        brain._unrestrictedGetObject().reindexObject(idxs=["getId"])


def to_1007(context):
    """The ``quantifiable`` index: the share of quantifiable indicators (the
    annual report, the dashboards) is counted from index lengths, without
    loading 100,000 indicator brains."""
    context.runImportStepFromProfile(PROFILE, "catalog")
    catalog = api.portal.get_tool("portal_catalog")
    catalog.manage_reindexIndex(ids=["quantifiable"])


def to_1008(context):
    """Indicators leave the full-text index
    (:func:`indexers.indicator_searchable_text`): their entries are removed
    from it, nothing else is touched."""
    catalog = api.portal.get_tool("portal_catalog")
    index = catalog._catalog.getIndex("SearchableText")
    for brain in catalog.unrestrictedSearchResults(portal_type="Indicator"):
        index.unindex_object(brain.getRID())
