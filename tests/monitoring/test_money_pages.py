"""The monitoring pages show amounts as money, in the unit the office set."""

import transaction
from plone import api
from tests.monitoring.test_views import ViewTestCase

from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import UNIT_A_USER

MONEY_UNIT = "changde.perfmgmt.core.money_unit"


class TestAmountsOnMonitoringPages(ViewTestCase):
    def setUp(self):
        super().setUp()
        self.load(
            [{"project_code": "A-001", "budget_amount": 60000000, "executed_amount": 0}]
        )
        transaction.begin()
        self.record = self.round[api.content.get_uuid(self.projects["a1"])]

    def set_unit(self, unit):
        transaction.begin()
        api.portal.set_registry_record(MONEY_UNIT, unit)
        transaction.commit()

    def pages(self, user):
        browser = self.browser(user)
        for url in (
            self.round_url,
            self.record.absolute_url(),
            f"{self.projects['a1'].absolute_url()}/@@monitoring-records",
        ):
            browser.open(url)
            yield url, browser.contents

    def test_yuan_with_separators(self):
        for url, contents in self.pages(OFFICE_USER):
            self.assertIn("60,000,000", contents, url)
            self.assertNotIn("60000000", contents, url)
            self.assertIn("预算金额（元）", contents, url)

    def test_ten_thousand_yuan(self):
        self.set_unit("wan_yuan")
        for url, contents in self.pages(UNIT_A_USER):
            self.assertIn("6,000.00", contents, url)
            self.assertIn("预算金额（万元）", contents, url)
            self.assertIn("执行金额（万元）", contents, url)
            self.assertNotIn("60,000,000", contents, url)
