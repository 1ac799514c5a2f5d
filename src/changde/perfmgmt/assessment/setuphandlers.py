"""What the assessment profile's XML cannot say: the assessment area in the
site root and the three shipped scorecard templates, active, for the
current year (idempotent: what exists by id is left alone); and the
behaviors the module adds to other modules' types kept when those modules
re-import their types (an upgrade step running ``typeinfo``)."""

from plone import api
from Products.GenericSetup.tool import UNKNOWN

from changde.perfmgmt.assessment.defaults import default_templates
from changde.perfmgmt.core.rules.clock import today_in_china

FOLDER_ID = "assessment"
FOLDER_TITLE = "绩效考核"
PROFILE = "changde.perfmgmt.assessment:default"
#: What the profile's types/*.xml add to other modules' types.
ADDED_BEHAVIORS = {
    "EvaluationReport": "changde.perfmgmt.scorecard",
    "Jurisdiction": "changde.perfmgmt.it_system",
}


def assessment_folder(portal=None, create=True):
    portal = portal or api.portal.get()
    folder = portal.get(FOLDER_ID)
    if folder is None and create:
        with api.env.adopt_roles(["Manager"]):
            folder = api.content.create(
                container=portal,
                type="AssessmentFolder",
                id=FOLDER_ID,
                title=FOLDER_TITLE,
                description="评分表模板、年度绩效考核和信息化奖补。",
            )
    return folder


def install_default_templates(folder, year=None):
    """Create and activate the shipped templates missing from ``folder``;
    answer the ones created."""
    year = year or today_in_china().year
    created = []
    workflow = api.portal.get_tool("portal_workflow")
    with api.env.adopt_roles(["Manager"]):
        for data in default_templates():
            template_id = f"{data['id']}-{year}"
            if template_id in folder.objectIds():
                continue
            template = api.content.create(
                container=folder,
                type="ScorecardTemplate",
                id=template_id,
                title=f"{data['title']}({year}年)",
                description=data["description"],
                template_kind=data["kind"],
                year=year,
                criteria=data["criteria"],
            )
            workflow.doActionFor(template, "activate")
            created.append(template)
    return created


def post_install(context):
    portal = api.portal.get()
    install_default_templates(assessment_folder(portal))


def keep_added_behaviors(event):
    """Another profile re-imported its types (evaluation's or core's upgrade
    steps run ``typeinfo``, which sets a type's behaviors to its own list):
    while the module is installed, its behaviors on those types are added
    back, whatever order the upgrades run in."""
    if "typeinfo" not in (event.steps or ()) or PROFILE in (event.profile_id or ""):
        return
    tool = event.tool
    if tool.getLastVersionForProfile(PROFILE) == UNKNOWN:
        return
    types = api.portal.get_tool("portal_types")
    for portal_type, behavior in ADDED_BEHAVIORS.items():
        fti = types.get(portal_type)
        if fti is not None and behavior not in fti.behaviors:
            fti.manage_changeProperties(behaviors=(*fti.behaviors, behavior))
