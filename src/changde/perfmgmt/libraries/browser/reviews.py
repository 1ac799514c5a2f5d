"""Internal review pages: the folder (each year's rounds against the plan,
excellent reports against 3–5), a round (its panel and scored reports) and
the scoring form."""

import datetime

import transaction
from plone import api
from plone.dexterity.browser.view import DefaultView
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage

from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.i18n import _
from changde.perfmgmt.libraries.reviews import rounds_of_year
from changde.perfmgmt.libraries.reviews import set_report_rows
from changde.perfmgmt.libraries.reviews import settings_warnings
from changde.perfmgmt.libraries.reviews import year_summary
from changde.perfmgmt.libraries.rules.review_scoring import REVIEW_CRITERIA
from changde.perfmgmt.libraries.settings import review_weights
from changde.perfmgmt.libraries.vocabularies import reviewable_reports

MANAGE = "changde.perfmgmt: Manage libraries"
CRITERION_TITLES = {
    "goal_completion": _(
        "review_criterion_goal_completion", default="项目目标完成情况"
    ),
    "problem_depth": _("review_criterion_problem_depth", default="问题揭示深度"),
    "suggestion_feasibility": _(
        "review_criterion_suggestion_feasibility", default="建议可行性"
    ),
    "text_quality": _("review_criterion_text_quality", default="报告文本水平"),
}
CRITERIA = [(criterion, CRITERION_TITLES[criterion]) for criterion in REVIEW_CRITERIA]
#: empty rows the scoring form offers for new reports
BLANK_ROWS = 3


class ReviewFolderView(BrowserView):
    def can_manage(self):
        return api.user.has_permission(MANAGE, obj=self.context)

    def settings_warnings(self):
        return settings_warnings() if self.can_manage() else []

    def years(self):
        """The years that have rounds, newest first, and the current year."""
        years = {
            brain.year
            for brain in api.content.find(
                context=self.context, portal_type="InternalReviewRound"
            )
        }
        years.add(datetime.date.today().year)
        return sorted(years, reverse=True)

    def summary(self, year):
        return year_summary(year)

    def rounds(self, year):
        return api.content.find(
            context=self.context,
            portal_type="InternalReviewRound",
            year=year,
            sort_on="getObjPositionInParent",
        )


class ReviewRoundView(DefaultView):
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


class ReviewReportsForm(BrowserView):
    """One line per reviewed report: the evaluation report (picked from the
    system's, or a title for one made outside it), reference, the four
    scores and "excellent"; empty lines are ignored."""

    criteria = CRITERIA
    errors = ()

    def reports(self):
        """(UID, title) of the evaluation reports the office may pick."""
        return [(term.value, term.title) for term in reviewable_reports(self.context)]

    def settings_warnings(self):
        return settings_warnings()

    def weights(self):
        weights = review_weights()
        return {c: getattr(weights, c) for c in REVIEW_CRITERIA}

    def rows(self):
        if self.request.method == "POST":
            return self.rows_from_form(keep_blank=True)
        rows = [dict(row) for row in self.context.reports or ()]
        return rows + [{} for _number in range(BLANK_ROWS)]

    def rows_from_form(self, keep_blank=False):
        form = self.request.form
        count = int(form.get("row_count", 0) or 0)
        rows = []
        for number in range(count):
            row = {
                "title": form.get(f"title_{number}", ""),
                "reference": form.get(f"reference_{number}", ""),
                "uid": form.get(f"uid_{number}", ""),
                "excellent": bool(form.get(f"excellent_{number}")),
                "scores": {
                    criterion: form.get(f"{criterion}_{number}") or None
                    for criterion in REVIEW_CRITERIA
                },
            }
            blank = (
                not row["title"].strip()
                and not row["uid"]
                and not any(row["scores"].values())
            )
            if blank and not keep_blank:
                continue
            if keep_blank:
                row.update(row["scores"])
            rows.append(row)
        return rows

    def __call__(self):
        if self.request.method == "POST" and self.request.form.get("form.submitted"):
            CheckAuthenticator(self.request)
            errors = set_report_rows(self.context, self.rows_from_form())
            if errors:
                transaction.doom()
                self.errors = [
                    {
                        "row": "" if index is None else index + 1,
                        "field": violation.field or "",
                        "message": translate_violation(violation, self.request),
                    }
                    for index, violation in errors
                ]
                return self.index()
            IStatusMessage(self.request).add(
                _("review_reports_saved", default="点评得分已保存。")
            )
            return self.request.response.redirect(self.context.absolute_url())
        return self.index()
