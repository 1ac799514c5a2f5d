"""A unit enters its indicators' progress on a record, one row per indicator
(functional, zope.testbrowser)."""

import transaction
from plone.testing.zope import Browser
from tests.monitoring.test_views import ViewTestCase

from changde.perfmgmt.testing import PASSWORD
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import UNIT_B_USER


class TestIndicatorProgress(ViewTestCase):
    def setUp(self):
        super().setUp()
        self.load(
            [{"project_code": "A-001", "budget_amount": 100, "executed_amount": 50}]
        )
        self.record = self.records()["A-001"]._unrestrictedGetObject()
        self.url = f"{self.record.absolute_url()}/@@indicator-progress"

    def progress(self):
        transaction.begin()
        return self.record.indicator_progress

    def test_the_unit_fills_in_each_indicator(self):
        browser = self.browser(UNIT_A_USER)
        browser.open(self.record.absolute_url())
        self.assertIn("@@indicator-progress", browser.contents)
        browser.open(self.url)
        self.assertIn("指标 1", browser.contents)
        browser.getControl(name="actual_value_0").value = "12"
        browser.getControl(name="on_track_0").value = ["yes"]
        browser.getControl(name="actual_value_1").value = "3"
        browser.getControl(name="on_track_1").value = ["no"]
        browser.getControl(name="deviation_cause_1").value = "施工招标延期"
        browser.getControl(name="corrective_measure_1").value = "加快招标进度"
        browser.getControl(name="form.submitted").click()
        self.assertEqual(browser.url, self.record.absolute_url())
        self.assertIn("指标进度已保存", browser.contents)
        rows = {row["title"]: row for row in self.progress()}
        self.assertEqual(rows["指标 1"]["actual_value"], "12")
        self.assertTrue(rows["指标 1"]["on_track"])
        self.assertFalse(rows["指标 2"]["on_track"])
        self.assertEqual(rows["指标 2"]["deviation_cause"], "施工招标延期")

    def test_off_track_without_a_cause_is_refused_and_nothing_saved(self):
        before = self.progress()
        browser = self.browser(UNIT_A_USER)
        browser.open(self.url)
        browser.getControl(name="actual_value_0").value = "12"
        browser.getControl(name="on_track_1").value = ["no"]
        browser.getControl(name="form.submitted").click()
        self.assertIn("未保存", browser.contents)
        self.assertIn("偏离目标的指标须填写偏差原因", browser.contents)
        # what was typed is kept in the form
        self.assertEqual(browser.getControl(name="actual_value_0").value, "12")
        self.assertEqual(self.progress(), before)

    def test_another_unit_and_anonymous_are_refused(self):
        for user in (UNIT_B_USER, None):
            browser = Browser(self.layer["app"])
            browser.handleErrors = True
            browser.raiseHttpErrors = False
            if user:
                browser.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
            browser.open(self.url)
            self.assertTrue(
                "insufficient-privileges" in browser.url or "/login" in browser.url,
                browser.url,
            )
