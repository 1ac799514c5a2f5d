"""Money on pages: the office's setting 元/万元 (registry, control panel, REST)
and the display helper every page uses."""

import unittest

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from tests.core.panels import ControlPanelTestCase

from changde.perfmgmt.core.browser.money import display_amount
from changde.perfmgmt.core.browser.money import display_money
from changde.perfmgmt.core.browser.money import money_unit
from changde.perfmgmt.core.browser.money import money_unit_label
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import UNIT_A_USER

MONEY_UNIT = "changde.perfmgmt.core.money_unit"


class TestDisplayHelper(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.request = self.layer["request"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])

    def in_language(self, language):
        self.request["LANGUAGE"] = language
        self.request.environ["HTTP_ACCEPT_LANGUAGE"] = language
        return self.request

    def test_yuan_by_default(self):
        self.assertEqual(api.portal.get_registry_record(MONEY_UNIT), "yuan")
        self.assertEqual(money_unit(), "yuan")
        request = self.in_language("zh-cn")
        self.assertEqual(display_money(60000000, request=request), "60,000,000元")
        self.assertEqual(display_amount(60000000), "60,000,000")
        self.assertEqual(money_unit_label(request=request), "元")

    def test_ten_thousand_yuan_when_the_office_says_so(self):
        api.portal.set_registry_record(MONEY_UNIT, "wan_yuan")
        request = self.in_language("zh-cn")
        self.assertEqual(display_money(60000000, request=request), "6,000.00万元")
        self.assertEqual(display_amount("1234567"), "123.46")
        self.assertEqual(money_unit_label(request=request), "万元")

    def test_english_readers(self):
        from zope.publisher.browser import TestRequest

        request = TestRequest(environ={"HTTP_ACCEPT_LANGUAGE": "en"})
        self.assertEqual(display_money(1500, request=request), "1,500 yuan")
        self.assertEqual(
            display_money(15000, unit="wan_yuan", request=request), "1.50 10k yuan"
        )

    def test_nothing_entered_and_not_a_number(self):
        self.assertEqual(display_money(None), "—")
        self.assertEqual(display_amount(""), "—")
        # what is not a number is shown as it is, never hidden or a 500
        self.assertEqual(display_money("待定"), "待定")

    def test_an_unknown_stored_unit_falls_back_to_yuan(self):
        from unittest import mock

        # a value written around the field's vocabulary
        with mock.patch(
            "changde.perfmgmt.core.browser.money.registry_value", return_value="jiao"
        ):
            self.assertEqual(money_unit(), "yuan")
            self.assertEqual(display_amount(100), "100")

    def test_templates_reach_it_as_a_view(self):
        api.portal.set_registry_record(MONEY_UNIT, "wan_yuan")
        view = self.portal.restrictedTraverse("@@perfmgmt-money")
        self.in_language("zh-cn")
        self.assertEqual(view(20000), "2.00万元")
        self.assertEqual(view.amount(20000), "2.00")
        self.assertEqual(view.unit_label(), "万元")


class TestMoneyUnitControlPanel(ControlPanelTestCase):
    panel = "perfmgmt-display"
    prefix = "changde.perfmgmt.core"

    def test_listed_in_site_setup(self):
        configlets = {
            action.id
            for action in api.portal.get_tool("portal_controlpanel").listActions()
        }
        self.assertIn("perfmgmt-display", configlets)

    def test_the_office_switches_to_ten_thousand_yuan(self):
        browser = self.browser(OFFICE_USER)
        browser.open(self.url)
        self.assertIn("页面显示", browser.contents)
        self.assertIn("万元", browser.contents)
        control = browser.getControl(name="form.widgets.money_unit:list")
        self.assertEqual(control.value, ["yuan"])
        control.value = ["wan_yuan"]
        browser.getControl(name="form.buttons.save").click()
        self.assertEqual(self.value("money_unit"), "wan_yuan")

    def test_unit_staff_cannot_open_it(self):
        browser = self.browser(UNIT_A_USER)
        browser.handleErrors = True
        browser.open(self.url)
        self.assertIn("insufficient-privileges", browser.url)

    def test_rest_get_patch_and_a_bad_value(self):
        response = self.rest("GET")
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(response.json()["data"]["money_unit"]["token"], "yuan")
        response = self.rest("PATCH", json={"money_unit": "wan_yuan"})
        self.assertEqual(response.status_code, 204, response.text)
        self.assertEqual(self.value("money_unit"), "wan_yuan")
        response = self.rest("PATCH", json={"money_unit": "jiao"})
        self.assertEqual(response.status_code, 400, response.text)
        self.assertIn("money_unit", response.text)
        self.assertEqual(self.value("money_unit"), "wan_yuan")
