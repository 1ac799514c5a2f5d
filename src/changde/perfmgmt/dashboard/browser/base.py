"""What the dashboard's page (``dashboard.py``), its Excel export
(``dashboard_export.py``) and its canonical address
(``dashboard_canonical_url.py``) share: the bundles the page loads and the
scope (year, jurisdiction) a request asks for."""

from Products.CMFPlone.resources import add_bundle_on_request
from zope.interface import Interface

from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.core.rules.years import year_or_none
from changde.perfmgmt.dashboard.figures import scope_for
from changde.perfmgmt.i18n import _

#: The Plone bundles of the dashboard: ECharts, then its script and styles.
BUNDLES = ("changde-perfmgmt-echarts", "changde-perfmgmt-dashboard")


def add_bundles(request):
    for bundle in BUNDLES:
        add_bundle_on_request(request, bundle)


def read_scope(request):
    """``(scope, errors)`` from the request's ``year`` and ``jurisdiction``:
    a wrong value gets a message and the default instead (this year, every
    jurisdiction)."""
    errors = []
    form = request.form
    default_year = today_in_china().year
    year = default_year
    if form.get("year") not in (None, ""):
        year = year_or_none(form.get("year"))
        if year is None:
            errors.append(
                _(
                    "dashboard_year_invalid",
                    default="“${value}” is not a budget year (2000–2100); "
                    "showing ${year}.",
                    mapping={"value": str(form.get("year")), "year": str(default_year)},
                )
            )
            year = default_year
    jurisdiction = form.get("jurisdiction") or None
    try:
        scope = scope_for(year, jurisdiction)
    except ValueError:
        errors.append(
            _(
                "dashboard_jurisdiction_unknown",
                default="There is no jurisdiction “${value}” that you may see; "
                "showing all of them.",
                mapping={"value": str(jurisdiction)},
            )
        )
        scope = scope_for(year)
    return scope, errors


class IDashboardView(Interface):
    """The page ``@@dashboard``."""
