"""The page ``@@copy-to-library`` of an approved project (复制到指标库, R-M6):
the performance office copies the project's indicators into an indicator
library, as templates of a sector. Same code as the REST endpoint
``@copy-to-library`` (:mod:`changde.perfmgmt.declaration.library`)."""

from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zope.i18n import translate

from changde.perfmgmt.declaration.library import copy_to_library
from changde.perfmgmt.declaration.library import find_library
from changde.perfmgmt.declaration.library import libraries_to_grow
from changde.perfmgmt.declaration.library import may_add_templates
from changde.perfmgmt.declaration.library import not_approved_message
from changde.perfmgmt.i18n import _


class CopyToLibraryView(BrowserView):
    def __call__(self):
        self.errors = {}
        form = self.request.form
        if self.request.method == "POST" and form.get("form.submitted"):
            CheckAuthenticator(self.request)
            if self.copy():
                return self.request.response.redirect(self.context.absolute_url())
        return self.index()

    def refusal(self):
        """Why nothing can be copied from this project, or None."""
        message = not_approved_message(self.context)
        return None if message is None else translate(message, context=self.request)

    def libraries(self):
        return libraries_to_grow()

    def sectors(self):
        catalog = api.portal.get_tool("portal_catalog")
        return sorted(catalog.uniqueValuesFor("sector"))

    def chosen_library(self):
        return self.request.form.get("library") or ""

    def sector(self):
        return (self.request.form.get("sector") or "").strip()

    def copy(self):
        if self.refusal():
            return False
        library = find_library(self.chosen_library())
        if library is None or not may_add_templates(library):
            self.errors["library"] = translate(
                _(
                    "copy_to_library_choose_library",
                    default="Choose the indicator library to copy into.",
                ),
                context=self.request,
            )
        if not self.sector():
            self.errors["sector"] = translate(
                _(
                    "copy_to_library_sector_required",
                    default="The sector of the templates is required.",
                ),
                context=self.request,
            )
        if self.errors:
            return False
        result = copy_to_library(self.context, library, self.sector())
        api.portal.show_message(
            _(
                "copy_to_library_copied",
                default="${created} indicators were copied to ${library}; "
                "${skipped} were already there.",
                mapping={
                    "created": str(len(result.created)),
                    "skipped": str(len(result.skipped)),
                    "library": library.Title(),
                },
            ),
            request=self.request,
        )
        return True
