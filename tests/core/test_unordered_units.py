"""Budget units are unordered folders and adding a project does not modify
the unit: it writes no order list and no unit reindex that every other
addition to the unit also writes (the hot spot that made a
unit's staff adding projects at the same moment conflict, issue 17), and
what lists a unit's projects still works (integration)."""

import unittest

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.folder.default import DefaultOrdering
from zope.annotation.interfaces import IAnnotations

from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING
from changde.perfmgmt.testing import create_city
from changde.perfmgmt.testing import create_project


class TestUnorderedUnits(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.unit = create_city(self.portal)["unit_a"]

    def test_adding_projects_writes_no_order_list(self):
        for number in range(3):
            create_project(self.unit, id=f"p{number}", indicators=2)
        annotations = IAnnotations(self.unit)
        self.assertNotIn(DefaultOrdering.ORDER_KEY, annotations)
        self.assertNotIn(DefaultOrdering.POS_KEY, annotations)
        self.assertEqual(sorted(self.unit.objectIds()), ["p0", "p1", "p2"])

    def test_adding_a_project_leaves_the_unit_untouched(self):
        before = self.unit.modified()
        project = create_project(self.unit, id="p0")
        self.assertEqual(self.unit.modified(), before)
        # the project itself is added as usual: catalogued, owned
        self.assertEqual(
            [brain.getId for brain in api.content.find(UID=project.UID())], ["p0"]
        )
        self.assertIn("Owner", project.get_local_roles_for_userid(TEST_USER_ID))

    def test_listings_of_a_unit_still_work(self):
        for number in range(3):
            create_project(self.unit, id=f"p{number}")
        path = "/".join(self.unit.getPhysicalPath())
        found = api.content.find(
            path={"query": path, "depth": 1}, sort_on="getObjPositionInParent"
        )
        self.assertEqual(sorted(brain.getId for brain in found), ["p0", "p1", "p2"])
        listing = api.content.get_view(
            "folder_contents", self.unit, self.layer["request"]
        )
        self.assertTrue(listing)

    def test_a_projects_indicators_keep_their_order(self):
        project = create_project(self.unit, indicators=3)
        self.assertEqual(
            list(project.objectIds()), ["indicator-1", "indicator-2", "indicator-3"]
        )
