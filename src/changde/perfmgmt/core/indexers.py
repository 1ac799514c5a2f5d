"""Catalog indexers of the core module."""

from AccessControl.PermissionRole import rolesForPermissionOn
from plone.dexterity.interfaces import IDexterityContent
from plone.indexer import indexer
from Products.CMFCore.permissions import View
from Products.CMFCore.utils import getToolByName

from changde.perfmgmt.core.content.budget_unit import IBudgetUnit
from changde.perfmgmt.core.content.jurisdiction import IJurisdiction


def jurisdiction_of(obj):
    """The jurisdiction an object lives in (itself included), or None."""
    for item in obj.aq_chain:
        if IJurisdiction.providedBy(item):
            return item
    return None


@indexer(IDexterityContent)
def jurisdiction_kind(obj):
    jurisdiction = jurisdiction_of(obj)
    if jurisdiction is None:
        raise AttributeError("jurisdiction_kind")
    return jurisdiction.kind


def roles_and_users_with_view(obj):
    """Who may *view* ``obj``: its roles with View plus ``user:<id>`` for the
    users and groups holding one of them locally (Owner left out, as Plone
    does)."""
    allowed = set(rolesForPermissionOn(View, obj))
    for shortcut in ("Anonymous", "Authenticated"):
        if shortcut in allowed:
            return [shortcut]
    acl_users = getToolByName(obj, "acl_users")
    for principal, roles in acl_users._getAllLocalRoles(obj).items():
        if allowed.intersection(roles):
            allowed.add(f"user:{principal}")
    allowed.discard("Owner")
    return sorted(allowed)


# Plone indexes visibility from "Access contents information". The tenant
# workflow grants that to every signed-in user, so that a unit's staff can
# traverse a jurisdiction they may not view; search results must follow View,
# or anyone signed in would find every jurisdiction and unit.
@indexer(IJurisdiction)
def jurisdiction_allowed_roles_and_users(obj):
    return roles_and_users_with_view(obj)


@indexer(IBudgetUnit)
def budget_unit_allowed_roles_and_users(obj):
    return roles_and_users_with_view(obj)
