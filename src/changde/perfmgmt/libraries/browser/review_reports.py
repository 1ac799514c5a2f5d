"""The office's form of a round's reviewed reports and scores."""

import transaction
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage

from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.i18n import _
from changde.perfmgmt.libraries.browser.base import CRITERIA
from changde.perfmgmt.libraries.reviews import set_report_rows
from changde.perfmgmt.libraries.reviews import settings_warnings
from changde.perfmgmt.libraries.rules.review_scoring import REVIEW_CRITERIA
from changde.perfmgmt.libraries.settings import review_weights
from changde.perfmgmt.libraries.vocabularies import reviewable_reports

#: empty rows the scoring form offers for new reports
BLANK_ROWS = 3


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
