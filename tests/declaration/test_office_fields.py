"""Whether a project is a new major policy and how its pre-evaluation came
out are the office's to say: a unit cannot pass its own pre-evaluation gate,
over REST or in the edit form (functional)."""

import unittest

import transaction
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.testing.zope import Browser

from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import PASSWORD
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import RestClient
from changde.perfmgmt.testing import create_city
from changde.perfmgmt.testing import create_project

OFFICE_FIELDS = ("is_new_major", "pre_evaluation_result")


class TestOfficeFields(RestClient, unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
    rest_user = UNIT_A_USER
    rest_language = "zh-CN"

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.city = create_city(self.portal)
        self.unit = self.city["unit_a"]
        # the office marked it a new major project; no pre-evaluation yet
        self.project = create_project(
            self.unit, id="major", indicators=2, is_new_major=True
        )
        self.url = self.project.absolute_url()
        transaction.commit()

    def browser(self, user):
        browser = Browser(self.layer["app"])
        browser.handleErrors = False
        browser.raiseHttpErrors = False
        browser.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
        browser.addHeader("Accept-Language", "zh-cn")
        return browser

    def fields(self):
        transaction.begin()
        return (self.project.is_new_major, self.project.pre_evaluation_result)

    def test_a_unit_patch_is_ignored_and_the_gate_still_blocks(self):
        response = self.call(
            "PATCH",
            self.url,
            json={"pre_evaluation_result": "passed", "is_new_major": False},
        )
        self.assertEqual(response.status_code, 204, response.text)
        self.assertEqual(self.fields(), (True, "none"))
        response = self.call("POST", f"{self.url}/@workflow/submit")
        self.assertEqual(response.status_code, 400, response.text)
        codes = [e["code"] for e in response.json()["error"]["errors"]]
        self.assertEqual(codes, ["gate_pre_evaluation_not_passed"])
        transaction.begin()
        self.assertEqual(api.content.get_state(self.project), "draft")

    def test_a_unit_cannot_create_a_passed_project(self):
        response = self.call(
            "POST",
            self.unit.absolute_url(),
            json={
                "@type": "BudgetProject",
                "id": "own",
                "title": "自评通过的项目",
                "year": 2026,
                "budget_kind": "general_public",
                "amount": "100",
                "is_new_major": True,
                "pre_evaluation_result": "passed",
            },
        )
        self.assertEqual(response.status_code, 201, response.text)
        body = response.json()
        self.assertFalse(body["is_new_major"])
        self.assertEqual(body["pre_evaluation_result"]["token"], "none")

    def test_units_read_the_fields(self):
        response = self.call("GET", self.url)
        self.assertEqual(response.status_code, 200, response.text)
        body = response.json()
        self.assertTrue(body["is_new_major"])
        self.assertEqual(body["pre_evaluation_result"]["token"], "none")
        browser = self.browser(UNIT_A_USER)
        browser.open(self.url)
        self.assertIn("事前评估结果", browser.contents)
        self.assertIn("未评估", browser.contents)

    def test_the_office_sets_them(self):
        response = self.call(
            "PATCH",
            self.url,
            user=OFFICE_USER,
            json={"pre_evaluation_result": "passed"},
        )
        self.assertEqual(response.status_code, 204, response.text)
        self.assertEqual(self.fields(), (True, "passed"))
        response = self.call("POST", f"{self.url}/@workflow/submit")
        self.assertEqual(response.status_code, 200, response.text)

    def test_the_units_edit_form_does_not_offer_them(self):
        browser = self.browser(UNIT_A_USER)
        browser.open(f"{self.url}/edit")
        self.assertIn("form.widgets.amount", browser.contents)
        for name in OFFICE_FIELDS:
            self.assertNotIn(f'name="form.widgets.{name}', browser.contents, name)
        browser.getControl(name="form.buttons.save").click()
        self.assertEqual(self.fields(), (True, "none"))
        browser = self.browser(OFFICE_USER)
        browser.open(f"{self.url}/edit")
        for name in OFFICE_FIELDS:
            self.assertIn(f'name="form.widgets.{name}', browser.contents, name)

    def test_the_units_add_form_does_not_offer_them(self):
        browser = self.browser(UNIT_A_USER)
        browser.open(f"{self.unit.absolute_url()}/++add++BudgetProject")
        self.assertIn("form.widgets.amount", browser.contents)
        for name in OFFICE_FIELDS:
            self.assertNotIn(f'name="form.widgets.{name}', browser.contents, name)
