"""Experts and agencies write the reports they are assigned to: the account
(``user_id``) of each assigned member gets Editor on the report, so it views
and edits the draft, and only views it once submitted; it sees no other
report, no negative-list entry, no contact or ratings of the libraries; the
grant follows the assignment (integration, and one path over REST)."""

import unittest

import transaction
from plone import api
from tests.evaluation.base import create_report
from tests.evaluation.base import do
from tests.evaluation.base import set_up_city
from zope.annotation.interfaces import IAnnotations
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

from changde.perfmgmt.core.relations import relation_to
from changde.perfmgmt.core.relations import relations_to
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import PASSWORD
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import RestClient

EXPERT_USER = "expert-zhang"
REMOVED_USER = "expert-li"
AGENCY_USER = "firm-account"
DENIED = (401, 403, 404)


def set_up_evaluators(portal, members):
    """Accounts for the expert, the removed expert and the agency, named in
    their library entries. Call as a Manager."""
    for username, key in (
        (EXPERT_USER, "expert"),
        (REMOVED_USER, "removed"),
        (AGENCY_USER, "agency"),
    ):
        api.user.create(
            email=f"{username}@example.org", username=username, password=PASSWORD
        )
        members[key].user_id = username


def modified(obj):
    """Notify the change, then forget the local roles borg.localrole cached
    on the test's request (a new HTTP request starts without them)."""
    notify(ObjectModifiedEvent(obj))
    annotations = IAnnotations(obj.REQUEST)
    prefix = "borg.localrole.workspace.checkLocalRolesAllowed:"
    for key in [key for key in annotations if str(key).startswith(prefix)]:
        del annotations[key]
    return obj


class TestEvaluatorRoles(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.city, self.projects, self.members = set_up_city(self.portal)
        set_up_evaluators(self.portal, self.members)
        self.report = create_report(
            self.projects["a1"],
            id="a1-key",
            evaluator_agency=self.members["agency"].UID(),
            experts=[self.members["expert"].UID()],
        )
        self.other = create_report(self.projects["b1"], id="b1-key")

    def can(self, username, permission, obj=None):
        with api.env.adopt_user(username=username):
            return bool(api.user.has_permission(permission, obj=obj or self.report))

    def found(self, username, **query):
        with api.env.adopt_user(username=username):
            return [b.getId for b in api.content.find(**query)]

    def test_assigned_expert_and_agency_view_and_edit_the_draft(self):
        for username in (EXPERT_USER, AGENCY_USER):
            self.assertEqual(
                self.report.get_local_roles_for_userid(username), ("Editor",)
            )
            self.assertTrue(self.can(username, "View"), username)
            self.assertTrue(self.can(username, "Modify portal content"), username)
            self.assertEqual(
                self.found(username, portal_type="EvaluationReport"), ["a1-key"]
            )
        self.assertEqual(self.report._evaluator_users, (AGENCY_USER, EXPERT_USER))

    def test_no_edit_once_submitted(self):
        do(self.report, "submit")
        self.assertTrue(self.can(EXPERT_USER, "View"))
        self.assertFalse(self.can(EXPERT_USER, "Modify portal content"))
        do(self.report, "approve", "feed_back")
        self.assertFalse(self.can(EXPERT_USER, "Modify portal content"))

    def test_the_expert_may_hand_the_draft_in(self):
        # the submit guard lets Editor through (units submit self-evaluations)
        with api.env.adopt_user(username=EXPERT_USER):
            do(self.report, "submit")
        self.assertEqual(api.content.get_state(self.report), "internal_review")
        self.assertFalse(self.can(EXPERT_USER, "Modify portal content"))

    def test_another_report_is_not_seen(self):
        self.assertFalse(self.can(EXPERT_USER, "View", self.other))
        self.assertFalse(self.can(AGENCY_USER, "View", self.other))
        do(self.other, "submit", "approve", "feed_back")
        self.assertFalse(self.can(EXPERT_USER, "View", self.other))

    def test_unassigning_removes_the_grant(self):
        self.report.experts = []
        modified(self.report)
        self.assertEqual(self.report.get_local_roles_for_userid(EXPERT_USER), ())
        self.assertFalse(self.can(EXPERT_USER, "View"))
        self.assertEqual(self.found(EXPERT_USER, portal_type="EvaluationReport"), [])
        # the agency keeps its grant; then it is unassigned too
        self.assertTrue(self.can(AGENCY_USER, "Modify portal content"))
        self.report.evaluator_agency = None
        modified(self.report)
        self.assertFalse(self.can(AGENCY_USER, "View"))
        self.assertEqual(self.report._evaluator_users, ())

    def test_other_local_roles_of_the_account_stay(self):
        self.report.manage_addLocalRoles(EXPERT_USER, ["Owner"])
        self.report.experts = []
        modified(self.report)
        self.assertEqual(
            self.report.get_local_roles_for_userid(EXPERT_USER), ("Owner",)
        )

    def test_a_removed_member_gets_no_grant(self):
        self.report.experts = relations_to(
            [self.members["removed"], self.members["expert"]]
        )
        modified(self.report)
        self.assertEqual(self.report.get_local_roles_for_userid(REMOVED_USER), ())
        self.assertFalse(self.can(REMOVED_USER, "View"))
        # a member removed after the assignment loses it at the next change
        self.members["expert"].status = "removed"
        modified(self.report)
        self.assertFalse(self.can(EXPERT_USER, "View"))
        self.assertEqual(self.report._evaluator_users, (AGENCY_USER,))

    def test_a_member_removed_later_loses_the_grant_at_once(self):
        # the office removes the member in the library: its reports follow
        # without being saved again
        self.assertTrue(self.can(EXPERT_USER, "View"))
        self.members["expert"].status = "removed"
        modified(self.members["expert"])
        self.assertFalse(self.can(EXPERT_USER, "View"))
        self.assertEqual(self.report._evaluator_users, (AGENCY_USER,))

    def test_a_new_account_gets_the_grant_at_once(self):
        api.user.create(
            email="new@example.org", username="expert-new", password=PASSWORD
        )
        self.members["expert"].user_id = "expert-new"
        modified(self.members["expert"])
        self.assertTrue(self.can("expert-new", "Modify portal content"))
        self.assertFalse(self.can(EXPERT_USER, "View"))

    def test_a_member_without_account_gets_nothing(self):
        self.members["expert"].user_id = None
        modified(self.report)
        self.assertEqual(self.report._evaluator_users, (AGENCY_USER,))
        self.assertFalse(self.can(EXPERT_USER, "View"))

    def test_anonymous_and_unit_staff_are_unaffected(self):
        roles = dict(self.report.get_local_roles())
        self.assertEqual(roles[self.city["unit_a"].staff_group], ("Reader",))
        self.assertFalse(self.can(UNIT_A_USER, "View"))
        with api.env.adopt_roles(["Anonymous"]):
            self.assertFalse(api.user.has_permission("View", obj=self.report))
        do(self.report, "submit", "approve", "feed_back")
        self.assertTrue(self.can(UNIT_A_USER, "View"))
        self.assertFalse(self.can(UNIT_A_USER, "Modify portal content"))

    def test_no_negative_list_contacts_or_ratings(self):
        entry = api.content.create(
            container=self.portal["negative-list"],
            type="NegativeListEntry",
            id="e1",
            target=relation_to(self.projects["a1"]),
            reason="execution_below_standard",
            year=2026,
        )
        do(entry, "confirm")
        self.assertFalse(self.can(EXPERT_USER, "View", entry))
        self.assertEqual(self.found(EXPERT_USER, portal_type="NegativeListEntry"), [])
        expert = self.members["expert"]
        for permission in (
            "changde.perfmgmt: View library contact",
            "changde.perfmgmt: View library ratings",
        ):
            self.assertFalse(self.can(EXPERT_USER, permission, expert))
            self.assertFalse(self.can(AGENCY_USER, permission, self.members["agency"]))

    def test_no_hand_in_the_units_rectification(self):
        item = api.content.create(
            container=self.report, type="RectificationItem", id="i1", problem="问题"
        )
        do(self.report, "submit", "approve", "feed_back")
        self.assertEqual(api.content.get_state(item), "open")
        self.assertFalse(self.can(EXPERT_USER, "Modify portal content", item))
        self.assertFalse(self.can(EXPERT_USER, "View", item))
        # the unit still rectifies
        self.assertTrue(self.can(UNIT_A_USER, "Modify portal content", item))


class TestEvaluatorOverRest(RestClient, unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
    rest_user = OFFICE_USER
    rest_language = "zh-cn"

    def setUp(self):
        self.portal = self.layer["portal"]
        self.folder_url = f"{self.portal.absolute_url()}/evaluation"
        self.city, self.projects, self.members = set_up_city(self.portal)
        set_up_evaluators(self.portal, self.members)
        transaction.commit()

    def create(self, project, **fields):
        body = {
            "@type": "EvaluationReport",
            "title": "重点评价",
            "evaluation_kind": "key",
            "year": 2026,
            "project": self.projects[project].UID(),
            "score": "85",
        }
        body.update(fields)
        response = self.call("POST", self.folder_url, json=body)
        self.assertEqual(response.status_code, 201, response.text)
        return response.json()["@id"]

    def test_the_expert_writes_the_draft_then_only_reads(self):
        url = self.create("a1", experts=[self.members["expert"].UID()])
        other = self.create("b1")

        response = self.call("GET", url, user=EXPERT_USER)
        self.assertEqual(response.status_code, 200, response.text)
        response = self.call(
            "PATCH", url, user=EXPERT_USER, json={"findings": "专家写的发现。"}
        )
        self.assertEqual(response.status_code, 204, response.text)
        self.assertEqual(self.call("GET", url).json()["findings"], "专家写的发现。")
        # who evaluates is the office's choice: the expert cannot change it
        self.call("PATCH", url, user=EXPERT_USER, json={"experts": []})
        self.assertEqual(
            [e["UID"] for e in self.call("GET", url).json()["experts"]],
            [self.members["expert"].UID()],
        )

        self.assertEqual(self.call("GET", other, user=EXPERT_USER).status_code, 401)
        response = self.call(
            "GET",
            f"{self.portal.absolute_url()}/@search",
            user=EXPERT_USER,
            params={"portal_type": "EvaluationReport"},
        )
        self.assertEqual([i["@id"] for i in response.json()["items"]], [url])
        for user in (None, UNIT_A_USER):
            self.assertIn(self.call("GET", url, user=user).status_code, DENIED, user)

        response = self.call("POST", f"{url}/@workflow/submit", json={})
        self.assertEqual(response.status_code, 200, response.text)
        response = self.call(
            "PATCH", url, user=EXPERT_USER, json={"findings": "提交后再改。"}
        )
        self.assertEqual(response.status_code, 401, response.text)
        self.assertEqual(self.call("GET", url, user=EXPERT_USER).status_code, 200)
        self.assertEqual(self.call("GET", url).json()["findings"], "专家写的发现。")

        # unassigned (by the office, while returned to draft): no access
        self.assertEqual(
            self.call("POST", f"{url}/@workflow/return", json={}).status_code, 200
        )
        response = self.call("PATCH", url, json={"experts": []})
        self.assertEqual(response.status_code, 204, response.text)
        self.assertEqual(self.call("GET", url, user=EXPERT_USER).status_code, 401)
