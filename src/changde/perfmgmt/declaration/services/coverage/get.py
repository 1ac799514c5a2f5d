"""GET @coverage?year=2019: the four-budgets coverage matrix (R-M5).

On the site root: every jurisdiction the user may view; on a jurisdiction:
that one. A budget kind counts as covered when the jurisdiction has at least
one budget project of that kind and year submitted, reviewed or approved,
whoever asks (see
:mod:`changde.perfmgmt.declaration.coverage`, shared with the page
``@@coverage``).
"""

from plone.restapi.services import Service

from changde.perfmgmt.core.rest import InputRefused
from changde.perfmgmt.core.rest import query_value
from changde.perfmgmt.declaration.coverage import coverage_of
from changde.perfmgmt.declaration.coverage import year_violations
from changde.perfmgmt.i18n import _


def special_funds(item):
    """The municipal level's approved special funds of the year, and the cap."""
    if item.special_funds is None:
        return {}
    approved, cap = item.special_funds
    return {"special_funds": {"approved": approved, "cap": cap}}


class CoverageGet(Service):
    def reply(self):
        value = query_value(self.request, "year")
        violations = year_violations(value)
        if violations:
            raise InputRefused(
                _(
                    "coverage_year_needed",
                    default="Give the budget year of the coverage as ?year=2019.",
                ),
                violations,
            )
        year = int(value)
        items = [
            {
                "@id": item.url,
                "title": item.title,
                "kind": item.kind,
                "covered": item.result.covered,
                "covered_count": item.result.covered_count,
                "required_count": item.result.required_count,
                "debt_required": item.result.debt_required,
                "debt_covered": item.result.debt_covered,
                "met": item.result.met,
                **special_funds(item),
            }
            for item in coverage_of(self.context, year)
        ]
        return {
            "@id": f"{self.context.absolute_url()}/@coverage?year={year}",
            "year": year,
            "items": items,
            "items_total": len(items),
        }
