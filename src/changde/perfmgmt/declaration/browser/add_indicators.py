"""The page ``@@add-indicators`` of a project (从指标库选取指标, R-M6): pick
templates of the indicator library, get one level-3 indicator each.

Same rules as the REST endpoint ``@add-indicators``
(:mod:`changde.perfmgmt.declaration.indicators`): all or nothing, and only
while the project is open for changes (the view's permission).
"""

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zope.i18n import translate

from changde.perfmgmt.declaration.indicators import add_from_templates
from changde.perfmgmt.declaration.indicators import resolve_templates
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
        templates, problems = resolve_templates(uids)
        if problems:
            self.errors = [self.translate(problem.message) for problem in problems]
            return False
        created = add_from_templates(self.context, templates)
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

    def sector(self):
        return self.request.form.get("sector") or ""

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
        text = (self.request.form.get("text") or "").strip()
        if text:
            query["SearchableText"] = text
        return api.content.find(**query)
