"""Lists by year (R-P4): one kind of item of a year across units, filtered,
sorted, paged and exported to Excel with the same filters, from catalog
brains and metadata only (no object is woken).

A module declares its list as a subclass of :class:`YearListView` (the
portal type, the columns, the filters it offers) and registers it on the
site root, a Jurisdiction and a BudgetUnit; on a jurisdiction or a unit the
list is scoped to it. The query parameters are fixed between the modules
(``year``, ``jurisdiction``, ``unit``, ``review_state`` …, ``sort_on``,
``sort_order``, ``b_start``, ``format=xlsx``); see docs/lists.md.

Who sees what is the catalog's: a unit's staff find their unit's items, a
district's staff their district's, the office everything; anonymous visitors
are refused before anything is searched.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from AccessControl import Unauthorized
from DateTime import DateTime
from Missing import MV
from plone import api
from plone.memoize.view import memoize
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate
from zope.i18nmessageid import Message

from changde.perfmgmt.core.browser.money import display_amount
from changde.perfmgmt.core.browser.money import money_unit_label
from changde.perfmgmt.core.content.budget_unit import IBudgetUnit
from changde.perfmgmt.core.content.jurisdiction import IJurisdiction
from changde.perfmgmt.core.excel import append_row
from changde.perfmgmt.core.excel import new_workbook
from changde.perfmgmt.core.excel import workbook_bytes
from changde.perfmgmt.core.excel import xlsx_response
from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.core.rules.money import YUAN
from changde.perfmgmt.core.rules.money import format_yuan
from changde.perfmgmt.core.rules.numbers import to_decimal
from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.core.states import StateTitles
from changde.perfmgmt.core.states import state_titles
from changde.perfmgmt.i18n import _

PAGE_SIZE = 50
ASCENDING = "ascending"
DESCENDING = "descending"


def meta(value):
    """Catalog metadata without ``Missing.Value`` (None instead)."""
    return None if value is MV else value


def chinese_date(value):
    """A date as people here write it: 2026年3月1日 (empty for none)."""
    if value is None or value is MV:
        return ""
    if isinstance(value, DateTime):
        value = value.asdatetime()
    try:
        return f"{value.year}年{value.month}月{value.day}日"
    except AttributeError:
        return str(value)


def yuan(value):
    """An amount in yuan as people read it (5,000,000)."""
    value = meta(value)
    return "" if value is None else format_yuan(value)


def yuan_number(value):
    """An amount in yuan as an Excel number (None: no amount)."""
    value = to_decimal(meta(value))
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def money_column(id, title, value, sort_index=None, secondary=False):
    """A money column: the page shows the office's unit (元 or 万元, named in
    the header), Excel the yuan as numbers. ``title`` is a message with
    ``${unit}`` (the unit's name goes there); ``value`` gives the brain's
    amount in yuan."""
    return Column(
        id,
        Message(title, mapping={"unit": money_unit_label()}),
        lambda brain: display_amount(meta(value(brain))),
        sort_index,
        css="text-end",
        secondary=secondary,
        export=lambda brain: yuan_number(value(brain)),
        export_title=Message(title, mapping={"unit": money_unit_label(YUAN)}),
    )


@dataclass
class Column:
    """One column: its id, its title, how a brain gives its text, the
    catalog index that sorts it (None: not sortable) and whether its text
    is a link to the item."""

    id: str
    title: Message
    text: object
    sort_index: str | None = None
    link: bool = False
    css: str = ""
    #: left out on a phone's narrow screen
    secondary: bool = False
    #: the Excel cell and header when they differ from the page's (money:
    #: the page in the office's unit, Excel in yuan as a number)
    export: object = None
    export_title: Message | None = None

    @property
    def classes(self):
        narrow = "d-none d-lg-table-cell" if self.secondary else ""
        return f"{self.css} {narrow}".strip()


class YearListView(BrowserView):
    """The list of one portal type's items of a year; see the module doc."""

    index = ViewPageTemplateFile("templates/year_list.pt")

    portal_type = None
    #: the heading of the page and the name of the export
    title = _("list_title", default="List")
    #: the filters offered: any of year, jurisdiction, unit, review_state,
    #: budget_kind, special_fund, round, flag, overdue
    filters = ("year", "jurisdiction", "unit", "review_state")
    #: how the jurisdiction and unit filters query this type: "path" (items
    #: in the unit's folder) or "index" (items elsewhere carrying copies)
    tenancy = "index"
    default_sort = ("sortable_title", ASCENDING)
    page_size = PAGE_SIZE

    def __call__(self):
        if api.user.is_anonymous():
            raise Unauthorized("Log in to see the lists.")
        if self.request.form.get("format") == "xlsx":
            return self.export()
        return self.index()

    # --- to be given by each list -------------------------------------------

    def columns(self):
        return []

    def extra_query(self):
        """Queries of the filters only this list offers."""
        return {}

    def related_links(self):
        """Links to the pages next to this list: dicts with url and title."""
        return []

    def extra_filters(self):
        """The filters only this list offers, for the form: dicts with
        ``name``, ``title``, ``kind`` (select or checkbox), ``selected``, and
        for a select ``all`` (the empty choice) and ``options`` (value,
        title, selected)."""
        return []

    def select_filter(self, name, title, options):
        """A select of ``options`` ({value: title}) for :meth:`extra_filters`."""
        chosen = self.form.get(name) or ""
        return {
            "name": name,
            "title": self.translate(title),
            "kind": "select",
            "all": self.translate(_("option_all", default="All")),
            "selected": bool(chosen),
            "options": [
                {
                    "value": value,
                    "title": self.translate(text)
                    if isinstance(text, Message)
                    else text,
                    "selected": value == chosen,
                }
                for value, text in options.items()
            ],
        }

    def checkbox_filter(self, name, title):
        return {
            "name": name,
            "title": self.translate(title),
            "kind": "checkbox",
            "selected": self.form.get(name) == "1",
        }

    # --- the request ----------------------------------------------------------

    @property
    def form(self):
        return self.request.form

    def _list(self, name):
        value = self.form.get(name)
        if value is None or value == "":
            return []
        values = value if isinstance(value, list | tuple) else [value]
        return [str(item) for item in values if item]

    def chosen_year(self):
        """The year asked for, else the newest year with items (None: all)."""
        if "year" not in self.form:
            return self.newest_year()
        return year_or_none(self.form.get("year"))

    @memoize
    def newest_year(self):
        """This year (Beijing) if it has items, else the newest that has."""
        catalog = api.portal.get_tool("portal_catalog")
        query = {"portal_type": self.portal_type, **self.scope_query()}
        this_year = today_in_china().year
        if len(catalog(year=this_year, sort_limit=1, **query)):
            return this_year
        for brain in catalog(
            sort_on="year", sort_order=DESCENDING, sort_limit=1, **query
        )[:1]:
            return meta(brain.year)
        return None

    def chosen_jurisdiction(self):
        if IJurisdiction.providedBy(self.context) or IBudgetUnit.providedBy(
            self.context
        ):
            return None
        return (self.form.get("jurisdiction") or "").strip() or None

    def chosen_unit(self):
        if IBudgetUnit.providedBy(self.context):
            return None
        return (self.form.get("unit") or "").strip() or None

    def chosen_states(self):
        return self._list("review_state")

    def sort(self):
        sortable = {c.sort_index for c in self.columns() if c.sort_index}
        sort_on = self.form.get("sort_on")
        if sort_on not in sortable:
            return self.default_sort
        order = DESCENDING if self.form.get("sort_order") == DESCENDING else ASCENDING
        return sort_on, order

    # --- the query -------------------------------------------------------------

    def _path(self, obj):
        return "/".join(obj.getPhysicalPath())

    def _find(self, portal_type, **query):
        catalog = api.portal.get_tool("portal_catalog")
        return catalog.unrestrictedSearchResults(portal_type=portal_type, **query)

    def scope_query(self):
        """The context's scope: a jurisdiction's or a unit's items."""
        if IBudgetUnit.providedBy(self.context):
            return self.unit_query(self.context)
        if IJurisdiction.providedBy(self.context):
            return self.jurisdiction_query(self.context)
        return {}

    def unit_query(self, unit):
        if self.tenancy == "path":
            return {"path": self._path(unit)}
        return {"unit_uid": api.content.get_uuid(unit)}

    def jurisdiction_query(self, jurisdiction):
        if self.tenancy == "path":
            return {"path": self._path(jurisdiction)}
        return {"jurisdiction": jurisdiction.getId()}

    def _object_of(self, brains):
        for brain in brains[:1]:
            return brain._unrestrictedGetObject()
        return None

    def query(self):
        query = {"portal_type": self.portal_type, **self.scope_query()}
        year = self.chosen_year()
        if year is not None and "year" in self.filters:
            query["year"] = year
        jurisdiction = self.chosen_jurisdiction()
        if jurisdiction and "jurisdiction" in self.filters:
            found = self._object_of(
                self._find(
                    "Jurisdiction",
                    getId=jurisdiction,
                    path={"query": self.portal_path(), "depth": 1},
                )
            )
            query.update(
                self.jurisdiction_query(found)
                if found is not None
                else {"jurisdiction": jurisdiction, "path": "/nowhere"}
            )
        unit = self.chosen_unit()
        if unit and "unit" in self.filters:
            found = self._object_of(self._find("BudgetUnit", UID=unit))
            if found is None:
                query["UID"] = "nothing"
            else:
                unit_query = self.unit_query(found)
                # a unit outside the chosen jurisdiction finds nothing
                if (
                    "path" in query
                    and "path" in unit_query
                    and not unit_query["path"].startswith(query["path"] + "/")
                ):
                    unit_query["path"] = "/nowhere"
                query.update(unit_query)
        states = self.chosen_states()
        if states and "review_state" in self.filters:
            query["review_state"] = states
        query.update(self.extra_query())
        sort_on, sort_order = self.sort()
        query["sort_on"] = sort_on
        query["sort_order"] = sort_order
        return query

    def portal_path(self):
        return self._path(api.portal.get())

    @memoize
    def brains(self):
        catalog = api.portal.get_tool("portal_catalog")
        return catalog(**self.query())

    def batch(self):
        brains = self.brains()
        start = self.b_start()
        return brains[start : start + self.page_size]

    def b_start(self):
        try:
            start = int(self.form.get("b_start") or 0)
        except (TypeError, ValueError):
            start = 0
        return max(0, start)

    # --- rows ---------------------------------------------------------------------

    @memoize
    def state_titles(self):
        return StateTitles(self.request)

    def rows(self):
        columns = self.columns()
        return [
            {
                "url": brain.getURL(),
                "cells": [
                    {
                        "text": column.text(brain),
                        "link": column.link,
                        "css": column.classes,
                    }
                    for column in columns
                ],
            }
            for brain in self.batch()
        ]

    def translate(self, message):
        return translate(message, context=self.request)

    def headers(self):
        sort_on, sort_order = self.sort()
        headers = []
        for column in self.columns():
            header = {
                "title": self.translate(column.title),
                "url": None,
                "order": "",
                "css": column.classes,
            }
            if column.sort_index:
                order = (
                    DESCENDING
                    if sort_on == column.sort_index and sort_order == ASCENDING
                    else ASCENDING
                )
                header["url"] = self.url(
                    sort_on=column.sort_index, sort_order=order, b_start=None
                )
                if sort_on == column.sort_index:
                    header["order"] = "▲" if sort_order == ASCENDING else "▼"
            headers.append(header)
        return headers

    # --- links keeping the filters --------------------------------------------------

    def params(self):
        """The request's list parameters (what a link or the export keeps)."""
        names = (
            "year",
            "jurisdiction",
            "unit",
            "review_state",
            "budget_kind",
            "special_fund",
            "round",
            "flag",
            "overdue",
            "sort_on",
            "sort_order",
            "b_start",
        )
        params = []
        for name in names:
            for value in self._list(name):
                params.append((name, value))
        if "year" not in self.form and self.chosen_year() is not None:
            params.insert(0, ("year", str(self.chosen_year())))
        return params

    def url(self, **changes):
        params = [(k, v) for k, v in self.params() if k not in changes]
        for key, value in changes.items():
            if value is not None:
                params.append((key, value))
        base = f"{self.context.absolute_url()}/@@{self.__name__}"
        return f"{base}?{urlencode(params)}" if params else base

    def export_url(self):
        return self.url(format="xlsx", b_start=None)

    def pages(self):
        """Previous and next page links, and where this page is."""
        total = len(self.brains())
        start = self.b_start()
        end = min(start + self.page_size, total)
        return {
            "total": total,
            "first": start + 1 if total else 0,
            "last": end,
            "previous": self.url(b_start=str(max(0, start - self.page_size)))
            if start > 0
            else None,
            "next": self.url(b_start=str(start + self.page_size))
            if end < total
            else None,
        }

    # --- the filter form ---------------------------------------------------------

    def scoped_to(self):
        """The jurisdiction or unit the list is scoped to (its title), or None."""
        if IBudgetUnit.providedBy(self.context) or IJurisdiction.providedBy(
            self.context
        ):
            return self.context.Title()
        return None

    def offers(self, name):
        if name == "jurisdiction" and self.scoped_to():
            return False
        if name == "unit" and IBudgetUnit.providedBy(self.context):
            return False
        return name in self.filters

    def year_options(self):
        catalog = api.portal.get_tool("portal_catalog")
        years = set()
        for value in catalog.uniqueValuesFor("year"):
            if isinstance(value, int):
                years.add(value)
        chosen = self.chosen_year()
        if chosen:
            years.add(chosen)
        years.add(today_in_china().year)
        return sorted(years, reverse=True)

    def jurisdiction_options(self):
        """The jurisdictions the user may see (the office: all of them)."""
        brains = api.content.find(
            portal_type="Jurisdiction", sort_on="getObjPositionInParent"
        )
        return [{"value": b.getId, "title": b.Title} for b in brains]

    def unit_options(self):
        """The units the user may see, of the chosen jurisdiction if any."""
        query = {"portal_type": "BudgetUnit", "sort_on": "sortable_title"}
        if IJurisdiction.providedBy(self.context):
            query["path"] = self._path(self.context)
        elif self.chosen_jurisdiction():
            query["path"] = f"{self.portal_path()}/{self.chosen_jurisdiction()}"
        brains = api.content.find(**query)
        return [{"value": b.UID, "title": b.Title} for b in brains]

    def state_options(self):
        titles = self.state_titles()
        chosen = self.chosen_states()
        return [
            {
                "value": state,
                "title": titles(self.portal_type, state),
                "checked": state in chosen,
            }
            for state in state_titles(self.portal_type)
        ]

    # --- shared cells --------------------------------------------------------------

    def state_text(self, brain):
        return self.state_titles().of(brain)

    @memoize
    def tenant_titles(self):
        """{path: title} of every jurisdiction and unit (their names are not
        secret: a reviewer names the unit of a project it may read)."""
        titles = {}
        for brain in self._find(["Jurisdiction", "BudgetUnit"]):
            titles[brain.getPath()] = brain.Title
        return titles

    def path_jurisdiction(self, brain):
        parts = brain.getPath().split("/")
        portal_depth = len(self.portal_path().split("/"))
        return self.tenant_titles().get("/".join(parts[: portal_depth + 1]), "")

    def path_unit(self, brain):
        parts = brain.getPath().split("/")
        portal_depth = len(self.portal_path().split("/"))
        return self.tenant_titles().get("/".join(parts[: portal_depth + 2]), "")

    # --- Excel ---------------------------------------------------------------

    def export_filename(self):
        year = self.chosen_year()
        name = self.translate(self.title)
        return f"{name}-{year}.xlsx" if year else f"{name}.xlsx"

    def export(self):
        columns = self.columns()
        headers = [self.translate(c.export_title or c.title) for c in columns]
        workbook, sheet = new_workbook(
            self.translate(self.title)[:31],
            headers,
            [max(10, len(header) * 2 + 4) for header in headers],
        )
        for brain in self.brains():
            append_row(sheet, [(c.export or c.text)(brain) for c in columns])
        return xlsx_response(
            self.request, workbook_bytes(workbook), self.export_filename()
        )
