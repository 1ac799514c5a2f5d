"""Creating a jurisdiction or a budget unit sets up its staff group.

The group ``perfmgmt-<jurisdiction>-staff`` (for a unit
``perfmgmt-<jurisdiction>-<unit>-staff``) gets the local roles of
:data:`roles.STAFF_LOCAL_ROLES` on the folder, so its
members see and edit their own jurisdiction's or unit's content and nothing of
the others' (the tenant workflow grants View only to those roles and the office).
"""

from plone import api

from changde.perfmgmt.core.roles import STAFF_LOCAL_ROLES


def staff_group_id(obj):
    from changde.perfmgmt.core.content.budget_unit import IBudgetUnit

    if IBudgetUnit.providedBy(obj):
        jurisdiction = obj.aq_parent
        return f"perfmgmt-{jurisdiction.getId()}-{obj.getId()}-staff"
    return f"perfmgmt-{obj.getId()}-staff"


def staff_group_title(obj):
    return f"{obj.Title()} 工作人员"


def set_up_staff_group(obj, event=None):
    """Create the folder's staff group (once) and give it its local roles."""
    group_id = staff_group_id(obj)
    if api.group.get(groupname=group_id) is None:
        with api.env.adopt_roles(["Manager"]):
            api.group.create(groupname=group_id, title=staff_group_title(obj))
    obj.staff_group = group_id
    obj.manage_setLocalRoles(group_id, list(STAFF_LOCAL_ROLES))
    obj.reindexObjectSecurity()


def remove_staff_group(obj, event=None):
    """A deleted jurisdiction or unit takes its staff group with it."""
    group_id = getattr(obj, "staff_group", None)
    if group_id and api.group.get(groupname=group_id) is not None:
        with api.env.adopt_roles(["Manager"]):
            api.group.delete(groupname=group_id)
