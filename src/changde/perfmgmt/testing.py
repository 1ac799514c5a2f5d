"""Test layers of changde.perfmgmt (plone.app.testing).

- ``CHANGDE_PERFMGMT_INTEGRATION_TESTING``: a site with the add-on installed,
  every test rolled back.
- ``CHANGDE_PERFMGMT_FUNCTIONAL_TESTING``: the same, committed for real
  (DemoStorage per test), served by a real WSGI server on a free port for tests
  that speak HTTP (plone.restapi).
"""

import os

from plone.app.testing import PLONE_FIXTURE
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PloneSandboxLayer
from plone.app.testing import applyProfile
from plone.testing import zope as zope_testing

# Compile the .po files when the ZCML registers them, as the site does.
os.environ.setdefault("zope_i18n_compile_mo_files", "true")


class ChangdePerfmgmtLayer(PloneSandboxLayer):
    defaultBases = (PLONE_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        # plone.app.contenttypes' own fixture needs plone.app.robotframework,
        # which the project does not install: set the content types up here.
        import plone.app.contenttypes

        import changde.perfmgmt

        self.loadZCML(package=plone.app.contenttypes)
        self.loadZCML(package=changde.perfmgmt)

    def setUpPloneSite(self, portal):
        # The site as `make start` creates it: Simplified Chinese first.
        from plone import api

        portal.setLanguage("zh-cn")
        applyProfile(portal, "plone.app.contenttypes:default")
        applyProfile(portal, "changde.perfmgmt:default")
        api.portal.set_registry_record("plone.default_language", "zh-cn")


CHANGDE_PERFMGMT_FIXTURE = ChangdePerfmgmtLayer()

CHANGDE_PERFMGMT_INTEGRATION_TESTING = IntegrationTesting(
    bases=(CHANGDE_PERFMGMT_FIXTURE,),
    name="ChangdePerfmgmtLayer:IntegrationTesting",
)

CHANGDE_PERFMGMT_FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(CHANGDE_PERFMGMT_FIXTURE, zope_testing.WSGI_SERVER_FIXTURE),
    name="ChangdePerfmgmtLayer:FunctionalTesting",
)


# --- a small city for tests: two jurisdictions, three units, their people ----

PASSWORD = "secret-password-1"

OFFICE_USER = "office"  # 绩效科, in the office group
REVIEWER_USER = "reviewer"  # 预算科, in the reviewers group
DISTRICT_USER = "wuling-staff"  # 武陵区财政局, staff of the district
UNIT_A_USER = "unit-a-staff"  # 市教育局
UNIT_B_USER = "unit-b-staff"  # 市卫健委
DISTRICT_UNIT_USER = "wuling-unit-staff"  # a unit of 武陵区


def create_city(portal):
    """Jurisdictions ``shibenji`` (municipal) and ``wuling`` (district), units
    ``shibenji/unit-a``, ``shibenji/unit-b`` and ``wuling/unit-w``, and one user
    for each role. Call it as a Manager; returns a dict of the folders."""
    from plone import api

    from changde.perfmgmt.core.roles import OFFICE_GROUP
    from changde.perfmgmt.core.roles import REVIEWERS_GROUP

    municipal = api.content.create(
        container=portal,
        type="Jurisdiction",
        id="shibenji",
        title="市本级",
        kind="municipal",
    )
    district = api.content.create(
        container=portal,
        type="Jurisdiction",
        id="wuling",
        title="武陵区",
        kind="district",
    )
    unit_a = api.content.create(
        container=municipal,
        type="BudgetUnit",
        id="unit-a",
        title="市教育局",
        unit_code="101001",
    )
    unit_b = api.content.create(
        container=municipal,
        type="BudgetUnit",
        id="unit-b",
        title="市卫健委",
        unit_code="101002",
    )
    unit_w = api.content.create(
        container=district,
        type="BudgetUnit",
        id="unit-w",
        title="武陵区教育局",
        unit_code="201001",
    )
    members = {
        OFFICE_USER: OFFICE_GROUP,
        REVIEWER_USER: REVIEWERS_GROUP,
        DISTRICT_USER: district.staff_group,
        UNIT_A_USER: unit_a.staff_group,
        UNIT_B_USER: unit_b.staff_group,
        DISTRICT_UNIT_USER: unit_w.staff_group,
    }
    for username, group in members.items():
        api.user.create(
            email=f"{username}@example.org", username=username, password=PASSWORD
        )
        api.group.add_user(groupname=group, username=username)
    return {
        "municipal": municipal,
        "district": district,
        "unit_a": unit_a,
        "unit_b": unit_b,
        "unit_w": unit_w,
    }


OTHER_DISTRICT_USER = "dingcheng-staff"  # 鼎城区财政局


def create_other_district(portal):
    """A second district (鼎城区, id ``dingcheng``) with its staff user
    :data:`OTHER_DISTRICT_USER`: for "another district's staff is refused"."""
    from plone import api

    district = api.content.create(
        container=portal,
        type="Jurisdiction",
        id="dingcheng",
        title="鼎城区",
        kind="district",
    )
    api.user.create(
        email="dingcheng@example.org", username=OTHER_DISTRICT_USER, password=PASSWORD
    )
    api.group.add_user(groupname=district.staff_group, username=OTHER_DISTRICT_USER)
    return district


def create_project(unit, id="project", indicators=0, quantifiable=None, **fields):
    """A draft project with a goal and ``indicators`` indicators (all
    quantifiable unless ``quantifiable`` says how many are)."""
    from decimal import Decimal

    from plone import api
    from plone.app.textfield.value import RichTextValue

    values = {
        "title": "义务教育均衡发展专项",
        "year": 2026,
        "budget_kind": "general_public",
        "is_special_fund": False,
        "amount": Decimal("1000000"),
        "performance_goal": RichTextValue("<p>完成 20 所学校改造。</p>"),
        "pre_evaluation_result": "none",
    }
    values.update(fields)
    project = api.content.create(container=unit, type="BudgetProject", id=id, **values)
    quantifiable = indicators if quantifiable is None else quantifiable
    for number in range(indicators):
        is_quantifiable = number < quantifiable
        api.content.create(
            container=project,
            type="Indicator",
            id=f"indicator-{number + 1}",
            title=f"指标 {number + 1}",
            level1="产出指标",
            level2="数量指标",
            quantifiable=is_quantifiable,
            comparator="ge" if is_quantifiable else "qualitative",
            target_value="20" if is_quantifiable else "明显改善",
            unit="所",
            weight=Decimal("5"),
        )
    return project
