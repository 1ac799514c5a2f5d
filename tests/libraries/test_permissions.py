"""Who sees what in the libraries: anonymous nothing but published profiles,
unit staff the public fields, the office contact and ratings (integration)."""

import unittest

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import logout
from plone.app.testing import setRoles

from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import REVIEWER_USER
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import create_city

from .base import add_expert

CONTACT = "changde.perfmgmt: View library contact"
RATINGS = "changde.perfmgmt: View library ratings"
MANAGE = "changde.perfmgmt: Manage libraries"


class TestLibraryPermissions(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        create_city(self.portal)
        self.library = self.portal["expert-library"]
        self.expert = add_expert(self.library, "张伟", [90], contact="13800000000")
        self.review = self.portal["internal-review"]
        setRoles(self.portal, TEST_USER_ID, ["Member"])

    def can(self, username, permission, obj):
        with api.env.adopt_user(username=username):
            return api.user.has_permission(permission, obj=obj)

    def test_office_sees_contact_and_ratings_and_manages(self):
        for permission in ("View", CONTACT, RATINGS, MANAGE, "Modify portal content"):
            self.assertTrue(self.can(OFFICE_USER, permission, self.expert), permission)
        self.assertTrue(self.can(OFFICE_USER, "Add portal content", self.library))

    def test_unit_staff_see_the_member_not_contact_or_ratings(self):
        self.assertTrue(self.can(UNIT_A_USER, "View", self.library))
        self.assertTrue(self.can(UNIT_A_USER, "View", self.expert))
        for permission in (CONTACT, RATINGS, MANAGE, "Modify portal content"):
            self.assertFalse(self.can(UNIT_A_USER, permission, self.expert), permission)
        self.assertFalse(self.can(UNIT_A_USER, "Add portal content", self.library))

    def test_anonymous_sees_nothing_of_a_private_member(self):
        logout()
        self.assertFalse(api.user.has_permission("View", obj=self.library))
        self.assertFalse(api.user.has_permission("View", obj=self.expert))
        self.assertEqual(len(api.content.find(portal_type="Expert")), 0)

    def test_anonymous_sees_a_published_profile_without_contact(self):
        workflow = api.portal.get_tool("portal_workflow")
        with api.env.adopt_user(username=OFFICE_USER):
            workflow.doActionFor(self.expert, "publish")
        logout()
        self.assertTrue(api.user.has_permission("View", obj=self.expert))
        self.assertFalse(api.user.has_permission(CONTACT, obj=self.expert))
        self.assertFalse(api.user.has_permission(RATINGS, obj=self.expert))
        self.assertFalse(api.user.has_permission("View", obj=self.library))
        self.assertEqual(len(api.content.find(portal_type="Expert")), 1)

    def test_only_the_office_publishes(self):
        workflow = api.portal.get_tool("portal_workflow")
        with api.env.adopt_user(username=UNIT_A_USER):
            self.assertEqual(workflow.getTransitionsFor(self.expert), ())
        with api.env.adopt_user(username=OFFICE_USER):
            ids = [t["id"] for t in workflow.getTransitionsFor(self.expert)]
        self.assertEqual(ids, ["publish"])

    def test_internal_review_is_for_the_office_and_reviewers(self):
        self.assertTrue(self.can(OFFICE_USER, "View", self.review))
        self.assertTrue(self.can(REVIEWER_USER, "View", self.review))
        self.assertFalse(self.can(REVIEWER_USER, "Modify portal content", self.review))
        self.assertFalse(self.can(UNIT_A_USER, "View", self.review))


class TestFieldSerialization(unittest.TestCase):
    """plone.restapi's serializer honours the field read permissions."""

    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.request = self.layer["request"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        create_city(self.portal)
        self.expert = add_expert(
            self.portal["expert-library"],
            "张伟",
            [90],
            contact="13800000000",
            user_id="zhang-wei",
        )

    def serialize(self, username):
        from plone.restapi.interfaces import ISerializeToJson
        from zope.component import getMultiAdapter

        with api.env.adopt_user(username=username):
            return getMultiAdapter((self.expert, self.request), ISerializeToJson)()

    def test_office_gets_contact_and_ratings(self):
        data = self.serialize(OFFICE_USER)
        self.assertEqual(data["contact"], "13800000000")
        self.assertEqual(data["ratings"][0]["score"], "90")

    def test_unit_staff_get_neither(self):
        data = self.serialize(UNIT_A_USER)
        self.assertEqual(data["title"], "张伟")
        self.assertNotIn("contact", data)
        self.assertNotIn("ratings", data)

    def test_user_id_is_for_the_office_only(self):
        self.assertEqual(self.serialize(OFFICE_USER)["user_id"], "zhang-wei")
        self.assertNotIn("user_id", self.serialize(UNIT_A_USER))
        self.assertNotIn("user_id", self.serialize(REVIEWER_USER))
