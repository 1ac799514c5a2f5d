"""A scorecard template's page: its criteria as a tree, who uses it."""

from plone import api
from Products.Five.browser import BrowserView
from zope.i18n import translate

from changde.perfmgmt.assessment.browser.base import MANAGE
from changde.perfmgmt.assessment.browser.base import state_title
from changde.perfmgmt.assessment.labels import FORMULA_TITLES
from changde.perfmgmt.assessment.labels import METHOD_TITLES
from changde.perfmgmt.assessment.rules.scorecards import code_key
from changde.perfmgmt.assessment.rules.scorecards import is_code
from changde.perfmgmt.assessment.templates import reports_using
from changde.perfmgmt.evaluation.vocabularies import KIND_TITLES


def sorted_rows(rows):
    def key(row):
        code = (row.get("code") or "").strip()
        return code_key(code) if is_code(code) else (10**9,)

    return sorted(rows, key=key)


class TemplateView(BrowserView):
    def rows(self):
        answer = []
        for row in sorted_rows(self.context.criteria or []):
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
        return state_title(self.state(), "ScorecardTemplate", self.request)

    def may_edit(self):
        return api.user.has_permission("Modify portal content", obj=self.context)

    def may_copy(self):
        return api.user.has_permission(MANAGE, obj=self.context)

    def used_by(self):
        """The reports scored with it that the user may see, and how many
        there are in all."""
        brains = reports_using(self.context)
        catalog = api.portal.get_tool("portal_catalog")
        visible = catalog(UID=[brain.UID for brain in brains]) if brains else []
        return {"count": len(brains), "visible": visible}

    def next_year(self):
        return (self.context.year or 0) + 1
