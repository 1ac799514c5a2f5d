"""Install steps of the workbench that GenericSetup's XML cannot express."""

from plone import api


def post_install(context):
    """Fill the new metadata (``state_since``, ``state_comment``) of the
    content that has a workflow state already (a site installing the module
    later)."""
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(review_state=_states(catalog)):
        obj = brain._unrestrictedGetObject()
        # idxs names one cheap index: the point is the metadata row
        obj.reindexObject(idxs=["getId"])


def _states(catalog):
    return list(catalog.uniqueValuesFor("review_state"))
