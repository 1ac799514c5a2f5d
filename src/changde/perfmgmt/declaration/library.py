"""Grow the indicator library from an approved project (R-M6): each of the
project's indicators becomes a template of the chosen library, unless the
library already holds one of the same title and level 2. Shared by the REST
endpoint ``@copy-to-library`` and the page ``@@copy-to-library``.

Only the indicators that are copied are woken (their unit and comparator are
not catalog metadata); what is skipped is decided from the catalog.
"""

from dataclasses import dataclass
from dataclasses import field

from plone import api
from zope.i18nmessageid import Message

from changde.perfmgmt.i18n import _

APPROVED = "approved"
ADD_TEMPLATE = "changde.perfmgmt: Add IndicatorTemplate"


@dataclass(frozen=True)
class Skipped:
    """An indicator the library already has: its brain and the template's URL."""

    brain: object
    template_url: str
    message: Message


@dataclass
class CopyResult:
    created: list = field(default_factory=list)  # (indicator brain, template)
    skipped: list = field(default_factory=list)  # Skipped


def template_key(title, level2):
    return ((title or "").strip(), level2 or "")


def not_approved_message(project):
    """Why the project cannot be copied, or None when it is approved."""
    state = api.content.get_state(project)
    if state == APPROVED:
        return None
    # the state's title (a msgid of the workflow), translated with the message
    title = api.portal.get_tool("portal_workflow").getTitleForStateOnType(
        state, project.portal_type
    )
    return _(
        "copy_to_library_project_not_approved",
        default="Only an approved project's indicators are copied to the "
        'indicator library; this project is "${state}".',
        mapping={"state": _(title)},
    )


def may_add_templates(library):
    return api.user.has_permission(ADD_TEMPLATE, obj=library)


def libraries_to_grow():
    """Brains of the indicator libraries the user may add templates to."""
    brains = api.content.find(portal_type="IndicatorLibrary", sort_on="sortable_title")
    return [brain for brain in brains if may_add_templates(brain.getObject())]


def find_library(uid):
    """The indicator library of ``uid`` as the user may see it, or None."""
    if not isinstance(uid, str) or not uid:
        return None
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.searchResults(UID=uid, portal_type="IndicatorLibrary")
    return brains[0].getObject() if brains else None


def copy_to_library(project, library, sector):
    """Copy the indicators of ``project`` into ``library`` under ``sector``."""
    catalog = api.portal.get_tool("portal_catalog")
    existing = {
        template_key(brain.Title, brain.level2): brain.getURL()
        for brain in catalog.unrestrictedSearchResults(
            portal_type="IndicatorTemplate",
            path={"query": "/".join(library.getPhysicalPath()), "depth": 1},
        )
    }
    indicators = catalog.searchResults(
        portal_type="Indicator",
        path={"query": "/".join(project.getPhysicalPath()), "depth": 1},
        sort_on="getObjPositionInParent",
    )
    result = CopyResult()
    for brain in indicators:
        key = template_key(brain.Title, brain.level2)
        if key in existing:
            message = _(
                "copy_to_library_already_there",
                default='The library already has "${title}" under ${level2}.',
                mapping={"title": brain.Title, "level2": brain.level2},
            )
            result.skipped.append(Skipped(brain, existing[key], message))
            continue
        indicator = brain.getObject()
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
        result.created.append((brain, template))
    return result
