"""POST from the round page: prepare a record for every approved project of the year."""

from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zExceptions import BadRequest

from changde.perfmgmt.i18n import _
from changde.perfmgmt.monitoring.browser.base import LabelsMixin
from changde.perfmgmt.monitoring.rounds import prepare_records


class PrepareRecords(BrowserView, LabelsMixin):
    """POST: a draft record for each approved project, back to the round."""

    def __call__(self):
        if self.request.method != "POST":
            raise BadRequest("POST only")
        CheckAuthenticator(self.request)
        created = prepare_records(self.context)
        self.message(
            _(
                "monitoring_records_prepared",
                default="已为 ${count} 个已批复项目生成监控记录。",
                mapping={"count": str(len(created))},
            )
        )
        self.request.response.redirect(self.context.absolute_url())
        return ""
