"""Creating a jurisdiction or a budget unit sets up its staff group.

The group ``perfmgmt-jurisdiction-<UID>-staff`` (for a unit
``perfmgmt-unit-<UID>-staff``) gets the local roles of
:data:`roles.STAFF_LOCAL_ROLES` on the folder, so its
members see and edit their own jurisdiction's or unit's content and nothing of
the others' (the tenant workflow grants View only to those roles and the office).

Group ids are built from the folder's kind and UID, never from its id: ids
joined with "-" were ambiguous (the jurisdiction ``a-b`` and the unit ``b``
of ``a`` shared one group), and a UID does not change when the folder is
renamed. The group's title names the folder.
"""

from plone import api

from changde.perfmgmt.core.content.budget_unit import IBudgetUnit
from changde.perfmgmt.core.content.jurisdiction import IJurisdiction
from changde.perfmgmt.core.roles import STAFF_LOCAL_ROLES


def staff_group_id(obj):
    kind = "unit" if IBudgetUnit.providedBy(obj) else "jurisdiction"
    return f"perfmgmt-{kind}-{api.content.get_uuid(obj)}-staff"


def staff_group_title(obj):
    return f"{obj.Title()} 工作人员"


def set_up_staff_group(obj, event=None):
    """Create the folder's staff group (once) and give it its local roles."""
    group_id = staff_group_id(obj)
    if api.group.get(groupname=group_id) is None:
        with api.env.adopt_roles(["Manager"]):
            api.group.create(groupname=group_id, title=staff_group_title(obj))
    previous = getattr(obj, "staff_group", None)
    if previous and previous != group_id:
        # a copy keeps its original's local roles: not its staff
        obj.manage_delLocalRoles([previous])
    obj.staff_group = group_id
    obj.manage_setLocalRoles(group_id, list(STAFF_LOCAL_ROLES))
    obj.reindexObjectSecurity()


def remove_staff_group(obj, event=None):
    """A deleted jurisdiction or unit takes its staff group with it."""
    group_id = getattr(obj, "staff_group", None)
    if group_id and api.group.get(groupname=group_id) is not None:
        with api.env.adopt_roles(["Manager"]):
            api.group.delete(groupname=group_id)


# --- Content that lives outside its unit ------------------------------------
# Monitoring records, evaluation reports and negative-list entries live in
# their own folders, not in the unit they are about. They copy the unit's and
# jurisdiction's ids and titles (for catalog filters) and give their staff
# groups local roles, so tenancy follows them.


def tenancy_of(obj):
    """(jurisdiction, unit) that ``obj`` lives in; either may be None."""
    jurisdiction = unit = None
    for item in obj.aq_chain:
        if unit is None and IBudgetUnit.providedBy(item):
            unit = item
        if IJurisdiction.providedBy(item):
            jurisdiction = item
            break
    return jurisdiction, unit


def tenancy_values(target):
    """Plain data of a project or unit's tenancy (None: nothing known)."""
    if target is None:
        return {}
    jurisdiction, unit = tenancy_of(target)
    is_project = getattr(target, "portal_type", None) == "BudgetProject"
    return {
        "project_title": target.Title() if is_project else None,
        "project_code": (getattr(target, "project_code", None) or None)
        if is_project
        else None,
        "jurisdiction": jurisdiction.getId() if jurisdiction is not None else None,
        "jurisdiction_title": jurisdiction.Title() if jurisdiction else None,
        "budget_unit": unit.getId() if unit is not None else None,
        "unit_title": unit.Title() if unit is not None else None,
        "unit_uid": api.content.get_uuid(unit) if unit is not None else None,
        "_groups": tuple(
            group
            for group in (
                getattr(jurisdiction, "staff_group", None),
                getattr(unit, "staff_group", None),
            )
            if group
        ),
    }


def apply_tenancy(obj, values, roles):
    """Set the copied ``values`` and give the groups ``roles``; reindex when
    anything changed."""
    values = dict(values)
    groups = values.pop("_groups", ())
    obj._p_activate()  # a ghost's __dict__ is empty
    previous = tuple(getattr(obj, "_tenant_groups", ()))
    previous_roles = tuple(getattr(obj, "_tenant_roles", ()))
    changed = {
        name: value for name, value in values.items() if obj.__dict__.get(name) != value
    }
    if not changed and groups == previous and tuple(roles) == previous_roles:
        return False
    for name, value in changed.items():
        setattr(obj, name, value)
    if groups != previous or tuple(roles) != previous_roles:
        if previous:
            obj.manage_delLocalRoles(list(previous))
        for group in groups:
            obj.manage_setLocalRoles(group, list(roles))
        obj._tenant_groups = groups
        obj._tenant_roles = tuple(roles)
        obj.reindexObjectSecurity()
    obj.reindexObject()
    return True
