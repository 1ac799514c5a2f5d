"""The benchmarks' bulk path: a site on disk, and content created without
events and catalogued once.

Creating content through ``plone.api`` (as a user does) fires the added and
container-modified events, runs the workflow's gates on every transition and
catalogues each object two or three times (every catalog search in a
subscriber flushes the indexing queue): about 0.5 s a project of 10
indicators on two CPUs, hours for the yearly scale. The builders here make
the same objects the way a migration would:

- ``createContent`` (the created event: the UID), then ``_setObject`` with
  the events suppressed (the owner is still set);
- a project's workflow state and history written directly (draft, submitted,
  reviewed, approved, as the transitions would), its permissions mapped for
  that state;
- each object catalogued once, after its children (a project's indicator
  counts are metadata) — :func:`check_catalogued` compares a sample with a
  normal reindex, so the catalog is the one the normal path would build;
- a commit every ``batch`` projects on a site whose changes are written to a
  FileStorage (:func:`set_up_site_on_disk`), so memory stays bounded.

Not a test and not production code: it only builds benchmark sites.
"""

import os
import tempfile

#: What a project's history says, in order: (action, state).
APPROVED_HISTORY = (
    (None, "draft"),
    ("submit", "submitted"),
    ("review", "reviewed"),
    ("approve", "approved"),
)


def set_up_site_on_disk(layer, directory=None, cache_size=50000):
    """Set up ``layer`` (a FunctionalTesting layer: commits allowed, a WSGI
    server) with its per-test storage a DemoStorage whose changes go to a
    FileStorage in ``directory`` (a temporary one by default), and a ZODB
    cache of ``cache_size`` objects (the instance's ``cache-size``).
    Answers the FileStorage's path."""
    from listings import layers_in_order
    from plone.testing import zodb
    from ZODB.DB import DB
    from ZODB.DemoStorage import DemoStorage
    from ZODB.FileStorage import FileStorage

    directory = directory or tempfile.mkdtemp(prefix="changde-bench-")
    path = os.path.join(directory, "Data.fs")
    original = zodb.stackDemoStorage

    def on_disk(db=None, name=None):
        if name != "FunctionalTest":
            return original(db, name)
        changes = FileStorage(path)
        return DB(
            DemoStorage(name=name, base=db.storage, changes=changes),
            cache_size=cache_size,
        )

    layers = layers_in_order(layer)
    for each in layers:
        each.setUp()
    zodb.stackDemoStorage = on_disk
    try:
        for each in layers:
            each.testSetUp()
    finally:
        zodb.stackDemoStorage = original
    return path


def add(container, portal_type, id, **fields):
    """The object made as ``plone.api`` makes it, added without events."""
    from plone.dexterity.utils import createContent

    content = createContent(portal_type, **fields)
    content.id = id
    container._setObject(id, content, suppress_events=True)
    return container._getOb(id)


def set_history(workflow_tool, obj, steps, actor="admin"):
    """Write ``steps`` ((action, state), …) as the object's workflow history
    and map its permissions for the last state."""
    from DateTime import DateTime

    (workflow_id,) = workflow_tool.getChainFor(obj)
    now = DateTime()
    for action, state in steps:
        workflow_tool.setStatusOf(
            workflow_id,
            obj,
            {
                "action": action,
                "actor": actor,
                "comments": "",
                "review_state": state,
                "time": now,
            },
        )
    workflow_tool[workflow_id].updateRoleMappingsFor(obj)


def approved_project(unit, id, indicators, catalog, workflow_tool, **fields):
    """An approved project with ``indicators`` indicators, catalogued once
    (the indicators first: their permissions follow the project's state)."""
    from changde.perfmgmt.testing import indicator_fields
    from changde.perfmgmt.testing import project_fields

    project = add(unit, "BudgetProject", id, **project_fields(**fields))
    children = [
        add(project, "Indicator", f"indicator-{number + 1}", **indicator_fields(number))
        for number in range(indicators)
    ]
    set_history(workflow_tool, project, APPROVED_HISTORY)
    catalog.catalog_object(project)
    for indicator in children:
        catalog.catalog_object(indicator)
    return project


def documents(folder, count, catalog, workflow_tool, batch, checkpoint):
    """``count`` plain Documents in ``folder``, catalogued once each."""
    for number in range(count):
        document = add(folder, "Document", f"d{number:05d}", title=f"文档 {number}")
        workflow_tool.notifyCreated(document)
        catalog.catalog_object(document)
        if number and number % batch == 0:
            checkpoint()


def check_catalogued(objects):
    """Each object's index data and metadata are what a normal reindex gives
    (raises AssertionError otherwise)."""
    from plone import api
    from Products.CMFCore.indexing import processQueue

    catalog = api.portal.get_tool("portal_catalog")
    inner = catalog._catalog
    for obj in objects:
        path = "/".join(obj.getPhysicalPath())
        rid = inner.uids[path]
        before = (inner.getIndexDataForRID(rid), inner.getMetadataForRID(rid))
        obj.reindexObject()
        processQueue()
        after = (inner.getIndexDataForRID(rid), inner.getMetadataForRID(rid))
        for kind, old, new in zip(("index", "metadata"), before, after, strict=True):
            differ = {
                key: (old.get(key), new.get(key))
                for key in set(old) | set(new)
                if old.get(key) != new.get(key) and key not in VOLATILE
            }
            assert not differ, f"{path}: {kind} differs from a reindex: {differ}"


#: What a reindex changes by itself (the time it ran).
VOLATILE = {"modified", "ModificationDate", "Date", "getObjSize"}
