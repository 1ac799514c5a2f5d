"""POST @copy-to-library on an approved budget project: its indicators become
templates of an indicator library (R-M6, the library grows from approved
projects).

Body: ``{"library": "<IndicatorLibrary UID>", "sector": "教育"}``. Each
indicator is copied (title, level 1, level 2, unit, comparator, and the given
sector) unless the library already holds a template of the same title and
level 2: those are reported as skipped. Only an approved project is copied,
and only by a user who may add templates to that library (the performance
office); the project's own permissions do not decide it.
"""

from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides

from changde.perfmgmt.core.rest import ActionRefused
from changde.perfmgmt.core.rest import FieldError
from changde.perfmgmt.core.rest import InputRefused
from changde.perfmgmt.core.rest import json_body
from changde.perfmgmt.core.rest import translated
from changde.perfmgmt.declaration.library import copy_to_library
from changde.perfmgmt.declaration.library import find_library
from changde.perfmgmt.declaration.library import may_add_templates
from changde.perfmgmt.declaration.library import not_approved_message
from changde.perfmgmt.i18n import _


class CopyToLibraryPost(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        project = self.context
        message = not_approved_message(project)
        if message is not None:
            raise InputRefused(
                message,
                [FieldError("review_state", message)],
            )

        data = json_body(self.request)
        library, errors = self.resolve_library(data.get("library"))
        sector = data.get("sector")
        sector = sector.strip() if isinstance(sector, str) else ""
        if not sector:
            errors.append(
                FieldError(
                    "sector",
                    _(
                        "copy_to_library_sector_required",
                        default="The sector of the templates is required.",
                    ),
                )
            )
        if errors:
            raise InputRefused(
                _(
                    "copy_to_library_nothing_copied",
                    default="Nothing was copied: the request is not valid.",
                ),
                errors,
            )

        if not may_add_templates(library):
            raise ActionRefused(
                _(
                    "copy_to_library_not_allowed",
                    default="You may not add templates to the indicator library "
                    '"${library}".',
                    mapping={"library": library.Title()},
                ),
            )

        return self.answer(project, library, sector)

    def resolve_library(self, uid):
        """The library of ``uid`` (as the user may see it), and the errors."""
        library = find_library(uid)
        if library is not None:
            return library, []
        if not uid:
            message = _(
                "copy_to_library_library_required",
                default='Give the UID of the indicator library as "library".',
            )
        else:
            message = _(
                "copy_to_library_library_unknown",
                default='No indicator library has the UID "${uid}".',
                mapping={"uid": str(uid)},
            )
        return None, [FieldError("library", message)]

    def answer(self, project, library, sector):
        result = copy_to_library(project, library, sector)
        created = [
            {
                "@id": template.absolute_url(),
                "@type": template.portal_type,
                "UID": api.content.get_uuid(template),
                "title": template.title,
                "level2": template.level2,
                "indicator": brain.getURL(),
            }
            for brain, template in result.created
        ]
        skipped = [
            {
                "@id": item.brain.getURL(),
                "title": item.brain.Title,
                "level2": item.brain.level2,
                "template": item.template_url,
                "message": translated(self.request, item.message),
            }
            for item in result.skipped
        ]
        self.request.response.setStatus(201 if created else 200)
        return {
            "@id": f"{project.absolute_url()}/@copy-to-library",
            "library": library.absolute_url(),
            "sector": sector,
            "items": created,
            "items_total": len(created),
            "skipped": skipped,
        }
