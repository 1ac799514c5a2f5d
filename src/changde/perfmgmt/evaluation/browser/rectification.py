"""Rectification (R-M12): the items of the year, rates by unit, overdue items."""

from plone.memoize.view import memoize
from Products.Five.browser import BrowserView
from zope.i18n import translate

from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.evaluation.browser.base import Labels
from changde.perfmgmt.evaluation.rectification import rectification_summary
from changde.perfmgmt.i18n import _


class RectificationView(BrowserView, Labels):
    """整改情况: rates per report, unit, jurisdiction and year against the
    target, overdue items highlighted (same as GET @rectification): the items
    the user may see."""

    FILTERS = ("jurisdiction", "budget_unit")

    def __call__(self):
        self.refuse_anonymous()
        return self.index()

    def year(self):
        return year_or_none(self.request.form.get("year"))

    def filters(self):
        form = self.request.form
        return {name: form.get(name) for name in self.FILTERS if form.get(name)}

    @memoize
    def summary(self):
        return rectification_summary(year=self.year(), **self.filters())

    @memoize
    def options(self):
        summary = rectification_summary()
        return {
            "year": [str(row["key"]) for row in summary["by_year"] if row["key"]],
            "jurisdiction": [
                (row["key"], row["title"])
                for row in summary["by_jurisdiction"]
                if row["key"]
            ],
            "budget_unit": [
                (row["key"], row["title"]) for row in summary["by_unit"] if row["key"]
            ],
        }

    def selected(self, name, value):
        return str(self.request.form.get(name, "")) == str(value)

    def groups(self):
        summary = self.summary()
        return [
            (
                _("heading_rate_by_report", default="按评价报告(来源)"),
                summary["by_source"],
            ),
            (_("heading_rate_by_unit", default="按预算单位"), summary["by_unit"]),
            (
                _("heading_rate_by_jurisdiction", default="按地区"),
                summary["by_jurisdiction"],
            ),
            (_("heading_rate_by_year", default="按年度"), summary["by_year"]),
        ]

    def group_title(self, title):
        return translate(title, context=self.request)
