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

from changde.perfmgmt.core.rest import bad_request
from changde.perfmgmt.core.rest import field_error
from changde.perfmgmt.core.rest import forbidden
from changde.perfmgmt.core.rest import invalid_body
from changde.perfmgmt.core.rest import read_json_object
from changde.perfmgmt.core.rest import translated
from changde.perfmgmt.i18n import _

APPROVED = "approved"
ADD_TEMPLATE = "changde.perfmgmt: Add IndicatorTemplate"


def template_key(title, level2):
    return ((title or "").strip(), level2 or "")


class CopyToLibraryPost(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        project = self.context
        state = api.content.get_state(project)
        if state != APPROVED:
            message = _(
                "copy_to_library_project_not_approved",
                default="Only an approved project's indicators are copied to the "
                'indicator library; this project is "${state}".',
                mapping={"state": state},
            )
            return bad_request(
                self.request,
                message,
                [field_error(self.request, "review_state", message)],
            )

        data = read_json_object(self.request)
        if data is None:
            return invalid_body(self.request)
        library, errors = self.resolve_library(data.get("library"))
        sector = data.get("sector")
        sector = sector.strip() if isinstance(sector, str) else ""
        if not sector:
            errors.append(
                field_error(
                    self.request,
                    "sector",
                    _(
                        "copy_to_library_sector_required",
                        default="The sector of the templates is required.",
                    ),
                )
            )
        if errors:
            return bad_request(
                self.request,
                _(
                    "copy_to_library_nothing_copied",
                    default="Nothing was copied: the request is not valid.",
                ),
                errors,
            )

        if not api.user.has_permission(ADD_TEMPLATE, obj=library):
            return forbidden(
                self.request,
                _(
                    "copy_to_library_not_allowed",
                    default="You may not add templates to the indicator library "
                    '"${library}".',
                    mapping={"library": library.Title()},
                ),
            )

        return self.copy(project, library, sector)

    def resolve_library(self, uid):
        """The library of ``uid`` (as the user may see it), and the errors."""
        brains = []
        if isinstance(uid, str) and uid:
            catalog = api.portal.get_tool("portal_catalog")
            brains = catalog.searchResults(UID=uid, portal_type="IndicatorLibrary")
        if brains:
            return brains[0].getObject(), []
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
        return None, [field_error(self.request, "library", message)]

    def copy(self, project, library, sector):
        catalog = api.portal.get_tool("portal_catalog")
        library_path = "/".join(library.getPhysicalPath())
        existing = {
            template_key(brain.Title, brain.level2): brain.getURL()
            for brain in catalog.unrestrictedSearchResults(
                portal_type="IndicatorTemplate",
                path={"query": library_path, "depth": 1},
            )
        }
        indicators = catalog.searchResults(
            portal_type="Indicator",
            path={"query": "/".join(project.getPhysicalPath()), "depth": 1},
            sort_on="getObjPositionInParent",
        )
        created = []
        skipped = []
        for brain in indicators:
            indicator = brain.getObject()
            key = template_key(indicator.title, indicator.level2)
            if key in existing:
                skipped.append(
                    {
                        "@id": indicator.absolute_url(),
                        "title": indicator.title,
                        "level2": indicator.level2,
                        "template": existing[key],
                        "message": translated(
                            self.request,
                            _(
                                "copy_to_library_already_there",
                                default='The library already has "${title}" '
                                "under ${level2}.",
                                mapping={
                                    "title": indicator.title,
                                    "level2": indicator.level2,
                                },
                            ),
                        ),
                    }
                )
                continue
            template = api.content.create(
                container=library,
                type="IndicatorTemplate",
                title=indicator.title,
                level1=indicator.level1,
                level2=indicator.level2,
                unit=indicator.unit,
                comparator=indicator.comparator,
                sector=sector,
                safe_id=True,
            )
            existing[key] = template.absolute_url()
            created.append(
                {
                    "@id": template.absolute_url(),
                    "@type": template.portal_type,
                    "UID": api.content.get_uuid(template),
                    "title": template.title,
                    "level2": template.level2,
                    "indicator": indicator.absolute_url(),
                }
            )
        self.request.response.setStatus(201 if created else 200)
        return {
            "@id": f"{project.absolute_url()}/@copy-to-library",
            "library": library.absolute_url(),
            "sector": sector,
            "items": created,
            "items_total": len(created),
            "skipped": skipped,
        }
