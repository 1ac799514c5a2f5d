"""An internal-review round and its scored reports."""

from plone import api
from plone.dexterity.browser.view import DefaultView

from changde.perfmgmt.core.display import omit_settings
from changde.perfmgmt.core.display import plain_years
from changde.perfmgmt.libraries.browser.base import CRITERIA
from changde.perfmgmt.libraries.browser.base import MANAGE
from changde.perfmgmt.libraries.reviews import rounds_of_year
from changde.perfmgmt.libraries.reviews import settings_warnings
from changde.perfmgmt.libraries.reviews import year_summary


class ReviewRoundView(DefaultView):
    def updateFieldsFromSchemata(self):
        super().updateFieldsFromSchemata()
        omit_settings(self)

    def _update(self):
        super()._update()
        plain_years(self)

    criteria = CRITERIA

    def reports(self):
        return list(self.context.reports or ())

    def can_manage(self):
        return api.user.has_permission(MANAGE, obj=self.context)

    def held(self):
        return len(rounds_of_year(self.context.year))

    def settings_warnings(self):
        return settings_warnings() if self.can_manage() else []

    def report_url(self, report):
        """The evaluation report's address when the row names one."""
        uid = report.get("uid")
        if not uid:
            return None
        return f"{api.portal.get().absolute_url()}/resolveuid/{uid}"

    def summary(self):
        return year_summary(self.context.year)
