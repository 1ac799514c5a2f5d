"""POST from the monitoring folder: create a year's rounds."""

from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zExceptions import BadRequest

from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.i18n import _
from changde.perfmgmt.monitoring.browser.base import LabelsMixin
from changde.perfmgmt.monitoring.rounds import create_year_rounds


class CreateYearRounds(BrowserView, LabelsMixin):
    """POST: create the rounds of ``year`` (one action), back to the folder."""

    def __call__(self):
        if self.request.method != "POST":
            raise BadRequest("POST only")
        CheckAuthenticator(self.request)
        year = year_or_none(self.request.form.get("year"))
        if year is None:
            self.message(
                _("monitoring_year_invalid", default="请输入有效的年度。"), "error"
            )
        else:
            created, existing = create_year_rounds(year, self.context)
            self.message(
                _(
                    "monitoring_rounds_created",
                    default="${year}年：新建 ${created} 个监控轮次，"
                    "已有 ${existing} 个。",
                    mapping={
                        "year": str(year),
                        "created": str(len(created)),
                        "existing": str(len(existing)),
                    },
                )
            )
        self.request.response.redirect(self.context.absolute_url())
        return ""
