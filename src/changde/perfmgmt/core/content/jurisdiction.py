"""Jurisdiction (区县市 / 市本级): the municipal level, a district, county,
county-level city or management zone. Holds its budget units; its staff group
gets local roles on it (see :mod:`changde.perfmgmt.core.tenancy`)."""

from plone import api
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from changde.perfmgmt.core.content.tenant_folder import TenantFolder
from changde.perfmgmt.i18n import _


class IJurisdiction(model.Schema):
    kind = schema.Choice(
        title=_("label_jurisdiction_kind", default="Kind of jurisdiction"),
        vocabulary="changde.perfmgmt.JurisdictionKinds",
        required=True,
    )

    region_code = schema.TextLine(
        title=_("label_region_code", default="Administrative division code"),
        required=False,
    )


@implementer(IJurisdiction)
class Jurisdiction(TenantFolder):
    """A jurisdiction; ``staff_group`` is the id of its staff group."""

    staff_group = None


def reindex_kind_of_contents(jurisdiction, event):
    """IObjectModifiedEvent: what the jurisdiction holds is indexed by its
    kind (``jurisdiction_kind``); after the kind changed, reindex the entries
    still indexed under another kind. The catalog finds them, so nothing
    else is woken, and an edit that keeps the kind reindexes nothing."""
    kind = jurisdiction.kind
    if not kind:
        return
    path = "/".join(jurisdiction.getPhysicalPath())
    catalog = api.portal.get_tool("portal_catalog")
    stale = catalog.unrestrictedSearchResults(
        path={"query": path}, jurisdiction_kind={"not": kind}
    )
    for brain in stale:
        # the jurisdiction's own entry is reindexed by Plone for this event
        if brain.getPath() != path:
            brain._unrestrictedGetObject().reindexObject(idxs=["jurisdiction_kind"])
