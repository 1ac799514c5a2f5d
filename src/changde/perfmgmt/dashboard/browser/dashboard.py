"""The page ``@@dashboard`` (驾驶舱); its Excel export is ``@@dashboard-export``
(``dashboard_export.py``).

A year (``year``, default this year in China) and, for those who see more than
one jurisdiction, a jurisdiction (``jurisdiction``, its id). Each section has
a chart (Apache ECharts, served by the add-on as the Plone bundle
``changde-perfmgmt-dashboard``, loaded on this page only), its data table
beside it and an Excel export of that table; the numbers are those of
``@dashboard`` over REST (:mod:`changde.perfmgmt.dashboard.figures`).
"""

import json
from decimal import Decimal

from plone import api
from Products.Five.browser import BrowserView
from zope.i18n import translate
from zope.interface import implementer

from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.dashboard import charts
from changde.perfmgmt.dashboard.browser.base import IDashboardView
from changde.perfmgmt.dashboard.browser.base import add_bundles
from changde.perfmgmt.dashboard.browser.base import read_scope
from changde.perfmgmt.dashboard.figures import SECTIONS
from changde.perfmgmt.dashboard.figures import dashboard_figures
from changde.perfmgmt.dashboard.titles import light_title
from changde.perfmgmt.dashboard.titles import negative_list_state_titles
from changde.perfmgmt.dashboard.titles import section_title


@implementer(IDashboardView)
class DashboardView(BrowserView):
    def __call__(self):
        add_bundles(self.request)
        self.scope, errors = read_scope(self.request)
        self.errors = [translate(error, context=self.request) for error in errors]
        self.figures = dashboard_figures(self.scope, self.request)
        return self.index()

    # --- the filter ---------------------------------------------------------

    def years(self):
        """The years to choose from: those the catalog knows, this year and
        the one shown, newest first."""
        catalog = api.portal.get_tool("portal_catalog")
        years = {
            year
            for year in catalog.uniqueValuesFor("year")
            if isinstance(year, int) and year_or_none(year)
        }
        years.update({today_in_china().year, self.scope.year})
        return sorted(years, reverse=True)

    def show_jurisdiction_filter(self):
        return len(self.scope.jurisdictions) > 1

    def export_url(self, section=None):
        params = {"year": self.scope.year}
        if self.scope.jurisdiction_id:
            params["jurisdiction"] = self.scope.jurisdiction_id
        if section:
            params["section"] = section
        query = "&".join(f"{name}={value}" for name, value in params.items())
        return f"{self.context.absolute_url()}/@@dashboard-export?{query}"

    def rest_url(self):
        query = f"year={self.scope.year}"
        if self.scope.jurisdiction_id:
            query += f"&jurisdiction={self.scope.jurisdiction_id}"
        return f"{self.context.absolute_url()}/@dashboard?{query}"

    # --- the charts ---------------------------------------------------------

    def chart(self, name, *args):
        """``{"option": JSON, "height": "…px"}`` of a chart for the template."""
        builder = getattr(charts, f"{name}_chart")
        option, height = builder(*args, self.request)
        return {
            "option": json.dumps(option, ensure_ascii=False),
            "height": f"height: {height}px",
        }

    def negative_list_chart(self):
        section = self.figures["negative_list"]
        option, height = charts.negative_list_chart(
            section, self.request, negative_list_state_titles(self.request)
        )
        return {
            "option": json.dumps(option, ensure_ascii=False),
            "height": f"height: {height}px",
        }

    # --- formatting -----------------------------------------------------------

    def section_title(self, section):
        return section_title(section, self.request)

    def light_title(self, light):
        return light_title(light, self.request)

    def state_titles(self):
        return negative_list_state_titles(self.request)

    @staticmethod
    def percent(value):
        """A percentage as people read it (``85.50%``), or — without one."""
        if value is None:
            return "—"
        return f"{Decimal(value):.2f}%"

    def sections(self):
        """The sections shown (the special funds to those who may see the
        municipal level)."""
        return [section for section in SECTIONS if self.figures[section] is not None]
