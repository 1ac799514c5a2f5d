"""The catalog knows since when an item is in its state and the comment that
put it there (the workbench ages items and shows return reasons from it), and
a project knows its indicator counts (the dashboard's quantified share), both
kept current by transitions and by indicators added, edited and removed."""

import unittest

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING
from changde.perfmgmt.testing import create_city
from changde.perfmgmt.testing import create_project


class TestMetadata(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.city = create_city(self.portal)
        self.project = create_project(
            self.city["unit_a"], id="p", indicators=3, quantifiable=2
        )
        self.catalog = api.portal.get_tool("portal_catalog")

    def brain(self):
        (brain,) = self.catalog(portal_type="BudgetProject", getId="p")
        return brain

    def test_state_since_and_comment_follow_transitions(self):
        created = self.brain().state_since
        self.assertIsNotNone(created)
        self.assertIsNone(self.brain().state_comment)
        workflow = api.portal.get_tool("portal_workflow")
        workflow.doActionFor(self.project, "submit")
        workflow.doActionFor(self.project, "return", comment="  请补充指标  ")
        brain = self.brain()
        self.assertEqual(brain.review_state, "returned")
        self.assertEqual(brain.state_comment, "请补充指标")
        self.assertGreaterEqual(brain.state_since, created)

    def test_indicator_counts_follow_the_indicators(self):
        self.assertEqual(
            (self.brain().indicator_count, self.brain().quantified_indicator_count),
            (3, 2),
        )
        indicator = self.project["indicator-3"]  # qualitative
        indicator.quantifiable = True
        indicator.comparator = "ge"
        indicator.target_value = "5"
        from zope.event import notify
        from zope.lifecycleevent import ObjectModifiedEvent

        notify(ObjectModifiedEvent(indicator))
        self.assertEqual(self.brain().quantified_indicator_count, 3)
        api.content.delete(self.project["indicator-1"])
        self.assertEqual(
            (self.brain().indicator_count, self.brain().quantified_indicator_count),
            (2, 2),
        )

    def test_a_quantifiable_indicator_without_a_target_is_not_quantified(self):
        self.project["indicator-1"].target_value = None
        from zope.event import notify
        from zope.lifecycleevent import ObjectModifiedEvent

        notify(ObjectModifiedEvent(self.project["indicator-1"]))
        self.assertEqual(self.brain().quantified_indicator_count, 1)

    def test_deleting_a_project_leaves_nothing_behind(self):
        api.content.delete(self.project)
        self.assertEqual(len(self.catalog(portal_type="BudgetProject", getId="p")), 0)


class TestMetadataRows(unittest.TestCase):
    """Rows of metadata hold what brains hold, for what the user may see,
    without a brain each."""

    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        city = create_city(self.portal)
        create_project(city["unit_a"], id="a", indicators=2)
        create_project(city["unit_w"], id="w", indicators=1)

    def test_same_values_as_brains_and_no_brain_made(self):
        from unittest import mock

        from Products.ZCatalog.Catalog import Catalog

        from changde.perfmgmt.core.catalog_rows import metadata_rows

        catalog = api.portal.get_tool("portal_catalog")
        brains = {
            brain.getPath(): (brain.getId, brain.indicator_count)
            for brain in catalog(portal_type="BudgetProject")
        }
        with mock.patch.object(Catalog, "instantiate", side_effect=AssertionError):
            rows = list(
                metadata_rows(
                    ["getId", "indicator_count"],
                    with_path=True,
                    portal_type="BudgetProject",
                )
            )
        self.assertEqual({path: (id_, count) for path, id_, count in rows}, brains)

    def test_restricted_to_what_the_user_may_see(self):
        from changde.perfmgmt.core.catalog_rows import metadata_rows
        from changde.perfmgmt.testing import UNIT_A_USER

        with api.env.adopt_user(username=UNIT_A_USER):
            ids = [
                row[0] for row in metadata_rows(["getId"], portal_type="BudgetProject")
            ]
            every = [
                row[0]
                for row in metadata_rows(
                    ["getId"], unrestricted=True, portal_type="BudgetProject"
                )
            ]
        self.assertEqual(ids, ["a"])
        self.assertEqual(sorted(every), ["a", "w"])
