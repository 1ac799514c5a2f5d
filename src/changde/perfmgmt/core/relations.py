"""References between items are relations (z3c.relationfield).

An evaluation report's project, unit, agency and experts, a rectification
item's record and unit, a negative-list entry's target and source and a
monitoring record's project are ``RelationChoice``/``RelationList`` fields:

- the choices are a catalog source restricted to the types the field names
  (:func:`source`) and, because the catalog answers for the current user, to
  what the user may see: a form or a REST request naming an item the user may
  not see is refused on that field;
- forms show Plone's content browser (:func:`picker`) instead of a UID typed
  by hand;
- plone.restapi accepts a UID, a path, a URL or a summary (``{"@id": …}``)
  and answers a summary (:mod:`.serializers`: the full one only for a reader
  who may see the item);
- the code reads them with :func:`target_of` and :func:`target_uid` and
  writes them with :func:`relation_to`; an item stored with a UID string by
  a release before relations (until its upgrade step ran) reads the same.
"""

from plone import api
from plone.app.uuid.utils import uuidToObject
from plone.app.vocabularies.catalog import CatalogSource
from plone.app.z3cform.widgets.contentbrowser import ContentBrowserFieldWidget
from plone.uuid.interfaces import IUUID
from z3c.relationfield import RelationValue
from z3c.relationfield.event import updateRelations
from z3c.relationfield.interfaces import IRelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds

CATALOG_VOCABULARY = "plone.app.vocabularies.Catalog"


def source(*portal_types, **query):
    """The catalog source of a relation field: items of ``portal_types``
    (and ``query``) that the current user may see."""
    return CatalogSource(portal_type=list(portal_types), **query)


#: The widget of every relation field: Plone's content browser.
PICKER = ContentBrowserFieldWidget


def picker(*portal_types):
    """Parameters of :data:`PICKER` for a relation field (with
    ``directives.widget(name, PICKER, **picker(...))``): search the site
    for ``portal_types``."""
    return {
        "vocabulary": CATALOG_VOCABULARY,
        "pattern_options": {
            "selectableTypes": list(portal_types),
            "mode": "search",
        },
    }


def relation_to(target):
    """A new relation to ``target`` (an object or a UID), or None when there
    is none. A relation belongs to one field of one item: make one each."""
    if target is None or target == "":
        return None
    if isinstance(target, str):
        target = uuidToObject(target, unrestricted=True)
        if target is None:
            return None
    intids = getUtility(IIntIds)
    to_id = intids.queryId(target)
    if to_id is None:
        to_id = intids.register(target)
    return RelationValue(to_id)


def relations_to(targets):
    """Relations to each of ``targets`` that exists, in order."""
    relations = [relation_to(target) for target in targets or ()]
    return [relation for relation in relations if relation is not None]


def set_relation(obj, name, target):
    """Point the relation field ``name`` of ``obj`` at ``target`` (an object,
    a UID or None) and update the relation catalog, as a form would."""
    setattr(obj, name, relation_to(target))
    updateRelations(obj, None)


def target_of(value):
    """The item a relation points to (whether or not the user may see it),
    or None (no relation, a broken one). A UID string of an item not yet
    upgraded is looked up."""
    if not value:
        return None
    if IRelationValue.providedBy(value):
        if value.isBroken():
            return None
        return value.to_object
    if isinstance(value, str):
        return uuidToObject(value, unrestricted=True)
    return value  # an object (a form's value before it is stored)


def targets_of(values):
    """The items of a list of relations, in order, missing ones left out."""
    targets = [target_of(value) for value in values or ()]
    return [target for target in targets if target is not None]


def target_uid(value):
    """The UID of the item a relation points to, or None."""
    if isinstance(value, str):
        return value or None
    target = target_of(value)
    return IUUID(target, None) if target is not None else None


def reference_uid(value):
    """The UID an item is named by in a request (a UID, a path from the site
    root, a URL, or a summary with ``UID`` or ``@id``), whether or not the
    user may see it; None when it names nothing."""
    if isinstance(value, dict):
        value = value.get("UID") or value.get("@id")
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    portal = api.portal.get()
    portal_url = portal.absolute_url()
    if value.startswith(portal_url):
        value = value[len(portal_url) :] or "/"
    if value.startswith("/"):
        target = portal.unrestrictedTraverse(value.strip("/"), None)
        return IUUID(target, None) if target is not None else None
    return value


def target_uids(values):
    """The UIDs of a list of relations, in order, missing ones left out."""
    uids = [target_uid(value) for value in values or ()]
    return [uid for uid in uids if uid]


def convert_uid_fields(obj, names=(), list_names=()):
    """Turn the UID strings an item stored before relations into relations
    (upgrade steps): the fields ``names`` hold one, ``list_names`` a list. A
    UID of nothing becomes no relation. Answers whether anything changed."""
    # an object fresh from the catalog may be a ghost, whose __dict__ is
    # empty until it is loaded
    obj._p_activate()
    changed = False
    for name in names:
        value = obj.__dict__.get(name)
        if isinstance(value, str):
            setattr(obj, name, relation_to(value))
            changed = True
    for name in list_names:
        values = obj.__dict__.get(name)
        if values and any(isinstance(value, str) for value in values):
            converted = [
                relation_to(value) if isinstance(value, str) else value
                for value in values
            ]
            setattr(obj, name, [value for value in converted if value])
            changed = True
    if changed:
        updateRelations(obj, None)
    return changed
