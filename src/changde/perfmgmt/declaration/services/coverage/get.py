"""GET @coverage?year=2019: the four-budgets coverage matrix (R-M5).

On the site root: every jurisdiction the user may view; on a jurisdiction:
that one. A budget kind counts as covered when the jurisdiction has at least
one budget project of that kind and year. The projects come from the catalog
only (restricted search, so each user counts only what they may see; no
project is woken).

The jurisdictions themselves are found in the catalog and then checked for
View: Plone indexes ``allowedRolesAndUsers`` from "Access contents
information", which the tenant workflow grants to every signed-in user (so
that unit staff can traverse their jurisdiction), so the catalog alone would
list every jurisdiction to everyone.
"""

from AccessControl import getSecurityManager
from plone import api
from plone.restapi.services import Service
from Products.CMFCore.permissions import View

from changde.perfmgmt.core.content.jurisdiction import IJurisdiction
from changde.perfmgmt.declaration import rules
from changde.perfmgmt.declaration.services import bad_request
from changde.perfmgmt.declaration.services import violation_errors
from changde.perfmgmt.declaration.settings import coverage_settings
from changde.perfmgmt.declaration.settings import declaration_settings
from changde.perfmgmt.i18n import _


def year_violations(value):
    """The rules' checks of a budget year (required, whole, in range)."""
    violations = rules.validate_project_fields(
        value, rules.BUDGET_KINDS[0], 0, settings=declaration_settings()
    )
    return [violation for violation in violations if violation.field == "year"]


class CoverageGet(Service):
    def reply(self):
        value = self.request.form.get("year")
        violations = year_violations(value)
        if violations:
            return bad_request(
                self.request,
                _(
                    "coverage_year_needed",
                    default="Give the budget year of the coverage as ?year=2019.",
                ),
                violation_errors(violations, self.request),
            )
        year = int(value)
        catalog = api.portal.get_tool("portal_catalog")
        if IJurisdiction.providedBy(self.context):
            jurisdictions = [
                (
                    self.context.absolute_url(),
                    "/".join(self.context.getPhysicalPath()),
                    self.context.Title(),
                    self.context.kind,
                )
            ]
        else:
            jurisdictions = [
                (brain.getURL(), brain.getPath(), brain.Title, brain.jurisdiction_kind)
                for brain in catalog.searchResults(
                    portal_type="Jurisdiction", sort_on="getObjPositionInParent"
                )
                if self.may_view(brain)
            ]
        settings = coverage_settings()
        items = []
        for url, path, title, kind in jurisdictions:
            if kind not in rules.JURISDICTION_KINDS:
                continue  # not a kind the plan targets: nothing to measure
            brains = catalog.searchResults(
                portal_type="BudgetProject", year=year, path=path
            )
            kinds = {brain.budget_kind for brain in brains}
            result = rules.coverage(kinds, year, kind, settings=settings)
            items.append(
                {
                    "@id": url,
                    "title": title,
                    "kind": kind,
                    "covered": result.covered,
                    "covered_count": result.covered_count,
                    "required_count": result.required_count,
                    "debt_required": result.debt_required,
                    "debt_covered": result.debt_covered,
                    "met": result.met,
                }
            )
        return {
            "@id": f"{self.context.absolute_url()}/@coverage?year={year}",
            "year": year,
            "items": items,
            "items_total": len(items),
        }

    def may_view(self, brain):
        """The user may view the jurisdiction, not only traverse it."""
        jurisdiction = brain._unrestrictedGetObject()
        return bool(getSecurityManager().checkPermission(View, jurisdiction))
