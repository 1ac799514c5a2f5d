"""What the monitoring profile's XML cannot say: the monitoring folder, and
the new ``project_code`` index filled for projects that already exist."""

from plone import api

from changde.perfmgmt.monitoring.rounds import monitoring_folder


def post_install(context):
    portal = api.portal.get()
    monitoring_folder(portal)
    catalog = api.portal.get_tool("portal_catalog")
    indexes = catalog.Indexes
    if "project_code" in catalog.indexes() and not indexes["project_code"].numObjects():
        catalog.manage_reindexIndex(ids=["project_code"])
