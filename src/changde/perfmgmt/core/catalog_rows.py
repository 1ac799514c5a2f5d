"""Rows of catalog metadata for many objects at once, without a brain each.

A catalog brain costs tens of microseconds to make; the dashboards read
30,000 rows (a year's projects and monitoring records) and would spend most
of their time making brains they only read two or three values from. A
search (restricted as Plone's ``searchResults`` restricts it, or
unrestricted) answers a lazy sequence of the catalog's record ids; the
values a brain would carry are the catalog's metadata row of that record id,
and its path the catalog's path of it. :func:`metadata_rows` reads them
directly: the same values, the same security, a tenth of the time.
"""

from operator import itemgetter

from Acquisition import aq_base
from plone import api
from ZTUtils.Lazy import LazyMap


def record_ids(catalog, results):
    """The record ids of a catalog search's ``results`` (a brain is made only
    where the results are not the catalog's plain lazy map of ids)."""
    internal = aq_base(catalog._catalog)
    if (
        isinstance(results, LazyMap)
        and aq_base(getattr(results._func, "__self__", None)) is internal
        and getattr(results._func, "__name__", None) == "__getitem__"
    ):
        return results._seq
    return [brain.getRID() for brain in results]


def metadata_rows(columns, unrestricted=False, with_path=False, **query):
    """``(value, …)`` of the metadata ``columns`` of every object matching
    ``query`` that the user may see (every object with ``unrestricted``),
    preceded by its path with ``with_path``. A value the catalog does not
    hold is ``Missing.Value``, as on a brain."""
    catalog = api.portal.get_tool("portal_catalog")
    search = (
        catalog.unrestrictedSearchResults if unrestricted else catalog.searchResults
    )
    results = search(**query)
    internal = catalog._catalog
    getter = itemgetter(*(internal.schema[column] for column in columns))
    data = internal.data
    paths = internal.paths
    single = len(columns) == 1
    for rid in record_ids(catalog, results):
        values = getter(data[rid])
        if single:
            values = (values,)
        yield (paths[rid], *values) if with_path else values


def visible_record_ids(**query):
    """The record ids of the objects matching ``query`` that the user may
    see, as a set (no metadata read: to filter unrestricted rows)."""
    catalog = api.portal.get_tool("portal_catalog")
    return set(record_ids(catalog, catalog.searchResults(**query)))


def metadata_rows_with_ids(columns, unrestricted=False, **query):
    """``(record id, path, value, …)`` like :func:`metadata_rows`."""
    catalog = api.portal.get_tool("portal_catalog")
    search = (
        catalog.unrestrictedSearchResults if unrestricted else catalog.searchResults
    )
    results = search(**query)
    internal = catalog._catalog
    getter = itemgetter(*(internal.schema[column] for column in columns))
    data = internal.data
    paths = internal.paths
    single = len(columns) == 1
    for rid in record_ids(catalog, results):
        values = getter(data[rid])
        yield (rid, paths[rid], *((values,) if single else values))
