"""The evaluation folder (绩效评价) in the site root: the reports of every
year; published, the performance column anyone may read."""

from plone import api

FOLDER_ID = "evaluation"
FOLDER_TITLE = "绩效评价"


def evaluation_folder(portal=None, create=True):
    """The evaluation folder (created, and published, when missing)."""
    portal = portal or api.portal.get()
    folder = portal.get(FOLDER_ID)
    if folder is None and create:
        with api.env.adopt_roles(["Manager"]):
            api.content.create(
                container=portal,
                type="EvaluationFolder",
                id=FOLDER_ID,
                title=FOLDER_TITLE,
                description="评价报告;已公开的报告在此向社会公开(绩效公开栏)。",
            )
            folder = portal[FOLDER_ID]
            workflow = api.portal.get_tool("portal_workflow")
            workflow.doActionFor(folder, "publish")
        folder = portal[FOLDER_ID]
    return folder
