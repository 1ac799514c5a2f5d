"""Pages survive a bad value stored before the number rules existed (NaN,
Infinity, 1E+70, 1e-999999 in an amount, a weight, a score, a progress
value), and the upgrade step clears such values (functional: the round page,
@monitoring-summary, the Excel export, the project and report pages)."""

import unittest
from decimal import Decimal

import requests
import transaction
from plone import api
from plone.testing.zope import Browser
from tests.monitoring.base import set_up_city

from changde.perfmgmt.core.upgrades import clear_bad_numbers
from changde.perfmgmt.monitoring.rounds import prepare_records
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import PASSWORD
from changde.perfmgmt.testing import UNIT_A_USER

BAD = (Decimal("Infinity"), Decimal("NaN"), Decimal("1E+70"), Decimal("1E-999999"))


class BadStoredValuesTestCase(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.city, self.projects, self.rounds = set_up_city(self.portal)
        self.round = self.rounds[0]
        records = prepare_records(self.round)
        self.records = {record.project_code: record for record in records}
        transaction.commit()

    def store(self, value):
        """Store ``value`` where numbers are kept, bypassing every check."""
        transaction.begin()
        record = self.records["A-001"]
        record.budget_amount = Decimal("1000")
        record.executed_amount = value
        record.indicator_progress = [
            {
                "indicator": self.projects["a1"]["indicator-1"].UID(),
                "actual_value": float(value),
            }
        ]
        record.reindexObject()
        project = self.projects["a1"]
        project.amount = value
        project["indicator-1"].weight = value
        project.reindexObject()
        transaction.commit()

    def browser(self, user=OFFICE_USER):
        browser = Browser(self.layer["app"])
        browser.handleErrors = False
        browser.raiseHttpErrors = False
        browser.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
        return browser

    def get_json(self, url, user=OFFICE_USER):
        return requests.get(
            url,
            headers={"Accept": "application/json"},
            auth=(user, PASSWORD),
            timeout=60,
        )


class TestPagesSurvive(BadStoredValuesTestCase):
    def test_every_page_answers(self):
        round_url = self.round.absolute_url()
        project_url = self.projects["a1"].absolute_url()
        record_url = self.records["A-001"].absolute_url()
        for value in BAD:
            self.store(value)
            for user in (OFFICE_USER, UNIT_A_USER):
                browser = self.browser(user)
                for url in (
                    round_url,
                    f"{round_url}/@@monitoring-export.xlsx",
                    record_url,
                    project_url,
                    f"{project_url}/@@monitoring-records",
                    f"{project_url}/indicator-1",
                ):
                    browser.open(url)
                    self.assertEqual(
                        browser.headers["status"][:3], "200", (value, user, url)
                    )
            for url in (
                f"{round_url}/@monitoring-summary",
                f"{project_url}/@monitoring-records",
                project_url,
                record_url,
                f"{self.portal.absolute_url()}/@coverage?year=2026",
            ):
                response = self.get_json(url)
                self.assertEqual(response.status_code, 200, (value, url, response.text))
                response.json()  # valid JSON: no NaN or Infinity in it


class TestUpgrade(BadStoredValuesTestCase):
    def test_bad_values_are_cleared_and_good_ones_kept(self):
        self.store(Decimal("Infinity"))
        transaction.begin()
        good = self.records["B-001"]
        good.executed_amount = Decimal("12.5")
        transaction.commit()

        cleared = clear_bad_numbers(api.portal.get())
        transaction.commit()

        record = self.records["A-001"]
        self.assertIsNone(record.executed_amount)
        self.assertIsNone(record.indicator_progress[0]["actual_value"])
        self.assertIsNone(self.projects["a1"].amount)
        self.assertIsNone(self.projects["a1"]["indicator-1"].weight)
        self.assertEqual(good.executed_amount, Decimal("12.5"))
        self.assertGreaterEqual(cleared, 4)
