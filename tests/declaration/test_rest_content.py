"""Projects over plone.restapi: create, validate, refuse, transition (real HTTP)."""

import unittest
from decimal import Decimal

import requests
import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
from changde.perfmgmt.testing import DISTRICT_USER
from changde.perfmgmt.testing import OTHER_DISTRICT_USER
from changde.perfmgmt.testing import PASSWORD
from changde.perfmgmt.testing import REVIEWER_USER
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import UNIT_B_USER
from changde.perfmgmt.testing import RestClient
from changde.perfmgmt.testing import create_city
from changde.perfmgmt.testing import create_other_district
from changde.perfmgmt.testing import create_project

VALID_PROJECT = {
    "@type": "BudgetProject",
    "title": "农村公路建设专项",
    "year": 2026,
    "budget_kind": "general_public",
    "is_special_fund": True,
    "amount": "3200000.00",
    "is_new_major": False,
    "performance_goal": {"data": "<p>新改建农村公路 120 公里。</p>"},
    "pre_evaluation_result": "none",
}


class RestTestCase(RestClient, unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
    rest_user = UNIT_A_USER
    rest_language = "en"

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.city = create_city(self.portal)
        self.project = create_project(self.city["unit_a"], id="a", indicators=0)
        self.unit_url = self.city["unit_a"].absolute_url()
        self.project_url = self.project.absolute_url()
        transaction.commit()

    def project_count(self):
        transaction.begin()
        catalog = api.portal.get_tool("portal_catalog")
        return len(catalog.unrestrictedSearchResults(portal_type="BudgetProject"))


class TestCreate(RestTestCase):
    def test_unit_staff_create_a_project_in_their_unit(self):
        response = self.call("POST", self.unit_url, json=VALID_PROJECT)
        self.assertEqual(response.status_code, 201, response.text)
        body = response.json()
        self.assertEqual(body["year"], 2026)
        self.assertEqual(body["budget_kind"]["token"], "general_public")
        self.assertEqual(body["review_state"], "draft")

    def assert_field_error(self, changes, field, drop=()):
        before = self.project_count()
        data = {**VALID_PROJECT, **changes}
        for name in drop:
            data.pop(name)
        response = self.call("POST", self.unit_url, json=data)
        self.assertEqual(response.status_code, 400, response.text)
        self.assertIn(field, response.text)
        self.assertEqual(self.project_count(), before, "nothing may be written")
        return response

    def test_negative_amount_refused(self):
        self.assert_field_error({"amount": "-1"}, "amount")

    def test_unknown_budget_kind_refused(self):
        self.assert_field_error({"budget_kind": "lottery"}, "budget_kind")

    def test_year_1800_refused(self):
        self.assert_field_error({"year": 1800}, "year")

    def test_missing_fields_refused(self):
        self.assert_field_error({}, "year", drop=("year",))
        self.assert_field_error({}, "amount", drop=("amount",))

    def test_other_units_staff_cannot_create_here(self):
        response = self.call(
            "POST", self.unit_url, user=UNIT_B_USER, json=VALID_PROJECT
        )
        self.assertIn(response.status_code, (401, 403))

    def test_anonymous_cannot_create(self):
        response = self.call("POST", self.unit_url, user=None, json=VALID_PROJECT)
        self.assertIn(response.status_code, (401, 403))


class TestAccess(RestTestCase):
    def test_own_unit_reads_its_draft(self):
        response = self.call("GET", self.project_url)
        self.assertEqual(response.status_code, 200, response.text)

    def test_another_unit_cannot_read_list_edit_or_transition(self):
        self.assertIn(
            self.call("GET", self.project_url, user=UNIT_B_USER).status_code,
            (401, 403, 404),
        )
        search = self.call(
            "GET",
            f"{self.portal.absolute_url()}/@search?portal_type=BudgetProject",
            user=UNIT_B_USER,
        )
        self.assertEqual(search.json()["items_total"], 0)
        patch = self.call(
            "PATCH", self.project_url, user=UNIT_B_USER, json={"title": "x"}
        )
        self.assertIn(patch.status_code, (401, 403, 404))
        submit = self.call(
            "POST", f"{self.project_url}/@workflow/submit", user=UNIT_B_USER
        )
        self.assertIn(submit.status_code, (400, 401, 403, 404))
        transaction.begin()
        self.assertEqual(api.content.get_state(self.project), "draft")
        self.assertEqual(self.project.title, "义务教育均衡发展专项")

    def test_anonymous_reads_nothing(self):
        self.assertIn(
            self.call("GET", self.project_url, user=None).status_code, (401, 403, 404)
        )


class TestWorkflowOverRest(RestTestCase):
    def test_blocked_submission_answers_400_with_the_rule(self):
        response = self.call("POST", f"{self.project_url}/@workflow/submit")
        self.assertEqual(response.status_code, 400, response.text)
        error = response.json()["error"]
        self.assertEqual(error["type"], "WorkflowException")
        self.assertIn("indicator", error["message"])
        transaction.begin()
        self.assertEqual(api.content.get_state(self.project), "draft")

    def test_message_in_chinese_for_chinese_users(self):
        response = requests.post(
            f"{self.project_url}/@workflow/submit",
            headers={"Accept": "application/json", "Accept-Language": "zh-CN"},
            auth=(UNIT_A_USER, PASSWORD),
            timeout=30,
        )
        self.assertEqual(response.status_code, 400, response.text)
        self.assertIn("指标", response.json()["error"]["message"])

    def test_submit_review_approve(self):
        project = create_project(self.city["unit_a"], id="ok", indicators=3)
        transaction.commit()
        url = project.absolute_url()
        response = self.call("POST", f"{url}/@workflow/submit")
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(response.json()["review_state"], "submitted")
        response = self.call("POST", f"{url}/@workflow/review", user=REVIEWER_USER)
        self.assertEqual(response.status_code, 200, response.text)
        response = self.call("POST", f"{url}/@workflow/approve", user=REVIEWER_USER)
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(response.json()["review_state"], "approved")
        self.assertEqual(
            self.call("PATCH", url, json={"title": "changed"}).status_code, 401
        )

    def test_admin_can_do_everything(self):
        response = self.call(
            "GET", self.project_url, user=SITE_OWNER_NAME, password=SITE_OWNER_PASSWORD
        )
        self.assertEqual(response.status_code, 200)


class TestRefusalsOverRest(RestTestCase):
    """A refused transition answers one entry per rule: code, field,
    message, params."""

    def reviewed(self, **fields):
        project = create_project(self.city["unit_a"], indicators=10, **fields)
        for transition in ("submit", "review"):
            api.content.transition(obj=project, transition=transition)
        return project

    def test_refused_submission_lists_each_rule(self):
        response = self.call("POST", f"{self.project_url}/@workflow/submit")
        self.assertEqual(response.status_code, 400, response.text)
        error = response.json()["error"]
        self.assertEqual(error["type"], "WorkflowException")
        (entry,) = error["errors"]
        self.assertEqual(entry["code"], "gate_indicators_missing")
        self.assertEqual(entry["field"], "indicators")
        self.assertEqual(entry["params"], {"count": "0"})
        self.assertIn(entry["message"], error["message"])

    def test_refused_approval(self):
        project = self.reviewed(
            id="fund",
            is_special_fund=True,
            amount=Decimal("8000000"),
            management_measure_reference="常财预〔2026〕12号",
        )
        # the measure is withdrawn after the goal review
        project.management_measure_reference = None
        transaction.commit()
        url = f"{project.absolute_url()}/@workflow/approve"
        response = self.call("POST", url, user=REVIEWER_USER)
        self.assertEqual(response.status_code, 400, response.text)
        error = response.json()["error"]
        self.assertEqual(
            [e["code"] for e in error["errors"]], ["gate_management_measure_missing"]
        )
        entry = error["errors"][0]
        self.assertEqual(entry["field"], "management_measure")
        # params are plain numbers; the message is for reading
        self.assertEqual(entry["params"]["amount"], "8000000")
        self.assertIn("8,000,000", entry["message"])
        transaction.begin()
        self.assertEqual(api.content.get_state(project), "reviewed")

    def test_refused_return_without_a_reason(self):
        project = self.reviewed(id="ready")
        transaction.commit()
        url = f"{project.absolute_url()}/@workflow/return"
        for body in ({}, {"comment": "  "}):
            response = self.call("POST", url, user=REVIEWER_USER, json=body)
            self.assertEqual(response.status_code, 400, response.text)
            (entry,) = response.json()["error"]["errors"]
            self.assertEqual(entry["code"], "gate_return_needs_reason")
            self.assertEqual(entry["field"], "comment")
        transaction.begin()
        self.assertEqual(api.content.get_state(project), "reviewed")
        response = self.call(
            "POST", url, user=REVIEWER_USER, json={"comment": "指标不够具体"}
        )
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(response.json()["review_state"], "returned")
        self.assertEqual(response.json()["comments"], "指标不够具体")

    def test_a_transition_that_does_not_exist_is_plone_restapis_answer(self):
        response = self.call("POST", f"{self.project_url}/@workflow/approve")
        self.assertEqual(response.status_code, 400, response.text)
        error = response.json()["error"]
        self.assertEqual(error["type"], "WorkflowException")
        self.assertNotIn("errors", error)


class TestOtherDistrict(RestTestCase):
    def test_another_districts_staff_see_nothing_of_this_districts_drafts(self):
        transaction.begin()
        create_other_district(self.portal)
        draft = create_project(self.city["unit_w"], id="w", indicators=1)
        transaction.commit()
        response = self.call("GET", draft.absolute_url(), user=OTHER_DISTRICT_USER)
        self.assertIn(response.status_code, (401, 403, 404))
        search = self.call(
            "GET",
            f"{self.portal.absolute_url()}/@search?portal_type=BudgetProject",
            user=OTHER_DISTRICT_USER,
        )
        self.assertEqual(search.json()["items_total"], 0)
        # while their own district's staff do
        response = self.call("GET", draft.absolute_url(), user=DISTRICT_USER)
        self.assertEqual(response.status_code, 200, response.text)
