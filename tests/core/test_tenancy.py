"""Staff groups are unambiguous: the jurisdiction ``a-b`` and the unit ``b``
of the jurisdiction ``a`` each have their own group (ids made of the
folder's kind and UID), so the unit's staff read nothing of the other
jurisdiction and deleting one folder leaves the other's group; the upgrade
step renames the groups of an existing site, members and local roles
included."""

import unittest

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

from changde.perfmgmt.core.upgrades import to_1004
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING
from changde.perfmgmt.testing import PASSWORD
from changde.perfmgmt.testing import create_project


class TenantGroupCase(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.a_b = api.content.create(
            container=self.portal,
            type="Jurisdiction",
            id="a-b",
            title="甲乙区",
            kind="district",
        )
        self.a = api.content.create(
            container=self.portal,
            type="Jurisdiction",
            id="a",
            title="甲区",
            kind="district",
        )
        self.unit_b = api.content.create(
            container=self.a,
            type="BudgetUnit",
            id="b",
            title="乙单位",
            unit_code="301001",
        )
        self.unit_x = api.content.create(
            container=self.a_b,
            type="BudgetUnit",
            id="x",
            title="甲乙区某单位",
            unit_code="401001",
        )
        self.draft = create_project(self.unit_x, id="draft")
        for user, folder in (("b-staff", self.unit_b), ("ab-staff", self.a_b)):
            api.user.create(
                email=f"{user}@example.org", username=user, password=PASSWORD
            )
            api.group.add_user(groupname=folder.staff_group, username=user)

    def can_view(self, user, obj):
        return api.user.has_permission("View", username=user, obj=obj)


class TestGroupIds(TenantGroupCase):
    def test_each_folder_has_its_own_group(self):
        self.assertNotEqual(self.a_b.staff_group, self.unit_b.staff_group)
        self.assertEqual(
            self.unit_b.staff_group,
            f"perfmgmt-unit-{api.content.get_uuid(self.unit_b)}-staff",
        )
        self.assertEqual(
            self.a_b.staff_group,
            f"perfmgmt-jurisdiction-{api.content.get_uuid(self.a_b)}-staff",
        )
        self.assertEqual(
            api.group.get(self.unit_b.staff_group).getProperty("title"),
            "乙单位 工作人员",
        )

    def test_the_unit_staff_do_not_read_the_other_jurisdiction(self):
        self.assertTrue(self.can_view("ab-staff", self.draft))
        self.assertFalse(self.can_view("b-staff", self.draft))
        self.assertFalse(self.can_view("b-staff", self.a_b))

    def test_deleting_one_folder_keeps_the_others_group(self):
        unit_group = self.unit_b.staff_group
        jurisdiction_group = self.a_b.staff_group
        api.content.delete(self.unit_b)
        self.assertIsNone(api.group.get(unit_group))
        self.assertIsNotNone(api.group.get(jurisdiction_group))
        self.assertIn(
            "ab-staff",
            [u.getId() for u in api.user.get_users(groupname=jurisdiction_group)],
        )

    def test_a_copy_gets_its_own_group_not_the_original_staff(self):
        copy = api.content.copy(source=self.unit_x, target=self.a_b, id="x-copy")
        self.assertNotEqual(copy.staff_group, self.unit_x.staff_group)
        self.assertNotIn(self.unit_x.staff_group, dict(copy.get_local_roles()))


class TestUpgrade(TenantGroupCase):
    def make_old_group(self, folder, old):
        """The folder as version 1001 set it up: the joined-ids group."""
        new = folder.staff_group
        if api.group.get(old) is None:
            api.group.create(groupname=old, title=folder.Title())
        for user in api.user.get_users(groupname=new):
            api.group.add_user(groupname=old, username=user.getId())
        roles = folder.get_local_roles_for_userid(new)
        folder.manage_delLocalRoles([new])
        folder.manage_setLocalRoles(old, list(roles))
        folder.staff_group = old
        folder.reindexObjectSecurity()
        api.group.delete(groupname=new)

    def test_groups_are_renamed_with_members_and_roles(self):
        self.make_old_group(self.unit_x, "perfmgmt-a-b-x-staff")
        api.user.create(email="x@example.org", username="x-staff", password=PASSWORD)
        api.group.add_user(groupname="perfmgmt-a-b-x-staff", username="x-staff")
        self.assertTrue(self.can_view("x-staff", self.draft))

        to_1004(self.portal.portal_setup)

        new = self.unit_x.staff_group
        self.assertEqual(
            new, f"perfmgmt-unit-{api.content.get_uuid(self.unit_x)}-staff"
        )
        self.assertIsNone(api.group.get("perfmgmt-a-b-x-staff"))
        self.assertIn("x-staff", [u.getId() for u in api.user.get_users(groupname=new)])
        self.assertTrue(self.can_view("x-staff", self.draft))
        self.assertNotIn("perfmgmt-a-b-x-staff", dict(self.unit_x.get_local_roles()))
        catalog = api.portal.get_tool("portal_catalog")
        self.assertTrue(
            catalog.unrestrictedSearchResults(allowedRolesAndUsers=f"user:{new}")
        )

    def test_a_shared_group_keeps_everyone_in_and_the_roles_apart(self):
        self.make_old_group(self.a_b, "perfmgmt-a-b-staff")
        self.make_old_group(self.unit_b, "perfmgmt-a-b-staff")

        with self.assertLogs("changde.perfmgmt.core.upgrades", "WARNING") as logs:
            to_1004(self.portal.portal_setup)

        self.assertIn("perfmgmt-a-b-staff", logs.output[0])
        self.assertNotEqual(self.a_b.staff_group, self.unit_b.staff_group)
        for folder in (self.a_b, self.unit_b):
            self.assertEqual(
                dict(folder.get_local_roles()).keys()
                & {self.a_b.staff_group, self.unit_b.staff_group},
                {folder.staff_group},
            )
        self.assertIsNone(api.group.get("perfmgmt-a-b-staff"))

    def test_a_site_already_upgraded_is_left_alone(self):
        before = (self.a_b.staff_group, self.unit_b.staff_group)
        to_1004(self.portal.portal_setup)
        self.assertEqual((self.a_b.staff_group, self.unit_b.staff_group), before)
