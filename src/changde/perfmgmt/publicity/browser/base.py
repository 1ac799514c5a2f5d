"""What the publicity pages share: translated labels, dates as people in
Changde read them (Beijing time), filters from the query string, the
office's permission."""

from datetime import date
from datetime import datetime

from plone import api
from Products.Five.browser import BrowserView
from zope.i18n import translate

from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.evaluation.vocabularies import GRADE_TITLES
from changde.perfmgmt.evaluation.vocabularies import KIND_TITLES
from changde.perfmgmt.i18n import _
from changde.perfmgmt.publicity.portal import beijing_date
from changde.perfmgmt.publicity.portal import beijing_datetime
from changde.perfmgmt.publicity.rules import listings
from changde.perfmgmt.publicity.vocabularies import AUDIENCE_TITLES
from changde.perfmgmt.publicity.vocabularies import MATERIAL_KIND_TITLES
from changde.perfmgmt.publicity.vocabularies import POLICY_LEVEL_TITLES
from changde.perfmgmt.publicity.vocabularies import PUBLICITY_KIND_TITLES
from changde.perfmgmt.publicity.vocabularies import SECTION_TITLES

MANAGE = "changde.perfmgmt: Manage publicity"

RECTIFICATION_TITLES = {
    listings.RECTIFICATION_NONE: _("rectification_status_none", default="无整改事项"),
    listings.RECTIFICATION_DONE: _("rectification_status_done", default="已全部整改"),
    listings.RECTIFICATION_UNDER_WAY: _(
        "rectification_status_under_way", default="整改中"
    ),
}


class Labels:
    """Labels, dates and filters for the publicity pages and viewlets."""

    def t(self, message):
        return translate(message, context=self.request)

    def label(self, titles, value):
        title = titles.get(value)
        return self.t(title) if title else (value or "")

    def section_label(self, kind):
        return self.label(SECTION_TITLES, kind)

    def publicity_kind_label(self, kind):
        return self.label(PUBLICITY_KIND_TITLES, kind)

    def policy_level_label(self, level):
        return self.label(POLICY_LEVEL_TITLES, level)

    def material_kind_label(self, kind):
        return self.label(MATERIAL_KIND_TITLES, kind)

    def audience_label(self, audience):
        return self.label(AUDIENCE_TITLES, audience)

    def evaluation_kind_label(self, kind):
        return self.label(KIND_TITLES, kind)

    def grade_label(self, grade):
        return self.label(GRADE_TITLES, grade) if grade else "—"

    def rectification_label(self, rectification):
        text = self.label(RECTIFICATION_TITLES, rectification["status"])
        if rectification["status"] == listings.RECTIFICATION_UNDER_WAY:
            return f"{text}（{rectification['accepted']}/{rectification['total']}）"
        return text

    def chinese(self):
        language = (self.request.get("LANGUAGE") or "zh-cn").lower()
        return language.startswith("zh")

    def format_date(self, value):
        """2026年6月18日 (in English: 2026-06-18)."""
        if isinstance(value, str):
            try:
                value = date.fromisoformat(value[:10])
            except ValueError:
                return value
        value = beijing_date(value)
        if value is None:
            return ""
        if self.chinese():
            return f"{value.year}年{value.month}月{value.day}日"
        return value.isoformat()

    def format_datetime(self, value, whole_day=False):
        """2026年6月18日 09:30 (Beijing time)."""
        if isinstance(value, str):
            try:
                value = datetime.fromisoformat(value)
            except ValueError:
                return value
        value = beijing_datetime(value)
        if value is None:
            return ""
        day = self.format_date(value.date() if isinstance(value, datetime) else value)
        if whole_day or not isinstance(value, datetime):
            return day
        return f"{day} {value:%H:%M}"

    def can_manage(self):
        return api.user.has_permission(MANAGE, obj=self.context)

    def is_anonymous(self):
        return api.user.is_anonymous()

    def year_filter(self):
        return year_or_none(self.request.form.get("year"))

    def choice_filter(self, name, allowed):
        value = self.request.form.get(name)
        return value if value in allowed else None

    def selected(self, name, value):
        return str(self.request.form.get(name, "")) == str(value)


class PublicityView(BrowserView, Labels):
    """A page of the publicity module."""
