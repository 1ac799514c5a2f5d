"""The demo data loader: YAML files in each module's ``demo/`` folder.

The demo profile (``changde.perfmgmt:demo``) calls :func:`load_demo`, which
reads every ``<module>/demo/*.yaml`` file, module by module in the order of
``setuphandlers.MODULE_PROFILES`` (a module after those it depends on), files
in name order, entries in file order. A data file is a list of entries of four
kinds:

``type`` — content. ``in`` is the container's path from the site root
(``/shibenji/jiaoyuju``; nested ``contents`` are created inside their parent),
``id`` its id, every other key but ``transitions``, ``comment``, ``contents``
and ``copy_of`` a field of the type, read through the type's schema (a
Decimal field gets ``Decimal("86.5")`` from ``"86.5"``, a RichText field a
value from HTML, a date field a date from ``2026-06-30``, a relation field a
relation to the item at a path, ``/shibenji/jiaoyuju/…``, or of a UID).
With ``copy_of`` (a path) the item is a copy of that one, its fields then
set. ``transitions`` are run in order (``comment`` is their
comment), after the ``contents`` were created.

``at`` — a later step for an item created earlier in the same run: its fields
set, its transitions run (an evaluation report fed back after its items).

``user`` — a user: ``fullname``, ``password``, ``groups`` (group ids) and
``staff_of`` (paths of jurisdictions or units whose staff group the user joins).

``call`` — a function (dotted name) called with ``args``, for what the module
makes by its own rule from the settings (the year's monitoring rounds).

Values may be tagged: ``!uid /path`` is the UID of the item at that path,
``!query {portal_type: …, …}`` the UID of the one item the catalog finds,
``!current_year`` the year in Beijing today.

Loading is idempotent: an item whose id exists, a user whose name exists, is
left alone (with its fields and transitions); the contents of an existing item
are still looked at, so a missing child is created. :func:`load_demo` answers
what it created: portal type → count, ``users`` → count.
"""

import logging
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from importlib import import_module
from pathlib import Path

import yaml
from plone import api
from plone.app.textfield import RichText
from plone.app.textfield.value import RichTextValue
from plone.dexterity.utils import iterSchemataForType
from z3c.relationfield.interfaces import IRelation
from z3c.relationfield.interfaces import IRelationChoice
from zope import schema
from zope.component import getGlobalSiteManager
from zope.lifecycleevent.interfaces import IObjectAddedEvent

from changde.perfmgmt.core.relations import relation_to
from changde.perfmgmt.core.rules.clock import today_in_china

logger = logging.getLogger("changde.perfmgmt.demo")

PACKAGE_DIR = Path(__file__).resolve().parents[2]
#: Keys of a content entry that are not fields.
CONTENT_KEYS = ("type", "id", "in", "transitions", "comment", "contents", "copy_of")
STEP_KEYS = ("at", "transitions", "comment")
USER_KEYS = ("user", "fullname", "password", "groups", "staff_of", "email")


# --- Reading the files ----------------------------------------------------------


@dataclass(frozen=True)
class Uid:
    """``!uid /path``: the UID of the item at ``path``."""

    path: str


@dataclass(frozen=True)
class Query:
    """``!query {…}``: the UID of the one item the catalog finds."""

    query: dict


class CurrentYear:
    """``!current_year``: this year in Beijing."""


class DemoLoader(yaml.SafeLoader):
    """YAML's safe loader with the demo's tags."""


DemoLoader.add_constructor(
    "!uid", lambda loader, node: Uid(loader.construct_scalar(node))
)
DemoLoader.add_constructor(
    "!query", lambda loader, node: Query(loader.construct_mapping(node, deep=True))
)
DemoLoader.add_constructor("!current_year", lambda loader, node: CurrentYear())


def modules() -> list[str]:
    """The modules, in the order of their profiles (dependencies first)."""
    from changde.perfmgmt.setuphandlers import MODULE_PROFILES

    return [profile.split(".")[-1].split(":")[0] for profile in MODULE_PROFILES]


def data_files(module: str) -> list[Path]:
    """The demo data files of ``module``, in name order."""
    return sorted((PACKAGE_DIR / module / "demo").glob("*.yaml"))


def parse(text: str, name: str = "<text>") -> list[dict]:
    """The entries of a data file's text."""
    entries = yaml.load(text, Loader=DemoLoader)  # noqa: S506 (a safe loader)
    if entries is None:
        return []
    if not isinstance(entries, list):
        raise ValueError(f"{name}: a demo data file is a list of entries")
    return entries


def read(path: Path) -> list[dict]:
    """The entries of one data file."""
    return parse(path.read_text(encoding="utf-8"), str(path))


def entries(module: str) -> list[dict]:
    """Every entry of ``module``'s data files, in order."""
    return [entry for path in data_files(module) for entry in read(path)]


def content_entries(module: str, portal_type: str | None = None) -> list[dict]:
    """The content entries of ``module`` (nested ones included, with their
    ``in`` filled), of ``portal_type`` if given."""
    found = []

    def walk(items, container):
        for item in items:
            if "type" not in item:
                continue
            item = {"in": container, **item}
            if portal_type in (None, item["type"]):
                found.append(item)
            walk(item.get("contents", ()), join(item["in"], item["id"]))

    walk(entries(module), "/")
    return found


def join(container: str, id) -> str:
    return f"{container.rstrip('/')}/{id}"


# --- Loading --------------------------------------------------------------------


class Run:
    """One load: what was created, and how to find things."""

    def __init__(self, portal):
        self.portal = portal
        self.counts = {}
        self.created = set()  # physical paths created in this run

    def count(self, key, number=1):
        self.counts[key] = self.counts.get(key, 0) + number

    # values

    def resolve(self, value):
        if isinstance(value, Uid):
            return api.content.get_uuid(self.traverse(value.path))
        if isinstance(value, Query):
            catalog = api.portal.get_tool("portal_catalog")
            brains = catalog.unrestrictedSearchResults(**self.resolve(value.query))
            if len(brains) != 1:
                raise ValueError(f"!query {value.query} found {len(brains)} items")
            return brains[0].UID
        if isinstance(value, CurrentYear):
            return today_in_china().year
        if isinstance(value, dict):
            return {key: self.resolve(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self.resolve(item) for item in value]
        return value

    def traverse(self, path):
        path = self.resolve(path).strip("/")
        obj = self.portal.unrestrictedTraverse(path, None) if path else self.portal
        if obj is None:
            raise ValueError(f"demo data: nothing at {path}")
        return obj

    def fields(self, portal_type, values, context):
        """``values`` read through the schema of ``portal_type``."""
        schema_fields = {}
        for schema_ in iterSchemataForType(portal_type):
            schema_fields.update(schema.getFieldsInOrder(schema_))
        result = {}
        for name, value in values.items():
            if name not in schema_fields:
                raise ValueError(f"demo data: {portal_type} has no field {name!r}")
            result[name] = field_value(
                schema_fields[name], self.resolve(value), context
            )
        return result

    # entries

    def load(self, entry, container="/"):
        if "type" in entry:
            self.content(entry, container)
        elif "at" in entry:
            self.step(entry)
        elif "user" in entry:
            self.user(entry)
        elif "call" in entry:
            function = resolve_dotted(entry["call"])
            function(*self.resolve(entry.get("args", [])))
        else:
            raise ValueError(f"demo data: an entry of no known kind: {entry}")

    def content(self, entry, container_path):
        container = self.traverse(entry.get("in", container_path))
        id = self.resolve(entry["id"])
        values = {k: v for k, v in entry.items() if k not in CONTENT_KEYS}
        if id in container.objectIds():
            obj = container[id]
        elif "copy_of" in entry:
            obj = api.content.copy(
                source=self.traverse(entry["copy_of"]), target=container, id=id
            )
            for name, value in self.fields(entry["type"], values, obj).items():
                setattr(obj, name, value)
            obj.reindexObject()
            self.created.add(obj.getPhysicalPath())
        else:
            obj = api.content.create(
                container=container,
                type=entry["type"],
                id=id,
                **self.fields(entry["type"], values, container),
            )
            self.created.add(obj.getPhysicalPath())
        path = "/" + "/".join(
            obj.getPhysicalPath()[len(self.portal.getPhysicalPath()) :]
        )
        for child in entry.get("contents", ()):
            self.load(child, path)
        if obj.getPhysicalPath() in self.created:
            self.transitions(obj, entry.get("transitions", ()), entry.get("comment"))

    def step(self, entry):
        obj = self.traverse(entry["at"])
        if obj.getPhysicalPath() not in self.created:
            return
        values = {k: v for k, v in entry.items() if k not in STEP_KEYS}
        for name, value in self.fields(obj.portal_type, values, obj).items():
            setattr(obj, name, value)
        if values:
            obj.reindexObject()
        self.transitions(obj, entry.get("transitions", ()), entry.get("comment"))

    def transitions(self, obj, transitions, comment=None):
        """Run ``transitions``; stop (and say so) at the first one that is not
        available."""
        workflow = api.portal.get_tool("portal_workflow")
        for transition in transitions:
            available = [t["id"] for t in workflow.getTransitionsFor(obj)]
            if transition not in available:
                logger.warning("%s: %s not available", obj.getId(), transition)
                return
            workflow.doActionFor(obj, transition, comment=comment or "")

    def user(self, entry):
        unknown = set(entry) - set(USER_KEYS)
        if unknown:
            raise ValueError(f"demo data: a user has no {sorted(unknown)}")
        username = entry["user"]
        if api.user.get(username=username) is not None:
            return
        api.user.create(
            email=entry.get("email", f"{username}@example.org"),
            username=username,
            password=entry["password"],
            properties={"fullname": entry.get("fullname", username)},
        )
        groups = list(entry.get("groups", ()))
        groups += [
            self.traverse(path).staff_group for path in entry.get("staff_of", ())
        ]
        for group_id in groups:
            api.group.add_user(groupname=group_id, username=username)
        self.count("users")


def related_item(value, context):
    """The item a relation field names: a path from the site root or a UID."""
    if isinstance(value, str) and value.startswith("/"):
        portal = api.portal.get()
        target = portal.unrestrictedTraverse(value.strip("/"), None)
        if target is None:
            raise ValueError(f"demo data: nothing at {value}")
        return target
    return value


def resolve_dotted(name):
    module, _, attribute = name.rpartition(".")
    return getattr(import_module(module), attribute)


def field_value(field, value, context):
    """A value of a data file as ``field`` stores it."""
    if value is None:
        return None
    if IRelationChoice.providedBy(field) or IRelation.providedBy(field):
        return relation_to(related_item(value, context))
    if isinstance(field, RichText):
        return RichTextValue(value, "text/html", "text/x-html-safe")
    if isinstance(field, schema.Decimal):
        return Decimal(str(value))
    if isinstance(field, schema.Date) and isinstance(value, str):
        return date.fromisoformat(value)
    if isinstance(field, schema.List | schema.Tuple | schema.Set | schema.FrozenSet):
        if field.value_type is None:
            return value
        items = [field_value(field.value_type, item, context) for item in value]
        return field._type(items) if isinstance(field._type, type) else items
    return value


def load_demo(portal, only=None):
    """Create what is missing of the demo data (of the modules ``only``, or of
    every module); answer what was created."""
    files = [
        path
        for module in modules()
        if only is None or module in only
        for path in data_files(module)
    ]
    return load_entries(portal, (entry for path in files for entry in read(path)))


def load_entries(portal, entries):
    """Load ``entries`` (of data files, in order); answer what was created."""
    run = Run(portal)

    def added(obj, event):
        if event.object is obj and getattr(obj, "portal_type", None):
            run.count(obj.portal_type)

    site_manager = getGlobalSiteManager()
    site_manager.registerHandler(added, (None, IObjectAddedEvent))
    try:
        with api.env.adopt_roles(["Manager"]):
            for entry in entries:
                run.load(entry)
    finally:
        site_manager.unregisterHandler(added, (None, IObjectAddedEvent))
    logger.info("demo data created: %s", run.counts or "nothing (all present)")
    return run.counts
