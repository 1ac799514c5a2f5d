"""IT subsidies (信息化奖补) on the Plone side: every jurisdiction but the
municipal level, the year its system was put in use (the
``changde.perfmgmt.it_system`` behavior on Jurisdiction), whether it is a
management zone (the setting, else its kind), and the table of
:func:`rules.subsidies.subsidy_table`.

Reporting calls :func:`rules.subsidies.total_for_year`, which reads the site
through :func:`site_source`, registered here."""

from plone import api

from changde.perfmgmt.assessment.rules import subsidies as rules
from changde.perfmgmt.assessment.rules.subsidies import DistrictSystem
from changde.perfmgmt.assessment.rules.subsidies import subsidy_table
from changde.perfmgmt.assessment.settings import management_zone_ids
from changde.perfmgmt.assessment.settings import subsidy_settings
from changde.perfmgmt.core.rules.jurisdictions import MUNICIPAL
from changde.perfmgmt.core.rules.pinyin import pinyin_sort_key

MANAGEMENT_ZONE = "management_zone"


def jurisdictions():
    """The jurisdictions that may get a subsidy (not the municipal level),
    in pinyin order."""
    catalog = api.portal.get_tool("portal_catalog")
    found = [
        brain._unrestrictedGetObject()
        for brain in catalog.unrestrictedSearchResults(portal_type="Jurisdiction")
    ]
    return sorted(
        (j for j in found if j.kind != MUNICIPAL),
        key=lambda j: pinyin_sort_key(j.Title()),
    )


def district_systems():
    zones = management_zone_ids()
    answer = []
    for jurisdiction in jurisdictions():
        is_zone = (
            jurisdiction.getId() in zones
            if zones is not None
            else jurisdiction.kind == MANAGEMENT_ZONE
        )
        answer.append(
            DistrictSystem(
                key=jurisdiction.getId(),
                title=jurisdiction.Title(),
                in_use_year=getattr(jurisdiction, "it_system_year", None),
                is_management_zone=is_zone,
            )
        )
    return answer


def subsidy_table_for(year=None):
    """The subsidy table of the site (all years, or one year)."""
    return subsidy_table(district_systems(), subsidy_settings(), year)


def site_source():
    """The site's districts and the office's settings, for the rules'
    :func:`total_for_year`."""
    return district_systems(), subsidy_settings()


rules.site_source = site_source


def jurisdiction_urls():
    return {j.getId(): j.absolute_url() for j in jurisdictions()}
