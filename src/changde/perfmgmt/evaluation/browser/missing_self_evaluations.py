"""Approved projects of a year without a submitted self-evaluation."""

from plone.memoize.view import memoize
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zope.i18n import translate

from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.evaluation.browser.base import Labels
from changde.perfmgmt.evaluation.self_evaluations import STARTED
from changde.perfmgmt.evaluation.self_evaluations import create_self_evaluation_drafts
from changde.perfmgmt.evaluation.self_evaluations import missing_self_evaluations
from changde.perfmgmt.i18n import _


class MissingSelfEvaluationsView(BrowserView, Labels):
    """The approved projects of a year whose self-evaluation is not submitted
    (same as GET @missing-self-evaluations), and the office's button that
    creates the year's drafts (same as POST @self-evaluation-drafts)."""

    errors = ()

    def __call__(self):
        if self.request.method == "POST" and self.request.form.get(
            "form.buttons.create_drafts"
        ):
            CheckAuthenticator(self.request)
            return self.create_drafts()
        return self.index()

    def create_drafts(self):
        year = year_or_none(self.request.form.get("year"))
        if year is None:
            self.errors = [
                translate(
                    _("error_year_required", default="请填写年度(2000–2100)。"),
                    context=self.request,
                )
            ]
            return self.index()
        created = create_self_evaluation_drafts(year, self.context, self.request)
        self.message(
            _(
                "self_evaluation_drafts_created",
                default="已为 ${count} 个项目生成${year}年度自评草稿。",
                mapping={"count": str(len(created)), "year": str(year)},
            )
        )
        url = f"{self.folder_url()}/@@missing-self-evaluations?year={year}"
        self.request.response.redirect(url)
        return ""

    def year(self):
        year = year_or_none(self.request.form.get("year"))
        return year or today_in_china().year - 1

    @memoize
    def items(self):
        return missing_self_evaluations(self.year())

    def started_count(self):
        return sum(1 for item in self.items() if item["status"] == STARTED)
