"""Upgrade steps: a site installed with an earlier version of a profile gets
what the later version adds, and a fresh site has nothing left to upgrade."""

import unittest

import transaction
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

from changde.perfmgmt.setuphandlers import MODULE_PROFILES
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING
from changde.perfmgmt.testing import create_city
from changde.perfmgmt.testing import create_project

PACKAGE_PROFILE = "changde.perfmgmt:default"


class TestUpgrades(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.setup_tool = api.portal.get_tool("portal_setup")
        self.catalog = api.portal.get_tool("portal_catalog")

    def configlets(self):
        return {a.id for a in api.portal.get_tool("portal_controlpanel").listActions()}

    def test_a_fresh_site_has_nothing_to_upgrade(self):
        for profile_id in (PACKAGE_PROFILE, *MODULE_PROFILES):
            self.assertEqual(self.setup_tool.listUpgrades(profile_id), [], profile_id)

    def test_declaration_1000_to_1001(self):
        library = api.content.create(
            container=self.portal, type="IndicatorLibrary", id="library", title="指标库"
        )
        api.content.create(
            container=library,
            type="IndicatorTemplate",
            title="学校改造数量",
            level1="产出指标",
            level2="数量指标",
            comparator="ge",
            sector="教育",
        )
        city = create_city(self.portal)
        create_project(city["unit_a"], id="p", indicators=2)
        # a site of version 1000: no picker indexes, no control panel, no
        # target values in the catalog, "Return to unit" without a reason
        self.catalog.delIndex("sector")
        self.catalog.delColumn("target_value")
        api.portal.get_tool("portal_controlpanel").unregisterConfiglet(
            "perfmgmt-declaration"
        )
        workflow = api.portal.get_tool("portal_workflow")
        transition = workflow["perfmgmt_declaration_workflow"].transitions["return"]
        transition.actbox_url = (
            "%(content_url)s/content_status_modify?workflow_action=return"
        )
        profile = "changde.perfmgmt.declaration:default"
        self.setup_tool.setLastVersionForProfile(profile, "1000")
        self.setup_tool.upgradeProfile(profile, "1002")
        self.assertEqual(self.setup_tool.getLastVersionForProfile(profile), ("1002",))
        self.assertEqual(len(self.catalog(sector="教育")), 1)
        self.assertIn("perfmgmt-declaration", self.configlets())
        (brain, _) = self.catalog(portal_type="Indicator", sort_on="getId")
        self.assertEqual(brain.target_value, "20")
        transition = workflow["perfmgmt_declaration_workflow"].transitions["return"]
        self.assertEqual(transition.actbox_url, "%(content_url)s/@@return-to-unit")

    def test_evaluation_from_1000(self):
        workflow = api.portal.get_tool("portal_workflow")
        report_workflow = workflow["perfmgmt_evaluation_report_workflow"]
        report_workflow.states["approved"].title = "Approved"
        profile = "changde.perfmgmt.evaluation:default"
        self.setup_tool.setLastVersionForProfile(profile, "1000")
        self.setup_tool.upgradeProfile(profile)
        self.assertEqual(self.setup_tool.getLastVersionForProfile(profile), ("1005",))
        report_workflow = workflow["perfmgmt_evaluation_report_workflow"]
        self.assertEqual(
            report_workflow.states["approved"].title, "Approved by the city"
        )

    def test_the_tenancy_behavior_on_existing_sites(self):
        types = api.portal.get_tool("portal_types")
        for profile, portal_type, version in (
            ("changde.perfmgmt.evaluation:default", "EvaluationReport", "1001"),
            ("changde.perfmgmt.monitoring:default", "MonitoringRecord", "1000"),
        ):
            fti = types[portal_type]
            fti.behaviors = tuple(
                b for b in fti.behaviors if b != "changde.perfmgmt.tenancy"
            )
            self.setup_tool.setLastVersionForProfile(profile, version)
            self.setup_tool.upgradeProfile(profile)
            self.assertIn("changde.perfmgmt.tenancy", types[portal_type].behaviors)

    def test_declaration_1003_to_1004(self):
        city = create_city(self.portal)
        project = create_project(city["unit_a"], id="p", indicators=1)
        api.content.transition(obj=project, transition="submit")
        workflow = api.portal.get_tool("portal_workflow")
        workflow.doActionFor(project, "return", comment="请补充指标。")
        # a site of version 1003: no queue data, no indicator table columns,
        # reviewers without access to returned projects
        for column in ("state_since", "return_reason", "indicator_unit"):
            self.catalog.delColumn(column)
        self.catalog.delIndex("state_since")
        definition = workflow["perfmgmt_declaration_workflow"]
        definition.states["returned"].setPermission(
            "View", False, ["Manager", "Owner", "Editor", "Reader", "Contributor"]
        )
        definition.updateRoleMappingsFor(project)
        profile = "changde.perfmgmt.declaration:default"
        self.setup_tool.setLastVersionForProfile(profile, "1003")
        self.setup_tool.upgradeProfile(profile, "1004")
        self.assertEqual(self.setup_tool.getLastVersionForProfile(profile), ("1004",))
        (brain,) = self.catalog(
            portal_type="BudgetProject",
            state_since={
                "query": project.workflow_history["perfmgmt_declaration_workflow"][-1][
                    "time"
                ],
                "range": "min",
            },
        )
        self.assertEqual(brain.return_reason, "请补充指标。")
        (indicator,) = self.catalog(portal_type="Indicator")
        self.assertEqual(indicator.indicator_unit, "所")
        self.assertIn(
            "BudgetReviewer",
            [r["name"] for r in project.rolesOfPermission("View") if r["selected"]],
        )

    def test_uid_fields_become_relations(self):
        from tests.evaluation.base import create_report
        from tests.evaluation.base import set_up_city

        from changde.perfmgmt.core.relations import target_of
        from changde.perfmgmt.monitoring.rounds import create_year_rounds

        city, projects, members = set_up_city(self.portal)
        report = create_report(projects["a1"], id="key")
        (monitoring_round, *_), _existing = create_year_rounds(2026)
        record = api.content.create(
            container=monitoring_round, type="MonitoringRecord", id="r"
        )
        # as a release before relations stored them
        report.project = projects["a1"].UID()
        report.unit = city["unit_a"].UID()
        report.experts = [members["expert"].UID(), "a-uid-of-nothing"]
        record.project = projects["a2"].UID()
        # as the upgrade finds them: ghosts, loaded from the database
        transaction.savepoint(optimistic=True)
        for obj in (report, record):
            obj._p_deactivate()
            self.assertIsNone(obj._p_changed)
        for profile, version in (
            ("changde.perfmgmt.evaluation:default", "1003"),
            ("changde.perfmgmt.monitoring:default", "1002"),
        ):
            self.setup_tool.setLastVersionForProfile(profile, version)
            self.setup_tool.upgradeProfile(profile)
        self.assertEqual(target_of(report.project), projects["a1"])
        self.assertEqual(target_of(report.unit), city["unit_a"])
        self.assertEqual(
            [target_of(expert) for expert in report.experts], [members["expert"]]
        )
        self.assertEqual(target_of(record.project), projects["a2"])
        self.assertNotIsInstance(record.project, str)

    def test_libraries_1001_to_1002_gives_ratings_ids(self):
        expert = api.content.create(
            container=self.portal["expert-library"],
            type="Expert",
            id="zhang",
            title="张伟",
            level="municipal",
        )
        expert.ratings = [
            {"date": "2026-01-01", "engagement": "一", "score": "90", "rater": "x"},
            {"id": "kept", "date": "2026-02-01", "engagement": "二", "score": "80"},
        ]
        profile = "changde.perfmgmt.libraries:default"
        self.setup_tool.setLastVersionForProfile(profile, "1001")
        self.setup_tool.upgradeProfile(profile)
        self.assertEqual(self.setup_tool.getLastVersionForProfile(profile), ("1003",))
        first, second = expert.ratings
        self.assertTrue(first["id"])
        self.assertEqual(first["engagement"], "一")
        self.assertEqual(second["id"], "kept")

    def test_core_1000_to_1001(self):
        create_city(self.portal)
        api.portal.get_tool("portal_controlpanel").unregisterConfiglet(
            "perfmgmt-calendar"
        )
        profile = "changde.perfmgmt.core:default"
        self.setup_tool.setLastVersionForProfile(profile, "1000")
        self.setup_tool.upgradeProfile(profile)
        self.assertIn("perfmgmt-calendar", self.configlets())
        with api.env.adopt_user(username="unit-a-staff"):
            found = [b.getId for b in api.content.find(portal_type="Jurisdiction")]
        self.assertEqual(found, [])

    def test_core_1004_to_1005_drops_the_units_order_lists(self):
        from persistent.list import PersistentList
        from plone.folder.default import DefaultOrdering
        from zope.annotation.interfaces import IAnnotations

        unit = create_city(self.portal)["unit_a"]
        annotations = IAnnotations(unit)
        annotations[DefaultOrdering.ORDER_KEY] = PersistentList(["old"])
        profile = "changde.perfmgmt.core:default"
        self.setup_tool.setLastVersionForProfile(profile, "1004")
        self.setup_tool.upgradeProfile(profile, "1005")
        self.assertNotIn(DefaultOrdering.ORDER_KEY, IAnnotations(unit))
        self.assertEqual(self.setup_tool.getLastVersionForProfile(profile), ("1005",))

    def test_declaration_1007_to_1008_takes_indicators_out_of_the_text_index(self):
        from types import SimpleNamespace

        city = create_city(self.portal)
        project = create_project(city["unit_a"], id="p", indicators=1)
        (indicator,) = self.catalog(portal_type="Indicator")
        # new indicators are not text-indexed; their project still is
        self.assertEqual(
            len(self.catalog(SearchableText="指标", portal_type="Indicator")), 0
        )
        self.assertEqual(
            [b.getObject() for b in self.catalog(SearchableText="义务教育")],
            [project],
        )
        # a site of version 1007: the indicator's words in the text index
        index = self.catalog._catalog.getIndex("SearchableText")
        index.index_object(indicator.getRID(), SimpleNamespace(SearchableText="旧指标"))
        self.assertEqual(len(self.catalog(SearchableText="旧指标")), 1)
        profile = "changde.perfmgmt.declaration:default"
        self.setup_tool.setLastVersionForProfile(profile, "1007")
        self.setup_tool.upgradeProfile(profile, "1008")
        self.assertEqual(len(self.catalog(SearchableText="旧指标")), 0)
        self.assertEqual(len(self.catalog(portal_type="Indicator")), 1)
        self.assertEqual(self.setup_tool.getLastVersionForProfile(profile), ("1008",))

    def test_package_1000_to_1001_installs_the_new_modules(self):
        for module in ("monitoring", "libraries", "evaluation"):
            self.setup_tool.unsetLastVersionForProfile(
                f"changde.perfmgmt.{module}:default"
            )
        self.setup_tool.setLastVersionForProfile(PACKAGE_PROFILE, "1000")
        self.setup_tool.upgradeProfile(PACKAGE_PROFILE)
        for module in ("monitoring", "libraries", "evaluation"):
            self.assertNotEqual(
                self.setup_tool.getLastVersionForProfile(
                    f"changde.perfmgmt.{module}:default"
                ),
                "unknown",
            )
