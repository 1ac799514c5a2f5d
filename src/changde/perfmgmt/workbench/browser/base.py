"""What the workbench's page (``workbench.py``) and its home-page viewlet
(``workbench_viewlet.py``) share: the year asked for, the numbers (the same as
``@workbench`` over REST, :mod:`changde.perfmgmt.workbench.figures`), their
formats and the body both render (``workbench_body.pt``)."""

from decimal import Decimal

from plone import api
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate

from changde.perfmgmt.core.browser.money import display_amount
from changde.perfmgmt.core.browser.money import money_unit_label
from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.i18n import _
from changde.perfmgmt.workbench.figures import workbench_figures


def requested_year(request):
    """``(year, error)``: the request's ``year``, else this year in China."""
    value = request.form.get("year")
    default = today_in_china().year
    if value in (None, ""):
        return default, None
    year = year_or_none(value)
    if year is None:
        return default, translate(
            _(
                "workbench_year_invalid",
                default="“${value}” is not a budget year (2000–2100); showing ${year}.",
                mapping={"value": str(value), "year": str(default)},
            ),
            context=request,
        )
    return year, None


class WorkbenchBody:
    """What the page and the viewlet share: the numbers and their formats."""

    body_template = ViewPageTemplateFile("workbench_body.pt")
    #: the home page's viewlet names itself; the page has its own title
    show_heading = False

    def update_figures(self):
        self.year, self.error = requested_year(self.request)
        self.figures = workbench_figures(self.request, year=self.year)

    def body(self):
        return self.body_template()

    def years(self):
        this_year = today_in_china().year
        return sorted(
            {this_year + 1, this_year, this_year - 1, self.year}, reverse=True
        )

    def form_action(self):
        """The page the year selector stays on (the home page or
        ``@@workbench``)."""
        return self.request.get("ACTUAL_URL") or (
            f"{api.portal.get().absolute_url()}/@@workbench"
        )

    @staticmethod
    def percent(value):
        if value is None:
            return "—"
        return f"{Decimal(value):.2f}%"

    @staticmethod
    def money(value):
        """An amount in the office's unit (元 or 万元, named by the column)."""
        return display_amount(value)

    def money_unit_label(self):
        return money_unit_label(request=self.request)

    @staticmethod
    def date(value):
        """A date as people in China write it: 2026年11月14日."""
        if value is None:
            return "—"
        if isinstance(value, str):
            return value
        return f"{value.year}年{value.month}月{value.day}日"
