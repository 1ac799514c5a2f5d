"""Versions of the items people are held accountable for (R-P6), kept from
an item's first change on, not from its creation.

Creating an item is on record without a version: its creator, its creation
date and the first entry of its workflow history say who and when. A
version at every creation (Plone's ``at_edit_autoversion`` policy) would
give each of a city's 100,000 indicators a year a history id from CMFUid's
one counter (a write that concurrent creations contend for) and a copy in
the history storage, though most are never changed once declared. So the
versioned types follow the policy :data:`POLICY` (``version_on_change``):

- the first change of an item first keeps it as it was, as version 0, saved
  as by its creator at its last modification (the item as others may have
  seen it: a project as submitted); the change is then the next version;
- every later change saves a version; restoring one saves one (CMFEditions'
  ``version_on_revert``); a change note always saves one (Plone's own
  subscriber, ``plone.app.versioningbehavior``).

"Before the first change" is caught where values are written: z3c.form's
data manager, through which the edit form and plone.restapi (the add-on's
one deserializer) write every field (:class:`VersionBeforeFirstChange`).
A change made otherwise (code setting attributes, then notifying) is still
versioned after it (:func:`version_after_change`).

The first version of an item gives it a history id. CMFEditions takes it
from CMFUid's counter, one integer on ``portal_uidgenerator`` that every
first version in the site writes: two first changes committed at the same
moment conflict (Zope retries the later request, and under load fails it).
So the items versioned here, and the folders holding them (CMFEditions
records a version's parent), get an id drawn at random instead
(:func:`claim_history_id`), as Zope's version control draws its own; the
history storage is keyed by it, a BTree in which concurrent inserts merge.

A type is versioned this way when its class provides
:class:`IVersionedOnChange`, its module's ``repositorytool.xml`` maps it to
:data:`POLICY` and ``version_on_revert``, and it has the behavior
``plone.versioning``."""

import secrets

import transaction
from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from plone.app.relationfield.widget import RelationDataManager
from plone.app.relationfield.widget import RelationListDataManager
from plone.app.versioningbehavior.utils import get_change_note
from plone.formwidget.namedfile.datamanager import NamedImageAttributeField
from plone.namedfile.interfaces import INamedImageField
from Products.CMFCore.utils import getToolByName
from Products.CMFEditions.interfaces.IModifier import ModifierException
from z3c.form.datamanager import AttributeField
from z3c.relationfield.interfaces import IRelation
from z3c.relationfield.interfaces import IRelationList
from ZODB.utils import z64
from zope.component import adapter
from zope.container.interfaces import IContainerModifiedEvent
from zope.globalrequest import getRequest
from zope.i18nmessageid import Message
from zope.interface import Interface
from zope.schema.interfaces import IField

from changde.perfmgmt.i18n import _

#: The repository policy of the types versioned from their first change.
POLICY = "version_on_change"

AS_IT_WAS = _(
    "version_as_it_was",
    default="As it was before its first change (created by ${creator})",
)


class IVersionedOnChange(Interface):
    """Content whose versions are kept from its first change on."""


def is_new(obj):
    """Whether ``obj`` was created in this transaction (it has no committed
    state: nothing others saw, nothing to keep)."""
    return getattr(aq_base(obj), "_p_serial", z64) == z64


def has_versions(obj):
    # CMFEditions sets ``version_id`` on the item at its first save
    return getattr(aq_base(obj), "version_id", None) is not None


#: The history ids :func:`claim_history_id` draws from: above what CMFUid's
#: counter (one per versioned item, from 1) reaches, below 2**31 (the range
#: any index or BTree of history ids holds).
HISTORY_IDS = (10**9, 2**31 - 1)


def claim_history_id(obj):
    """Give ``obj`` a history id drawn at random unless it has one, instead
    of the next number of CMFUid's counter (a write every concurrent first
    version contends for). Returns the id."""
    handler = getToolByName(obj, "portal_historyidhandler")
    history_id = handler.queryUid(obj, None)
    if history_id is not None:
        return history_id
    storage = getToolByName(obj, "portal_historiesstorage")
    low, high = HISTORY_IDS
    while True:
        history_id = low + secrets.randbelow(high - low)
        if (
            not storage.isRegistered(history_id)
            and handler.queryObject(history_id) is None
        ):
            break
    handler.setUid(obj, history_id, check_uniqueness=False)
    return history_id


def claim_history_ids(obj):
    """Before an item's first version: history ids for it and its folder."""
    if has_versions(obj):
        return
    claim_history_id(obj)
    parent = aq_parent(aq_inner(obj))
    if parent is not None:
        claim_history_id(parent)


def versioned_on_change(obj):
    """The repository if ``obj``'s type is versioned from its first change
    (and versioning is on for it), else None."""
    if not IVersionedOnChange.providedBy(obj):
        return None
    repository = getToolByName(obj, "portal_repository", None)
    if repository is None or not repository.isVersionable(obj):
        return None
    if not repository.supportsPolicy(obj, POLICY):
        return None
    return repository


def keep_as_it_was(obj):
    """Before the first change of a stored item without versions: save it as
    it is, as version 0, with its creator and last modification as who and
    when. Does nothing for a new item or one that has versions."""
    if is_new(obj) or has_versions(obj):
        return
    repository = versioned_on_change(obj)
    if repository is None:
        return
    creator = obj.Creator()
    # CMFEditions' public ``save`` records the current user and time; this
    # version is the state its creator left, so its metadata says so.
    sys_metadata = {
        "comment": Message(AS_IT_WAS, mapping={"creator": creator}),
        "timestamp": obj.modified().timeTime(),
        "originator": None,
        "principal": creator,
    }
    savepoint = transaction.savepoint(optimistic=True)
    try:
        claim_history_ids(obj)
        repository._recursiveSave(obj, {}, sys_metadata, autoapply=repository.autoapply)
    except ModifierException:
        # a modifier refused to version it (as ``save`` does): no version 0
        savepoint.rollback()


class _KeepAsItWas:
    """Keep the item as it was before the data manager writes the first
    value of its first change."""

    def set(self, value):
        keep_as_it_was(self.context)
        super().set(value)


# The data managers of a versioned item's fields: each the one any other
# item's field gets (an attribute, a relation, a list of relations, an
# image), keeping the item first. Being registered for IVersionedOnChange,
# they win over those registered for Interface: one missing here would store
# its field's values as a plain attribute would (a relation as the object).


@adapter(IVersionedOnChange, IField)
class VersionBeforeFirstChange(_KeepAsItWas, AttributeField):
    """z3c.form's attribute data manager."""


@adapter(IVersionedOnChange, IRelation)
class RelationBeforeFirstChange(_KeepAsItWas, RelationDataManager):
    """plone.app.relationfield's (a relation from the object given)."""


@adapter(IVersionedOnChange, IRelationList)
class RelationListBeforeFirstChange(_KeepAsItWas, RelationListDataManager):
    """plone.app.relationfield's (relations from the objects given)."""


@adapter(IVersionedOnChange, INamedImageField)
class ImageBeforeFirstChange(_KeepAsItWas, NamedImageAttributeField):
    """plone.formwidget.namedfile's (image scales kept in step)."""


def version_after_change(obj, event):
    """IObjectModifiedEvent: save the changed item as a new version (its
    first, if the change did not come through a data manager). Not for a new
    item (creation is no version), not when the container's contents changed
    (an evidence file added), not when a change note was given (Plone's own
    subscriber saves that version, with the note)."""
    if IContainerModifiedEvent.providedBy(event) or is_new(obj):
        return
    repository = versioned_on_change(obj)
    if repository is None:
        return
    claim_history_ids(obj)
    request = getattr(obj, "REQUEST", None) or getRequest()
    if request is not None and get_change_note(request):
        return
    repository.save(obj=obj)
