"""``@@edit-criteria``: a template's criteria as a table of rows the office
edits; refused row by row by :func:`rules.scorecards.validate_criteria`,
nothing saved."""

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zope.event import notify
from zope.i18n import translate
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import ObjectModifiedEvent

from changde.perfmgmt.assessment.browser.template_view import sorted_rows
from changde.perfmgmt.assessment.content.scorecard_template import IScorecardTemplate
from changde.perfmgmt.assessment.labels import FORMULA_TITLES
from changde.perfmgmt.assessment.labels import METHOD_TITLES
from changde.perfmgmt.assessment.rules.scorecards import FORMULAS
from changde.perfmgmt.assessment.rules.scorecards import METHODS
from changde.perfmgmt.assessment.rules.scorecards import validate_criteria
from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.i18n import _

#: blank rows offered for new criteria
BLANK_ROWS = 5


class EditCriteria(BrowserView):
    """``@@edit-criteria``: the criteria as rows of code, title, weight,
    method, formula, description; an empty title drops a row."""

    errors = None
    general = None

    def __call__(self):
        if self.request.method == "POST" and self.request.form.get("form.submitted"):
            CheckAuthenticator(self.request)
            if self.save():
                api.portal.show_message(
                    _("criteria_saved", default="评分项已保存。"), request=self.request
                )
                return self.request.response.redirect(self.context.absolute_url())
        return self.index()

    def methods(self):
        return [
            {"value": m, "title": translate(METHOD_TITLES[m], context=self.request)}
            for m in METHODS
        ]

    def formulas(self):
        return [
            {"value": f, "title": translate(FORMULA_TITLES[f], context=self.request)}
            for f in FORMULAS
        ]

    def typed(self):
        form = self.request.form
        rows = []
        count = int(form.get("row_count") or 0)
        for index in range(count):
            title = (form.get(f"title_{index}") or "").strip()
            code = (form.get(f"code_{index}") or "").strip()
            if not title and not code:
                continue
            method = form.get(f"method_{index}") or None
            formula = form.get(f"formula_{index}") or None
            rows.append(
                {
                    "code": code,
                    "title": title,
                    "weight": (form.get(f"weight_{index}") or "").strip(),
                    "method": method,
                    "formula": formula if method == "formula" else None,
                    "description": (form.get(f"description_{index}") or "").strip(),
                }
            )
        return rows

    def rows(self):
        rows = (
            self.typed()
            if self.errors is not None
            else list(sorted_rows(self.context.criteria or []))
        )
        answer = []
        for index, row in enumerate(rows):
            answer.append(
                {
                    **{
                        k: row.get(k) or ""
                        for k in (
                            "code",
                            "title",
                            "weight",
                            "method",
                            "formula",
                            "description",
                        )
                    },
                    "index": index,
                    "errors": (self.errors or {}).get(index + 1, []),
                }
            )
        for index in range(len(rows), len(rows) + BLANK_ROWS):
            answer.append(
                {
                    "code": "",
                    "title": "",
                    "weight": "",
                    "method": "",
                    "formula": "",
                    "description": "",
                    "index": index,
                    "errors": [],
                }
            )
        return answer

    def save(self):
        rows = self.typed()
        violations = validate_criteria(rows)
        if violations:
            errors, general = {}, []
            for violation in violations:
                message = translate_violation(violation, self.request)
                row = violation.params.get("row")
                if isinstance(row, int):
                    errors.setdefault(row, []).append(message)
                else:
                    general.append(message)
            self.errors = errors
            self.general = general
            return False
        self.context.criteria = rows
        notify(
            ObjectModifiedEvent(
                self.context, Attributes(IScorecardTemplate, "criteria")
            )
        )
        return True
