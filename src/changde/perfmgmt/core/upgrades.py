"""Upgrade steps of the core profile (``changde.perfmgmt.core:default``)."""

import logging

import transaction
from Acquisition import aq_base
from plone import api
from plone.dexterity.utils import iterSchemata
from plone.folder.default import DefaultOrdering
from zope.annotation.interfaces import IAnnotations
from zope.schema import getFields

from changde.perfmgmt.core.deserializer import is_number_field
from changde.perfmgmt.core.rules.numbers import finite_json
from changde.perfmgmt.core.rules.numbers import stored_number
from changde.perfmgmt.core.tenancy import staff_group_id
from changde.perfmgmt.core.tenancy import staff_group_title

logger = logging.getLogger("changde.perfmgmt.core.upgrades")
PROFILE = "profile-changde.perfmgmt.core:default"


def to_1001(context):
    """Settings control panel (工作日历) and its permission; search results
    of jurisdictions and units follow View (the tenant folders' own
    ``allowedRolesAndUsers`` indexer)."""
    context.runImportStepFromProfile(PROFILE, "controlpanel")
    context.runImportStepFromProfile(PROFILE, "rolemap")
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(
        portal_type=["Jurisdiction", "BudgetUnit"]
    ):
        brain._unrestrictedGetObject().reindexObject(idxs=["allowedRolesAndUsers"])


THEME_PROFILES = ("plone.app.layout:default", "plonetheme.barceloneta:default")


def to_1002(context):
    """Plone's Classic UI theme Barceloneta: sites created without it render
    unstyled. Install the theme's profiles (plone.app.theming with them) and
    make Barceloneta the enabled theme."""
    from plone.app.theming.interfaces import IThemeSettings
    from plone.app.theming.utils import applyTheme
    from plone.app.theming.utils import getTheme
    from plone.registry.interfaces import IRegistry
    from zope.component import getUtility

    for profile_id in THEME_PROFILES:
        if context.getLastVersionForProfile(profile_id) == "unknown":
            context.runAllImportStepsFromProfile(f"profile-{profile_id}")
    settings = getUtility(IRegistry).forInterface(IThemeSettings, False)
    if settings.currentTheme != "barceloneta" or not settings.enabled:
        applyTheme(getTheme("barceloneta"))
        settings.enabled = True


def to_1003(context):
    """The bureau's face: the stylesheet bundle, the money unit setting
    (页面显示 panel), the footer with the bureau's name and contact, the
    home page as the site root's default view, and the bureau's title, logo
    and favicon."""
    from changde.perfmgmt.core.setuphandlers import apply_identity

    for step in ("plone.app.registry", "controlpanel", "portlets", "typeinfo"):
        context.runImportStepFromProfile(PROFILE, step)
    apply_identity(api.portal.get())


def to_1004(context):
    """The permission to view summaries (signed-in users); staff groups
    named by the folder's kind and UID (core.tenancy):
    ``perfmgmt-<jurisdiction>-<unit>-staff`` was ambiguous. Each jurisdiction
    and unit gets its new group with the old group's members, and every
    local role of the old group (on the folder, its contents and the
    content that copies its tenancy) moves to the new one; the old group is
    deleted. Where two folders shared one old group, both new groups get all
    its members (no one loses access) and a warning names the folders, so
    that an administrator can sort the members out. Numbers stored before
    every number was checked are cleared (:func:`clear_bad_numbers`). The
    repository's policy of versions from the first change (core.versions)."""
    context.runImportStepFromProfile(PROFILE, "rolemap")  # View summaries
    context.runImportStepFromProfile(PROFILE, "repositorytool")
    catalog = api.portal.get_tool("portal_catalog")
    folders_by_group = {}
    for brain in catalog.unrestrictedSearchResults(
        portal_type=["Jurisdiction", "BudgetUnit"]
    ):
        folder = brain._unrestrictedGetObject()
        old = getattr(folder, "staff_group", None)
        if old and old != staff_group_id(folder):
            folders_by_group.setdefault(old, []).append(folder)
    with api.env.adopt_roles(["Manager"]):
        for old, folders in folders_by_group.items():
            rename_staff_group(old, folders, catalog)
    clear_bad_numbers(api.portal.get())


def to_1005(context):
    """Budget units are unordered (BudgetUnit._ordering): the order list and
    position index an ordered folder kept in its annotations are dropped."""
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(portal_type="BudgetUnit"):
        drop_order_annotations(brain._unrestrictedGetObject())


def drop_order_annotations(folder):
    annotations = IAnnotations(folder)
    for key in (DefaultOrdering.ORDER_KEY, DefaultOrdering.POS_KEY):
        if key in annotations:
            del annotations[key]


def rename_staff_group(old, folders, catalog):
    old_group = api.group.get(groupname=old)
    members = (
        [user.getId() for user in api.user.get_users(groupname=old)]
        if old_group is not None
        else []
    )
    if len(folders) > 1:
        logger.warning(
            "staff group %s was shared by %s: each now has its own group with "
            "all of its %d members; remove those who do not belong",
            old,
            ", ".join("/".join(folder.getPhysicalPath()) for folder in folders),
            len(members),
        )
    new_ids = {}
    for folder in folders:
        new = staff_group_id(folder)
        new_ids[folder] = new
        if api.group.get(groupname=new) is None:
            api.group.create(groupname=new, title=staff_group_title(folder))
        for member in members:
            api.group.add_user(groupname=new, username=member)
        folder.staff_group = new
    for brain in catalog.unrestrictedSearchResults(allowedRolesAndUsers=f"user:{old}"):
        obj = brain._unrestrictedGetObject()
        move_local_roles(obj, old, groups_for(obj, folders, new_ids))
    for folder in folders:  # a folder may grant its group no View of itself
        move_local_roles(folder, old, [new_ids[folder]])
    if old_group is not None:
        api.group.delete(groupname=old)


def groups_for(obj, folders, new_ids):
    """The new groups that take over ``obj``'s roles: the folders it lives
    in, else those its copied tenancy names, else all of them."""
    path = obj.getPhysicalPath()
    inside = [
        folder
        for folder in folders
        if path[: len(folder.getPhysicalPath())] == folder.getPhysicalPath()
    ]
    if not inside:
        jurisdiction = getattr(obj, "jurisdiction", None)
        unit = getattr(obj, "budget_unit", None)
        inside = [
            folder
            for folder in folders
            if (folder.portal_type == "Jurisdiction" and folder.getId() == jurisdiction)
            or (
                folder.portal_type == "BudgetUnit"
                and folder.getId() == unit
                and folder.aq_parent.getId() == jurisdiction
            )
        ]
    return [new_ids[folder] for folder in inside or folders]


def move_local_roles(obj, old, new_groups):
    roles = list(obj.get_local_roles_for_userid(old))
    if not roles:
        return
    obj.manage_delLocalRoles([old])
    for group in new_groups:
        merged = set(obj.get_local_roles_for_userid(group)) | set(roles)
        obj.manage_setLocalRoles(group, sorted(merged))
    tenant_groups = tuple(getattr(aq_base(obj), "_tenant_groups", ()))
    if old in tenant_groups:
        kept = [group for group in tenant_groups if group != old]
        obj._tenant_groups = tuple(kept + [g for g in new_groups if g not in kept])
    obj.reindexObjectSecurity()


def clear_bad_numbers(portal):
    """Clear the numbers stored before every number was checked (NaN,
    Infinity, 1E+70, 1e-999999: ``stored_number`` refuses them) in the
    number fields of every type the add-on installs, and non-finite numbers
    inside JSON fields (a record's indicator progress). Each cleared value
    is logged (path, field, value) for the office to enter again. Answers
    how many values were cleared."""
    portal_types = api.portal.get_tool("portal_types")
    types = [
        fti.getId()
        for fti in portal_types.objectValues()
        if (getattr(fti, "klass", "") or "").startswith("changde.perfmgmt.")
    ]
    catalog = api.portal.get_tool("portal_catalog")
    cleared = 0
    for number, brain in enumerate(
        catalog.unrestrictedSearchResults(portal_type=types)
    ):
        obj = brain._unrestrictedGetObject()
        obj._p_activate()  # a ghost's __dict__ is empty
        changed = False
        for schema in iterSchemata(obj):
            for name, field in getFields(schema).items():
                value = obj.__dict__.get(name)
                if value is None:
                    continue
                if is_number_field(field):
                    if stored_number(value) is None:
                        logger.warning(
                            "%s: %s=%r is no number the site keeps; cleared",
                            brain.getPath(),
                            name,
                            value,
                        )
                        setattr(obj, name, None)
                        cleared += 1
                        changed = True
                elif isinstance(value, list | dict):
                    fixed, count = finite_json(value)
                    if count:
                        logger.warning(
                            "%s: %s held %d numbers that are not finite; cleared",
                            brain.getPath(),
                            name,
                            count,
                        )
                        setattr(obj, name, fixed)
                        cleared += count
                        changed = True
        if changed:
            obj.reindexObject()
        if number % 1000 == 999:
            transaction.savepoint(optimistic=True)
    return cleared
