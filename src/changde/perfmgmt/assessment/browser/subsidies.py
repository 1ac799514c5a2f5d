"""``@@it-subsidies?year=`` (and ``format=xlsx``): the subsidy table by year
with totals; the office enters the year each district's system went in use."""

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zope.event import notify
from zope.i18n import translate
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import ObjectModifiedEvent

from changde.perfmgmt.assessment.behaviors import IITSystem
from changde.perfmgmt.assessment.browser.base import MANAGE
from changde.perfmgmt.assessment.excel import subsidies_workbook
from changde.perfmgmt.assessment.labels import SUBSIDY_STATUS_TITLES
from changde.perfmgmt.assessment.subsidies import jurisdictions
from changde.perfmgmt.assessment.subsidies import subsidy_table_for
from changde.perfmgmt.core.browser.money import display_amount
from changde.perfmgmt.core.browser.money import money_unit_label
from changde.perfmgmt.core.excel import xlsx_response
from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.i18n import _


class SubsidiesView(BrowserView):
    """``@@it-subsidies?year=``: the table (all years without ``year``),
    Excel with ``format=xlsx``; the office saves the years in use."""

    def __call__(self):
        form = self.request.form
        if self.request.method == "POST" and form.get("form.submitted"):
            CheckAuthenticator(self.request)
            if not self.may_manage():
                self.request.response.setStatus(403)
                return translate(
                    _(
                        "subsidies_not_allowed",
                        default="只有绩效科可以修改信息化建设年度。",
                    ),
                    context=self.request,
                )
            if self.save():
                api.portal.show_message(
                    _("subsidy_years_saved", default="信息化建设年度已保存。"),
                    request=self.request,
                )
                return self.request.response.redirect(
                    f"{self.context.absolute_url()}/@@it-subsidies"
                )
        if form.get("format") == "xlsx":
            table = self.table()
            name = (
                f"{table.year}年度信息化奖补.xlsx" if table.year else "信息化奖补.xlsx"
            )
            return xlsx_response(
                self.request, subsidies_workbook(table, self.request), name
            )
        return self.index()

    errors = None

    def year(self):
        return year_or_none(self.request.form.get("year"))

    def table(self):
        return subsidy_table_for(self.year())

    def may_manage(self):
        return api.user.has_permission(MANAGE, obj=self.context)

    def rows(self):
        urls = {j.getId(): j.absolute_url() for j in jurisdictions()}
        return [
            {
                "key": row.key,
                "title": row.title,
                "url": urls.get(row.key),
                "in_use_year": row.in_use_year or "",
                "is_management_zone": row.is_management_zone,
                "base": display_amount(row.base),
                "share": row.share,
                "amount": display_amount(row.amount),
                "status": translate(
                    SUBSIDY_STATUS_TITLES[row.status], context=self.request
                ),
                "errors": (self.errors or {}).get(row.key, []),
            }
            for row in self.table().rows
        ]

    def totals(self):
        table = self.table()
        return {
            "total": display_amount(table.total),
            "by_year": [
                {"year": year, "total": display_amount(total)}
                for year, total in table.totals_by_year
            ],
        }

    def years(self):
        return [year for year, _total in self.table().totals_by_year]

    def money_unit_label(self):
        """元 or 万元, as the office chose; the amount columns name it."""
        return money_unit_label(request=self.request)

    def xlsx_url(self):
        year = self.year()
        query = f"year={year}&format=xlsx" if year else "format=xlsx"
        return f"{self.context.absolute_url()}/@@it-subsidies?{query}"

    def save(self):
        form = self.request.form
        errors, changes = {}, []
        for jurisdiction in jurisdictions():
            name = f"in_use_year_{jurisdiction.getId()}"
            if name not in form:
                continue
            text = (form.get(name) or "").strip()
            year = year_or_none(text) if text else None
            if text and year is None:
                errors[jurisdiction.getId()] = [
                    translate(
                        _(
                            "subsidy_year_invalid",
                            default="“${value}”不是有效的年度。",
                            mapping={"value": text},
                        ),
                        context=self.request,
                    )
                ]
                continue
            if getattr(jurisdiction, "it_system_year", None) != year:
                changes.append((jurisdiction, year))
        if errors:
            self.errors = errors
            return False
        for jurisdiction, year in changes:
            jurisdiction.it_system_year = year
            notify(
                ObjectModifiedEvent(
                    jurisdiction, Attributes(IITSystem, "it_system_year")
                )
            )
        return True
