"""Who sees and does what: tenancy of jurisdictions and units (integration)."""

import unittest

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import logout
from plone.app.testing import setRoles

from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING
from changde.perfmgmt.testing import DISTRICT_UNIT_USER
from changde.perfmgmt.testing import DISTRICT_USER
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import OTHER_DISTRICT_USER
from changde.perfmgmt.testing import REVIEWER_USER
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import UNIT_B_USER
from changde.perfmgmt.testing import create_city
from changde.perfmgmt.testing import create_other_district
from changde.perfmgmt.testing import create_project


class TestTenancy(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.city = create_city(self.portal)
        self.project_a = create_project(self.city["unit_a"], id="a", indicators=2)
        self.project_b = create_project(self.city["unit_b"], id="b", indicators=2)
        self.project_w = create_project(self.city["unit_w"], id="w", indicators=2)
        setRoles(self.portal, TEST_USER_ID, ["Member"])

    def can(self, username, permission, obj):
        with api.env.adopt_user(username=username):
            return api.user.has_permission(permission, obj=obj)

    def listed(self, username):
        with api.env.adopt_user(username=username):
            brains = api.content.find(portal_type="BudgetProject")
            return sorted(brain.getId for brain in brains)

    def transitions(self, username, obj):
        workflow = api.portal.get_tool("portal_workflow")
        with api.env.adopt_user(username=username):
            return sorted(t["id"] for t in workflow.getTransitionsFor(obj))

    def test_unit_staff_see_and_edit_their_own_draft_only(self):
        self.assertTrue(self.can(UNIT_A_USER, "View", self.project_a))
        self.assertTrue(self.can(UNIT_A_USER, "Modify portal content", self.project_a))
        self.assertFalse(self.can(UNIT_A_USER, "View", self.project_b))
        self.assertFalse(self.can(UNIT_A_USER, "Modify portal content", self.project_b))
        self.assertFalse(self.can(UNIT_A_USER, "View", self.city["unit_b"]))
        self.assertEqual(self.listed(UNIT_A_USER), ["a"])
        self.assertEqual(self.listed(UNIT_B_USER), ["b"])

    def test_unit_staff_cannot_transition_another_units_project(self):
        self.assertEqual(self.transitions(UNIT_A_USER, self.project_a), ["submit"])
        self.assertEqual(self.transitions(UNIT_B_USER, self.project_a), [])

    def test_unit_staff_cannot_edit_after_submission(self):
        api.content.transition(obj=self.project_a, transition="submit")
        self.assertTrue(self.can(UNIT_A_USER, "View", self.project_a))
        self.assertFalse(self.can(UNIT_A_USER, "Modify portal content", self.project_a))
        self.assertEqual(self.transitions(UNIT_A_USER, self.project_a), [])

    def test_district_staff_see_their_jurisdiction_only(self):
        self.assertEqual(self.listed(DISTRICT_USER), ["w"])
        self.assertFalse(self.can(DISTRICT_USER, "View", self.project_a))
        self.assertFalse(self.can(DISTRICT_USER, "View", self.city["municipal"]))
        self.assertEqual(self.listed(DISTRICT_UNIT_USER), ["w"])

    def test_another_districts_staff_see_nothing_of_this_district(self):
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        create_other_district(self.portal)
        setRoles(self.portal, TEST_USER_ID, ["Member"])
        self.assertEqual(self.listed(OTHER_DISTRICT_USER), [])
        self.assertFalse(self.can(OTHER_DISTRICT_USER, "View", self.project_w))
        self.assertFalse(self.can(OTHER_DISTRICT_USER, "View", self.city["unit_w"]))
        self.assertFalse(
            self.can(OTHER_DISTRICT_USER, "Modify portal content", self.project_w)
        )
        self.assertEqual(self.transitions(OTHER_DISTRICT_USER, self.project_w), [])
        self.assertEqual(self.found_folders(OTHER_DISTRICT_USER), ["dingcheng"])

    def test_reviewers_see_submitted_projects_not_drafts(self):
        self.assertEqual(self.listed(REVIEWER_USER), [])
        api.content.transition(obj=self.project_b, transition="submit")
        self.assertEqual(self.listed(REVIEWER_USER), ["b"])
        self.assertEqual(
            self.transitions(REVIEWER_USER, self.project_b), ["return", "review"]
        )
        self.assertFalse(
            self.can(REVIEWER_USER, "Modify portal content", self.project_b)
        )

    def test_office_sees_everything(self):
        self.assertEqual(self.listed(OFFICE_USER), ["a", "b", "w"])
        self.assertTrue(self.can(OFFICE_USER, "Modify portal content", self.project_w))

    def test_anonymous_sees_nothing_of_declarations(self):
        logout()
        self.assertEqual(len(api.content.find(portal_type="BudgetProject")), 0)
        self.assertFalse(api.user.has_permission("View", obj=self.project_a))
        self.assertFalse(api.user.has_permission("View", obj=self.city["municipal"]))

    def found_folders(self, username):
        with api.env.adopt_user(username=username):
            brains = api.content.find(portal_type=["Jurisdiction", "BudgetUnit"])
            return sorted(brain.getId for brain in brains)

    def test_search_finds_only_the_jurisdictions_and_units_one_may_view(self):
        # signed-in users may traverse every tenant folder, but search results
        # follow View: no one finds another district's or unit's folder
        self.assertEqual(self.found_folders(UNIT_A_USER), ["unit-a"])
        self.assertEqual(self.found_folders(DISTRICT_USER), ["unit-w", "wuling"])
        self.assertEqual(self.found_folders(DISTRICT_UNIT_USER), ["unit-w"])
        self.assertEqual(
            self.found_folders(OFFICE_USER),
            ["shibenji", "unit-a", "unit-b", "unit-w", "wuling"],
        )
        api.user.create(email="someone@example.org", username="someone")
        self.assertEqual(self.found_folders("someone"), [])
        logout()
        self.assertEqual(
            len(api.content.find(portal_type=["Jurisdiction", "BudgetUnit"])), 0
        )

    def test_creating_a_unit_sets_up_its_staff_group(self):
        unit = self.city["unit_a"]
        self.assertEqual(unit.staff_group, f"perfmgmt-unit-{unit.UID()}-staff")
        group = api.group.get(groupname=unit.staff_group)
        self.assertIsNotNone(group)
        self.assertEqual(
            sorted(unit.get_local_roles_for_userid(unit.staff_group)),
            ["Contributor", "Editor", "Reader"],
        )
        self.assertIn(UNIT_A_USER, [u.getId() for u in api.user.get_users(group=group)])
