"""Scorecard templates in the browser: the template page (its criteria as a
tree, who uses it), ``@@edit-criteria`` (the criteria as a table of rows the
office edits; refused row by row by :func:`rules.scorecards.validate_criteria`,
nothing saved) and ``@@copy-template`` (a draft copy for another year)."""

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zope.event import notify
from zope.i18n import translate
from zope.lifecycleevent import Attributes
from zope.lifecycleevent import ObjectModifiedEvent

from changde.perfmgmt.assessment.content.scorecard_template import IScorecardTemplate
from changde.perfmgmt.assessment.labels import FORMULA_TITLES
from changde.perfmgmt.assessment.labels import METHOD_TITLES
from changde.perfmgmt.assessment.rules.scorecards import FORMULAS
from changde.perfmgmt.assessment.rules.scorecards import METHODS
from changde.perfmgmt.assessment.rules.scorecards import code_key
from changde.perfmgmt.assessment.rules.scorecards import is_code
from changde.perfmgmt.assessment.rules.scorecards import validate_criteria
from changde.perfmgmt.assessment.templates import copy_template
from changde.perfmgmt.assessment.templates import reports_using
from changde.perfmgmt.core.messages import translate_violation
from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.evaluation.vocabularies import KIND_TITLES
from changde.perfmgmt.i18n import _

#: blank rows offered for new criteria
BLANK_ROWS = 5


def _sorted_rows(rows):
    def key(row):
        code = (row.get("code") or "").strip()
        return code_key(code) if is_code(code) else (10**9,)

    return sorted(rows, key=key)


class TemplateView(BrowserView):
    def rows(self):
        answer = []
        for row in _sorted_rows(self.context.criteria or []):
            code = row.get("code") or ""
            method = row.get("method")
            answer.append(
                {
                    **row,
                    "depth": code.count("."),
                    "is_group": any(
                        (other.get("code") or "").startswith(code + ".")
                        for other in self.context.criteria or []
                    ),
                    "method_title": translate(
                        FORMULA_TITLES.get(row.get("formula"))
                        or METHOD_TITLES.get(method, ""),
                        context=self.request,
                    )
                    if method
                    else "",
                }
            )
        return answer

    def kind_title(self):
        return translate(
            KIND_TITLES.get(self.context.template_kind, ""), context=self.request
        )

    def state(self):
        return api.content.get_state(self.context, default=None)

    def state_title(self):
        workflow = api.portal.get_tool("portal_workflow")
        return translate(
            workflow.getTitleForStateOnType(self.state(), "ScorecardTemplate"),
            domain="plone",
            context=self.request,
        )

    def may_edit(self):
        return api.user.has_permission("Modify portal content", obj=self.context)

    def may_copy(self):
        return api.user.has_permission(
            "changde.perfmgmt: Manage assessment", obj=self.context
        )

    def used_by(self):
        """The reports scored with it that the user may see, and how many
        there are in all."""
        brains = reports_using(self.context)
        catalog = api.portal.get_tool("portal_catalog")
        visible = catalog(UID=[brain.UID for brain in brains]) if brains else []
        return {"count": len(brains), "visible": visible}

    def next_year(self):
        return (self.context.year or 0) + 1


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
            else list(_sorted_rows(self.context.criteria or []))
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


class CopyTemplate(BrowserView):
    """``@@copy-template`` (POST ``year``): a draft copy for that year."""

    def __call__(self):
        if self.request.method != "POST":
            return self.request.response.redirect(self.context.absolute_url())
        CheckAuthenticator(self.request)
        year = year_or_none(self.request.form.get("year"))
        if year is None:
            api.portal.show_message(
                _("copy_template_year_invalid", default="请填写有效的年度。"),
                request=self.request,
                type="error",
            )
            return self.request.response.redirect(self.context.absolute_url())
        copy = copy_template(self.context, year)
        api.portal.show_message(
            _(
                "template_copied",
                default="已复制为 ${year} 年度的草稿,可修改评分项后启用。",
                mapping={"year": str(year)},
            ),
            request=self.request,
        )
        return self.request.response.redirect(f"{copy.absolute_url()}/@@edit-criteria")
