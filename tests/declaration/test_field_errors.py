"""Bad input to a project or an indicator: the rule's message next to the
field, in the UI add form and over REST (``errors``, in the user's
language), and nothing written (functional: real HTTP, zope testbrowser)."""

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

VALID_PROJECT = {
    "@type": "BudgetProject",
    "title": "农村公路建设专项",
    "year": 2026,
    "budget_kind": "general_public",
    "is_special_fund": True,
    "amount": "3200000.00",
    "performance_goal": {"data": "<p>新改建农村公路 120 公里。</p>"},
}


class FieldErrorTestCase(RestClient, unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
    rest_user = UNIT_A_USER
    rest_language = "zh-CN"

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.city = create_city(self.portal)
        self.unit = self.city["unit_a"]
        self.project = create_project(self.unit, id="a", indicators=1)
        transaction.commit()

    def count(self, portal_type):
        transaction.begin()
        catalog = api.portal.get_tool("portal_catalog")
        return len(catalog.unrestrictedSearchResults(portal_type=portal_type))

    def refused(self, response):
        self.assertEqual(response.status_code, 400, response.text)
        error = response.json()["error"]
        self.assertEqual(error["type"], "BadRequest")
        if len(error["errors"]) == 1:  # the message is the error's
            self.assertEqual(error["message"], error["errors"][0]["message"])
        else:  # the message counts them
            self.assertIn(str(len(error["errors"])), error["message"])
        return {item["field"]: item for item in error["errors"]}

    def create(self, language="zh-CN", drop=(), **changes):
        before = self.count("BudgetProject")
        data = {**VALID_PROJECT, **changes}
        for name in drop:
            data.pop(name)
        response = self.call(
            "POST", self.unit.absolute_url(), language=language, json=data
        )
        errors = self.refused(response)
        self.assertEqual(self.count("BudgetProject"), before, "nothing is written")
        return errors


class TestRestAdd(FieldErrorTestCase):
    def test_negative_amount_says_it_cannot_be_negative(self):
        error = self.create(amount="-1")["amount"]
        self.assertEqual(error["code"], "project_amount_negative")
        self.assertEqual(error["label"], "金额(元)")
        self.assertIn("金额不能为负数", error["message"])
        self.assertEqual(error["params"], {"amount": "-1"})
        error = self.create(language="en", amount="-1")["amount"]
        self.assertIn("cannot be negative", error["message"])

    def test_year_1800_names_the_allowed_range(self):
        error = self.create(year=1800)["year"]
        self.assertEqual(error["code"], "project_year_out_of_range")
        for number in ("1800", "2000", "2100"):
            self.assertIn(number, error["message"])
        self.assertEqual(
            error["params"], {"year": "1800", "min_year": "2000", "max_year": "2100"}
        )

    def test_a_year_that_is_no_number(self):
        error = self.create(language="en", year="abc")["year"]
        self.assertEqual(error["code"], "project_year_invalid")
        self.assertIn('"abc"', error["message"])

    def test_unknown_budget_kind_names_the_allowed_kinds(self):
        error = self.create(budget_kind="lottery")["budget_kind"]
        self.assertEqual(error["code"], "project_budget_kind_unknown")
        self.assertIn("lottery", error["message"])
        for kind in ("general_public", "government_fund", "government_debt"):
            self.assertIn(kind, error["message"])

    def test_missing_fields_each_say_so(self):
        errors = self.create(drop=("year", "amount", "title"))
        self.assertEqual(sorted(errors), ["amount", "title", "year"])
        self.assertEqual(errors["year"]["code"], "project_year_required")
        self.assertIn("预算年度", errors["year"]["message"])
        self.assertEqual(errors["amount"]["code"], "project_amount_required")
        # a field without a rule of its own: which field is required
        self.assertIn(errors["title"]["label"], errors["title"]["message"])
        errors = self.create(language="en", year=None)
        self.assertEqual(errors["year"]["code"], "project_year_required")

    def test_several_bad_fields_at_once(self):
        errors = self.create(year=1800, amount="-5", budget_kind="lottery")
        self.assertEqual(sorted(errors), ["amount", "budget_kind", "year"])


class TestRestPatch(FieldErrorTestCase):
    def test_patch_with_a_negative_amount_changes_nothing(self):
        response = self.call(
            "PATCH",
            self.project.absolute_url(),
            json={"amount": "-100", "title": "改了"},
        )
        errors = self.refused(response)
        self.assertEqual(errors["amount"]["code"], "project_amount_negative")
        transaction.begin()
        self.assertEqual(self.project.title, "义务教育均衡发展专项")
        self.assertEqual(str(self.project.amount), "1000000")

    def test_indicator_rule_names_its_field(self):
        # quantifiable without a target: a rule across fields, named by field
        response = self.call(
            "POST",
            self.project.absolute_url(),
            json={
                "@type": "Indicator",
                "title": "新改建农村公路里程",
                "level1": "产出指标",
                "level2": "数量指标",
                "quantifiable": True,
                "comparator": "ge",
            },
        )
        errors = self.refused(response)
        self.assertEqual(
            errors["target_value"]["code"], "indicator_quantifiable_needs_target"
        )
        self.assertIn("目标值", errors["target_value"]["message"])
        self.assertEqual(self.count("Indicator"), 1)

    def test_indicator_weight_out_of_range(self):
        response = self.call(
            "PATCH", f"{self.project.absolute_url()}/indicator-1", json={"weight": 120}
        )
        errors = self.refused(response)
        self.assertEqual(errors["weight"]["code"], "indicator_weight_out_of_range")
        self.assertIn("100", errors["weight"]["message"])

    def test_another_type_gets_field_errors_too(self):
        # a jurisdiction's kind outside its vocabulary lists the allowed kinds
        response = self.call(
            "POST",
            self.portal.absolute_url(),
            user=OFFICE_USER,
            language="en",
            json={"@type": "Jurisdiction", "title": "某区", "kind": "province"},
        )
        errors = self.refused(response)
        self.assertIn("province", errors["kind"]["message"])
        self.assertIn("municipal", errors["kind"]["message"])
        self.assertEqual(self.count("Jurisdiction"), 2)


class TestAddForm(FieldErrorTestCase):
    def browser(self, language="zh-cn"):
        browser = Browser(self.layer["app"])
        browser.handleErrors = False
        browser.raiseHttpErrors = False
        browser.addHeader("Authorization", f"Basic {UNIT_A_USER}:{PASSWORD}")
        browser.addHeader("Accept-Language", language)
        browser.open(f"{self.unit.absolute_url()}/++add++BudgetProject")
        return browser

    def field_error(self, browser, name):
        """The error shown next to the field ``name``."""
        import re

        match = re.search(
            rf'id="formfield-form-widgets-{name}".*?<div class="invalid-feedback">'
            r"\s*(.*?)\s*</div>",
            browser.contents,
            re.S,
        )
        return match.group(1) if match else None

    def save(self, browser, **values):
        for name, value in values.items():
            browser.getControl(name=f"form.widgets.{name}").value = value
        browser.getControl(name="form.buttons.save").click()

    def assert_nothing_written(self):
        transaction.begin()
        self.assertEqual(list(self.unit.objectIds()), ["a"])

    def test_year_1800(self):
        browser = self.browser()
        browser.getControl(name="form.widgets.IBasic.title").value = "测试项目"
        self.save(browser, year="1800", amount="100")
        error = self.field_error(browser, "year")
        self.assertIsNotNone(error, "no error next to the year")
        self.assertIn("2000", error)
        self.assertIn("2100", error)
        self.assert_nothing_written()

    def test_negative_amount(self):
        browser = self.browser()
        browser.getControl(name="form.widgets.IBasic.title").value = "测试项目"
        self.save(browser, year="2026", amount="-5")
        self.assertIn("金额不能为负数", self.field_error(browser, "amount") or "")
        self.assert_nothing_written()

    def test_missing_required_fields(self):
        browser = self.browser(language="en")
        self.save(browser)
        for name in ("IBasic-title", "year", "amount"):
            self.assertIn("Required", self.field_error(browser, name) or "", name)
        self.assert_nothing_written()

    def test_the_year_reads_as_a_year(self):
        browser = self.browser()
        browser.open(self.project.absolute_url())
        self.assertIn(">2026<", browser.contents)
        self.assertNotIn("2,026", browser.contents)
        browser.open(f"{self.project.absolute_url()}/edit")
        self.assertEqual(browser.getControl(name="form.widgets.year").value, "2026")
