"""The library page: members by pinyin from the catalog, and the supervision
library's coverage of its five groups."""

from plone import api
from Products.Five.browser import BrowserView
from zope.i18n import translate

from changde.perfmgmt.libraries.browser.base import MANAGE
from changde.perfmgmt.libraries.browser.base import VIEW_RATINGS
from changde.perfmgmt.libraries.members import library_members
from changde.perfmgmt.libraries.rules.supervision import supervision_coverage
from changde.perfmgmt.libraries.settings import supervision_target_year
from changde.perfmgmt.libraries.vocabularies import CATEGORY_TITLES
from changde.perfmgmt.libraries.vocabularies import LEVEL_TITLES
from changde.perfmgmt.libraries.vocabularies import STATUS_TITLES


def supervision_coverage_json(library, request):
    """The five groups: covered or not, with their members' count."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        path={"query": "/".join(library.getPhysicalPath()), "depth": 1},
        portal_type="SupervisionMember",
    )
    categories = [brain.supervision_category for brain in brains]
    coverage = supervision_coverage(c for c in categories if c)
    return {
        "complete": coverage.complete,
        "target_year": supervision_target_year(),
        "categories": [
            {
                "category": category,
                "title": translate(CATEGORY_TITLES[category], context=request),
                "covered": covered,
                "members": categories.count(category),
            }
            for category, covered in coverage.per_category.items()
        ],
        "missing": list(coverage.missing),
    }


class LibraryView(BrowserView):
    def members(self):
        return library_members(self.context)

    def is_supervision(self):
        return self.context.kind == "supervision"

    def is_rated(self):
        return self.context.kind in ("expert", "agency")

    def can_manage(self):
        return api.user.has_permission(MANAGE, obj=self.context)

    def can_see_status(self):
        """The status is the office's (it is not in the catalog's metadata)."""
        return self.is_rated() and api.user.has_permission(
            VIEW_RATINGS, obj=self.context
        )

    def coverage(self):
        return supervision_coverage_json(self.context, self.request)

    def level(self, brain):
        term = LEVEL_TITLES.get(brain.library_level)
        return translate(term, context=self.request) if term else ""

    def status(self, brain):
        # read from the member: the office's page only
        member = brain._unrestrictedGetObject()
        term = STATUS_TITLES.get(getattr(member, "status", None) or "active")
        return translate(term, context=self.request) if term else ""

    def category(self, brain):
        term = CATEGORY_TITLES.get(brain.supervision_category)
        return translate(term, context=self.request) if term else ""
