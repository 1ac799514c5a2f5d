"""The year's declared goals from the catalog (R-M4, R-M6), for the annual
report and the dashboards: projects declared with their goals (the states
of :data:`~.coverage.MANAGED_STATES`, as the coverage counts them), their
amounts, special funds, the municipal special funds against the cap, and
the share of quantifiable indicators. Counted with unrestricted searches:
the numbers are the city's, whoever asks. No project is woken.
"""

from decimal import Decimal

from plone import api

from changde.perfmgmt.core.rules.numbers import percent
from changde.perfmgmt.core.rules.numbers import to_decimal
from changde.perfmgmt.declaration.coverage import MANAGED_STATES
from changde.perfmgmt.declaration.gates import municipal_special_fund_usage


def declared_query(year):
    """The catalog query of the year's declared projects (shown as the
    source of the numbers)."""
    return {
        "portal_type": "BudgetProject",
        "year": year,
        "review_state": list(MANAGED_STATES),
    }


def indicator_query(year):
    """The indicators of the declared projects (shown as the source)."""
    return {"portal_type": "Indicator", "path": f"<the {year} declared projects>"}


def declared_goals(year):
    """Projects, amounts, special funds and quantifiable indicators of the
    projects declared for ``year``."""
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(**declared_query(year))
    projects = amount = special = special_amount = 0
    amount = Decimal(0)
    special_amount = Decimal(0)
    paths = set()
    for brain in brains:
        projects += 1
        value = to_decimal(brain.amount) or Decimal(0)
        amount += value
        if brain.is_special_fund:
            special += 1
            special_amount += value
        paths.add(brain.getPath())
    indicators = quantifiable = 0
    if paths:
        # counted from the indexes (len() of the results wakes no brain)
        under = {"query": sorted(paths), "depth": 1}
        indicators = len(
            catalog.unrestrictedSearchResults(portal_type="Indicator", path=under)
        )
        quantifiable = len(
            catalog.unrestrictedSearchResults(
                portal_type="Indicator", path=under, quantifiable=True
            )
        )
    approved_municipal, cap = municipal_special_fund_usage(year)
    return {
        "year": year,
        "projects": projects,
        "amount": amount,
        "special_funds": special,
        "special_fund_amount": special_amount,
        "municipal_special_funds": approved_municipal,
        "special_fund_cap": cap,
        "indicators": indicators,
        "quantifiable_indicators": quantifiable,
        "quantifiable_share": percent(quantifiable, indicators),
    }
