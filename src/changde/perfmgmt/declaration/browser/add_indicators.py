"""The page ``@@add-indicators`` of a project (从指标库选取指标, R-M6): pick
templates of the indicator library, get one level-3 indicator each, with the
target value written next to the template (optional; a quantifiable
indicator counts towards a special fund's minimum only with one).

Same rules as the REST endpoint ``@add-indicators``
(:mod:`changde.perfmgmt.declaration.indicators`): all or nothing, and only
while the project is open for changes (the view's permission).
"""

from plone import api
from plone.base.utils import munge_search_term
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.ZCTextIndex.ParseTree import ParseError
from zope.i18n import translate

from changde.perfmgmt.declaration.indicators import Pick
from changde.perfmgmt.declaration.indicators import add_from_templates
from changde.perfmgmt.declaration.indicators import resolve_picks
from changde.perfmgmt.i18n import _


class AddIndicatorsView(BrowserView):
    errors = ()

    def __call__(self):
        if self.request.method == "POST" and self.request.form.get("form.submitted"):
            CheckAuthenticator(self.request)
            if self.add():
                return self.request.response.redirect(self.context.absolute_url())
        return self.index()

    def add(self):
        uids = self.request.form.get("templates") or []
        if isinstance(uids, str):
            uids = [uids]
        if not uids:
            self.errors = [
                self.translate(
                    _(
                        "add_indicators_choose_templates",
                        default="Choose at least one indicator template.",
                    )
                )
            ]
            return False
        picks = [Pick(uid, self.target_value(uid) or None) for uid in uids]
        templates, problems = resolve_picks(picks)
        if problems:
            self.errors = [self.problem_text(problem) for problem in problems]
            return False
        created = add_from_templates(
            self.context, templates, [pick.target_value for pick in picks]
        )
        api.portal.show_message(
            _(
                "add_indicators_added",
                default="${count} indicators were added from the library.",
                mapping={"count": str(len(created))},
            ),
            request=self.request,
        )
        return True

    def translate(self, message):
        return translate(message, context=self.request)

    def target_value(self, uid):
        """The target value written next to the template ``uid``."""
        value = self.request.form.get(f"target_{uid}")
        return value.strip() if isinstance(value, str) else ""

    def problem_text(self, problem):
        message = self.translate(problem.message)
        if problem.field != "templates":
            # say which template's target value is refused
            title = self.template_title(problem.uid)
            return f"{title}：{message}" if title else message
        return message

    def template_title(self, uid):
        catalog = api.portal.get_tool("portal_catalog")
        brains = catalog.searchResults(UID=uid)
        return brains[0].Title if brains else ""

    def chosen(self):
        """The UIDs ticked in the request (kept when the page is shown again)."""
        uids = self.request.form.get("templates") or []
        return [uids] if isinstance(uids, str) else list(uids)

    def sector(self):
        sector = self.request.form.get("sector")
        return sector if isinstance(sector, str) else ""

    def sectors(self):
        catalog = api.portal.get_tool("portal_catalog")
        return sorted(catalog.uniqueValuesFor("sector"))

    def templates(self):
        """The library's templates (catalog brains), of one sector if chosen."""
        query = {
            "portal_type": "IndicatorTemplate",
            "sort_on": ["level1", "level2", "sortable_title"],
        }
        if self.sector():
            query["sector"] = self.sector()
        text = self.request.form.get("text")
        text = text.strip() if isinstance(text, str) else ""
        if text:
            # the words as ZCTextIndex reads them: "a(b" is no query syntax
            query["SearchableText"] = munge_search_term(text.replace('"', " "))
        try:
            return api.content.find(**query)
        except ParseError:  # words the text index cannot search for
            return []
