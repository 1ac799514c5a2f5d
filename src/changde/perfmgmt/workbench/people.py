"""Who the current user is for the workbench: the performance office, a
budget reviewer, the staff of budget units or of jurisdictions (one user may
be several). Staff are found through the local roles of their groups on their
tenant folders (the ``allowedRolesAndUsers`` index of jurisdictions and units
names the groups with a local role): only the handful of folders found are
woken, to compare their ``staff_group``."""

from dataclasses import dataclass
from dataclasses import field

from plone import api

from changde.perfmgmt.core.content.budget_unit import IBudgetUnit
from changde.perfmgmt.core.roles import BUDGET_REVIEWER
from changde.perfmgmt.core.roles import PERFORMANCE_OFFICER
from changde.perfmgmt.declaration.figures import Tenant

#: Global roles that see the office's workbench (the site's managers too).
OFFICE_ROLES = (PERFORMANCE_OFFICER, "Manager", "Site Administrator")


@dataclass
class People:
    """The parts of the workbench the user gets."""

    office: bool = False
    reviewer: bool = False
    #: the budget units whose staff the user is (Tenants)
    units: list = field(default_factory=list)
    #: the jurisdictions whose staff the user is (Tenants)
    jurisdictions: list = field(default_factory=list)

    @property
    def anything(self):
        return self.office or self.reviewer or bool(self.units or self.jurisdictions)


def people(user=None):
    """The :class:`People` of ``user`` (default: the current user); nothing
    for anonymous."""
    if user is None:
        if api.user.is_anonymous():
            return People()
        user = api.user.get_current()
    roles = set(api.user.get_roles(user=user))
    # group ids only: GroupData wrappers would outlive the request's connection
    groups = set(user.getGroups()) if hasattr(user, "getGroups") else set()
    answer = People(
        office=bool(roles.intersection(OFFICE_ROLES)),
        reviewer=BUDGET_REVIEWER in roles,
    )
    if not groups:
        return answer
    catalog = api.portal.get_tool("portal_catalog")
    portal_path = "/".join(api.portal.get().getPhysicalPath())
    brains = catalog.unrestrictedSearchResults(
        portal_type=["Jurisdiction", "BudgetUnit"],
        allowedRolesAndUsers=[f"user:{group}" for group in groups],
        sort_on="path",
    )
    for brain in brains:
        folder = brain._unrestrictedGetObject()
        if getattr(folder, "staff_group", None) not in groups:
            continue
        path = brain.getPath()
        tenant = Tenant(
            id=brain.getId,
            title=brain.Title,
            path=path,
            url=brain.getURL(),
            uid=brain.UID,
            kind=None if IBudgetUnit.providedBy(folder) else folder.kind,
            jurisdiction=path[len(portal_path) + 1 :].split("/", 1)[0],
        )
        if IBudgetUnit.providedBy(folder):
            answer.units.append(tenant)
        else:
            answer.jurisdictions.append(tenant)
    return answer
