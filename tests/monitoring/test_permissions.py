"""Who sees and does what with monitoring records: units enter and submit
their own, the office confirms or returns, districts see their jurisdiction's
only; another unit's staff and anonymous are refused (integration and REST)."""

import unittest

import transaction
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from tests.monitoring.base import set_up_city

from changde.perfmgmt.monitoring.rounds import prepare_records
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING
from changde.perfmgmt.testing import DISTRICT_UNIT_USER
from changde.perfmgmt.testing import DISTRICT_USER
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import OTHER_DISTRICT_USER
from changde.perfmgmt.testing import REVIEWER_USER
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import UNIT_B_USER
from changde.perfmgmt.testing import RestClient
from changde.perfmgmt.testing import create_other_district


class TestRecordWorkflow(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.city, self.projects, self.rounds = set_up_city(self.portal)
        create_other_district(self.portal)
        self.round = self.rounds[0]
        self.records = {
            record.project_code: record for record in prepare_records(self.round)
        }
        self.a1 = self.records["A-001"]
        self.w1 = self.records["W-001"]
        setRoles(self.portal, TEST_USER_ID, ["Member"])
        self.workflow = api.portal.get_tool("portal_workflow")

    def can(self, username, permission, obj):
        with api.env.adopt_user(username=username):
            return api.user.has_permission(permission, obj=obj)

    def listed(self, username):
        with api.env.adopt_user(username=username):
            brains = api.content.find(portal_type="MonitoringRecord")
            return sorted(brain.project_code for brain in brains)

    def transitions(self, username, obj):
        with api.env.adopt_user(username=username):
            return sorted(t["id"] for t in self.workflow.getTransitionsFor(obj))

    def do(self, username, obj, transition):
        with api.env.adopt_user(username=username):
            self.workflow.doActionFor(obj, transition)

    def test_each_sees_their_own(self):
        self.assertEqual(self.listed(UNIT_A_USER), ["A-001", "A-002"])
        self.assertEqual(self.listed(UNIT_B_USER), ["B-001"])
        self.assertEqual(self.listed(DISTRICT_USER), ["W-001"])
        self.assertEqual(self.listed(DISTRICT_UNIT_USER), ["W-001"])
        self.assertEqual(self.listed(OTHER_DISTRICT_USER), [])
        self.assertEqual(self.listed(OFFICE_USER), ["A-001", "A-002", "B-001", "W-001"])
        self.assertFalse(self.can(UNIT_B_USER, "View", self.a1))
        self.assertFalse(self.can(DISTRICT_USER, "View", self.a1))
        self.assertFalse(self.can(OTHER_DISTRICT_USER, "View", self.w1))

    def test_unit_enters_and_submits_office_confirms(self):
        self.assertTrue(self.can(UNIT_A_USER, "Modify portal content", self.a1))
        self.assertFalse(self.can(UNIT_B_USER, "Modify portal content", self.a1))
        self.assertEqual(self.transitions(UNIT_A_USER, self.a1), ["submit"])
        self.assertEqual(self.transitions(UNIT_B_USER, self.a1), [])
        self.do(UNIT_A_USER, self.a1, "submit")
        self.assertEqual(api.content.get_state(self.a1), "submitted")
        self.assertFalse(self.can(UNIT_A_USER, "Modify portal content", self.a1))
        self.assertTrue(self.can(UNIT_A_USER, "View", self.a1))
        self.assertEqual(self.transitions(UNIT_A_USER, self.a1), [])
        self.assertTrue(self.can(REVIEWER_USER, "View", self.a1))
        self.assertEqual(self.transitions(OFFICE_USER, self.a1), ["confirm", "return"])
        self.do(OFFICE_USER, self.a1, "return")
        self.assertEqual(api.content.get_state(self.a1), "returned")
        self.assertTrue(self.can(UNIT_A_USER, "Modify portal content", self.a1))
        self.do(UNIT_A_USER, self.a1, "submit")
        self.do(OFFICE_USER, self.a1, "confirm")
        self.assertEqual(api.content.get_state(self.a1), "confirmed")
        self.assertFalse(self.can(UNIT_A_USER, "Modify portal content", self.a1))
        self.assertEqual(self.transitions(OFFICE_USER, self.a1), ["return"])

    def test_units_cannot_add_records_or_change_rounds(self):
        for user in (UNIT_A_USER, DISTRICT_USER):
            self.assertFalse(
                self.can(user, "changde.perfmgmt: Add MonitoringRecord", self.round)
            )
            self.assertFalse(self.can(user, "Modify portal content", self.round))
            self.assertFalse(
                self.can(user, "changde.perfmgmt: Manage monitoring", self.round)
            )
            self.assertTrue(self.can(user, "View", self.round))
        self.assertTrue(
            self.can(OFFICE_USER, "changde.perfmgmt: Manage monitoring", self.round)
        )

    def test_district_staff_edit_their_units_draft(self):
        self.assertTrue(self.can(DISTRICT_USER, "Modify portal content", self.w1))
        self.assertFalse(
            self.can(OTHER_DISTRICT_USER, "Modify portal content", self.w1)
        )


class TestRecordsOverRest(RestClient, unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
    rest_user = None
    rest_language = None

    def setUp(self):
        self.portal = self.layer["portal"]
        self.city, self.projects, self.rounds = set_up_city(self.portal)
        create_other_district(self.portal)
        records = prepare_records(self.rounds[0])
        self.urls = {record.project_code: record.absolute_url() for record in records}
        self.round_url = self.rounds[0].absolute_url()
        transaction.commit()

    def test_unit_a_versus_unit_b(self):
        url = self.urls["A-001"]
        self.assertEqual(self.call("GET", url, UNIT_A_USER).status_code, 200)
        self.assertEqual(self.call("GET", url, UNIT_B_USER).status_code, 401)
        patch = {"executed_amount": "700000", "problems": "进度偏慢"}
        response = self.call("PATCH", url, UNIT_A_USER, json=patch)
        self.assertEqual(response.status_code, 204, response.text)
        response = self.call("PATCH", url, UNIT_B_USER, json=patch)
        self.assertEqual(response.status_code, 401, response.text)
        body = self.call("GET", url, UNIT_A_USER).json()
        self.assertEqual(body["execution_rate"], "70.00")
        # the rate is computed, never typed
        self.call("PATCH", url, UNIT_A_USER, json={"execution_rate": "99"})
        body = self.call("GET", url, UNIT_A_USER).json()
        self.assertEqual(body["execution_rate"], "70.00")
        response = self.call("POST", f"{url}/@workflow/submit", UNIT_B_USER, json={})
        self.assertIn(response.status_code, (401, 403), response.text)
        response = self.call("POST", f"{url}/@workflow/submit", UNIT_A_USER, json={})
        self.assertEqual(response.status_code, 200, response.text)
        response = self.call("PATCH", url, UNIT_A_USER, json=patch)
        self.assertEqual(response.status_code, 401, response.text)
        response = self.call("POST", f"{url}/@workflow/confirm", OFFICE_USER, json={})
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(response.json()["review_state"], "confirmed")

    def test_district_versus_other_district(self):
        url = self.urls["W-001"]
        self.assertEqual(self.call("GET", url, DISTRICT_USER).status_code, 200)
        self.assertEqual(self.call("GET", url, OTHER_DISTRICT_USER).status_code, 401)
        self.assertEqual(
            self.call("GET", self.urls["A-001"], DISTRICT_USER).status_code, 401
        )
        summary = self.call(
            "GET", f"{self.round_url}/@monitoring-summary", DISTRICT_USER
        ).json()
        self.assertEqual([item["project_code"] for item in summary["items"]], ["W-001"])
        summary = self.call(
            "GET", f"{self.round_url}/@monitoring-summary", OTHER_DISTRICT_USER
        ).json()
        self.assertEqual(summary["items"], [])

    def test_anonymous_is_refused(self):
        portal_url = self.portal.absolute_url()
        for url in (
            self.urls["A-001"],
            self.round_url,
            f"{self.round_url}/@monitoring-summary",
            f"{portal_url}/@monitoring-rounds",
            f"{portal_url}/@monitoring-rounds?year=2026",
            f"{portal_url}/monitoring/@monitoring-rounds",
        ):
            response = self.call("GET", url, None)
            self.assertEqual(response.status_code, 401, url)
            self.assertNotIn("2026-1", response.text, url)
        response = self.call(
            "POST",
            f"{self.round_url}/@monitoring-import",
            None,
            json={"rows": []},
        )
        self.assertEqual(response.status_code, 401)
