"""The monitoring REST services over real HTTP: @monitoring-rounds,
@monitoring-import (valid batch, one bad row, re-sent batch),
@monitoring-prepare, @monitoring-summary, @monitoring-records."""

import unittest

import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from tests.monitoring.base import set_up_city

from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import RestClient

ADMIN = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)


class ServiceTestCase(RestClient, unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
    rest_user = OFFICE_USER
    rest_language = "en"

    def setUp(self):
        self.portal = self.layer["portal"]
        self.portal_url = self.portal.absolute_url()
        self.city, self.projects, self.rounds = set_up_city(self.portal)
        self.round = self.rounds[0]
        self.round_url = self.round.absolute_url()
        self.uids = {
            key: api.content.get_uuid(project) for key, project in self.projects.items()
        }
        transaction.commit()

    def records(self):
        """What the database holds now: {project code: record brain}."""
        transaction.begin()
        catalog = api.portal.get_tool("portal_catalog")
        return {
            brain.project_code: brain
            for brain in catalog.unrestrictedSearchResults(
                portal_type="MonitoringRecord"
            )
        }

    def import_rows(self, rows, user=OFFICE_USER, url=None, **kwargs):
        return self.call(
            "POST",
            f"{url or self.round_url}/@monitoring-import",
            user=user,
            json={"rows": rows},
            **kwargs,
        )


class TestRounds(ServiceTestCase):
    def test_create_a_years_rounds_in_one_call(self):
        response = self.call(
            "POST", f"{self.portal_url}/@monitoring-rounds", json={"year": 2027}
        )
        self.assertEqual(response.status_code, 201, response.text)
        body = response.json()
        self.assertEqual(body["created"], 2)
        first, second = body["items"]
        self.assertEqual(first["title"], "2027年第1轮运行监控")
        self.assertEqual(first["cutoff_date"], "2027-10-31")
        self.assertEqual(first["target_rate"], "60")
        self.assertEqual(first["focus"], ["soundness", "fund_safety"])
        self.assertEqual(second["cutoff_date"], "2027-12-31")
        self.assertEqual(second["target_rate"], "85")
        # 2027/2028 are unknown to chinese-calendar: Monday-Friday, no crash.
        # November 2027: Nov 1 is a Monday -> 1-5, 8-12: Friday Nov 12.
        self.assertEqual(first["report_due"], "2027-11-12")
        # January 2028: Jan 3 is a Monday: 3-7, 10-14 -> Friday Jan 14.
        self.assertEqual(second["report_due"], "2028-01-14")
        again = self.call(
            "POST", f"{self.portal_url}/@monitoring-rounds", json={"year": 2027}
        )
        self.assertEqual(again.status_code, 200, again.text)
        self.assertEqual(again.json()["created"], 0)
        self.assertEqual(len(again.json()["items"]), 2)

    def test_bad_year_is_400(self):
        response = self.call(
            "POST", f"{self.portal_url}/@monitoring-rounds", json={"year": "x"}
        )
        self.assertEqual(response.status_code, 400, response.text)
        self.assertEqual(response.json()["error"]["errors"][0]["field"], "year")

    def test_units_cannot_create_rounds(self):
        response = self.call(
            "POST",
            f"{self.portal_url}/@monitoring-rounds",
            user=UNIT_A_USER,
            json={"year": 2027},
        )
        self.assertEqual(response.status_code, 401, response.text)

    def test_overdue_rounds_are_listed(self):
        self.call("POST", f"{self.portal_url}/@monitoring-rounds", json={"year": 2025})
        response = self.call("GET", f"{self.portal_url}/@monitoring-rounds")
        self.assertEqual(response.status_code, 200, response.text)
        body = response.json()
        by_id = {item["@id"].rsplit("/", 1)[1]: item for item in body["items"]}
        self.assertEqual(by_id["2025-1"]["report_status"], "overdue")
        self.assertEqual(by_id["2025-2"]["report_due"], "2026-01-15")
        self.assertIn(by_id["2025-2"]["@id"], body["overdue"])
        overdue = self.call(
            "GET", f"{self.portal_url}/monitoring/@monitoring-rounds?overdue=1"
        ).json()
        self.assertTrue(all(item["overdue"] for item in overdue["items"]))
        self.assertIn(by_id["2025-1"]["@id"], [i["@id"] for i in overdue["items"]])
        only_2026 = self.call(
            "GET", f"{self.portal_url}/@monitoring-rounds?year=2026"
        ).json()
        self.assertEqual([item["round_number"] for item in only_2026["items"]], [1, 2])

    def test_a_year_that_is_not_a_year_is_400(self):
        for year in ("abc", "2031.9", "1800"):
            response = self.call(
                "GET", f"{self.portal_url}/@monitoring-rounds", params={"year": year}
            )
            self.assertEqual(response.status_code, 400, response.text)
            self.assertEqual(response.json()["error"]["errors"][0]["field"], "year")

    def test_units_see_the_rounds(self):
        response = self.call(
            "GET", f"{self.portal_url}/@monitoring-rounds", user=UNIT_A_USER
        )
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(response.json()["items_total"], 2)

    def test_round_over_plain_rest(self):
        response = self.call("GET", self.round_url)
        self.assertEqual(response.status_code, 200, response.text)
        body = response.json()
        self.assertEqual(body["report_due"], "2026-11-13")
        self.assertEqual(body["cutoff_date"], "2026-10-31")
        self.assertIn(body["report_status"], ("pending", "overdue"))

    def test_anonymous_sees_no_round(self):
        response = self.call("GET", self.round_url, user=None)
        self.assertEqual(response.status_code, 401, response.text)


class TestImport(ServiceTestCase):
    def valid_rows(self):
        return [
            {
                "project_code": "A-001",
                "budget_amount": 1000000,
                "executed_amount": "599,900",
                "indicators": [
                    {
                        "indicator": "指标 1",
                        "actual_value": 12,
                        "on_track": False,
                        "deviation_cause": "施工延期",
                        "corrective_measure": "加快进度",
                    }
                ],
            },
            {
                "project": self.uids["b1"],
                "budget_amount": "2000000.00",
                "executed_amount": "1500000",
                "problems": "资金挪用",
                "severity": "serious",
            },
            {"project_code": "W-001", "budget_amount": 500, "executed_amount": 300},
        ]

    def test_valid_batch_creates_the_records(self):
        response = self.import_rows(self.valid_rows())
        self.assertEqual(response.status_code, 200, response.text)
        body = response.json()
        self.assertEqual(body["created"], 3)
        self.assertEqual(body["updated"], 0)
        self.assertEqual(body["skipped"], [])
        first, second, third = body["items"]
        self.assertEqual(first["row"], 1)
        self.assertEqual(first["action"], "created")
        self.assertEqual(first["project"], self.uids["a1"])
        self.assertEqual(first["execution_rate"], "59.99")
        self.assertEqual(first["flags"], ["below_target"])
        self.assertEqual(first["review_state"], "draft")
        self.assertEqual(second["execution_rate"], "75.00")
        self.assertEqual(second["flags"], ["suspension"])
        self.assertEqual(third["execution_rate"], "60.00")
        self.assertEqual(third["flags"], [])
        records = self.records()
        self.assertEqual(sorted(records), ["A-001", "B-001", "W-001"])
        record = records["A-001"].getObject()
        progress = record.indicator_progress
        self.assertEqual(len(progress), 1)
        self.assertEqual(progress[0]["title"], "指标 1")
        self.assertEqual(progress[0]["actual_value"], "12")
        self.assertFalse(progress[0]["on_track"])
        self.assertEqual(
            progress[0]["indicator"],
            api.content.get_uuid(self.projects["a1"]["indicator-1"]),
        )
        # the record over plain REST: rate and flags are data
        body = self.call("GET", records["B-001"].getURL()).json()
        self.assertEqual(body["execution_rate"], "75.00")
        self.assertEqual(body["flags"], ["suspension"])
        self.assertEqual(body["severity"]["token"], "serious")
        self.assertEqual(body["jurisdiction"], "shibenji")
        self.assertEqual(body["budget_unit"], "unit-b")

    def test_one_bad_row_writes_nothing(self):
        rows = self.valid_rows()
        rows.append(
            {"project_code": "A-002", "budget_amount": 100, "executed_amount": -5}
        )
        rows.append(
            {"project_code": "A-999", "budget_amount": 100, "executed_amount": 5}
        )
        rows.append({"project_code": "NOPE", "budget_amount": "x"})
        response = self.import_rows(rows)
        self.assertEqual(response.status_code, 400, response.text)
        error = response.json()["error"]
        self.assertEqual(error["type"], "BadRequest")
        self.assertIn("3 of the 6 rows", error["message"])
        found = {(item["row"], item["field"], item["code"]) for item in error["errors"]}
        self.assertEqual(
            found,
            {
                (4, "executed_amount", "monitoring_amount_negative"),
                (5, "project_code", "monitoring_project_not_approved"),
                (6, "budget_amount", "monitoring_amount_not_a_number"),
                (6, "executed_amount", "monitoring_amount_required"),
            },
        )
        self.assertEqual(self.records(), {})

    def test_unknown_project_and_indicator(self):
        rows = [
            {"project": "not-a-uid", "budget_amount": 1, "executed_amount": 1},
            {
                "project_code": "A-001",
                "budget_amount": 1,
                "executed_amount": 1,
                "indicators": [{"indicator": "不存在"}],
            },
            {"project_code": "A-001", "budget_amount": 1, "executed_amount": 1},
            {"project": self.uids["a1"], "budget_amount": 1, "executed_amount": 1},
        ]
        response = self.import_rows(rows, language="zh-cn")
        self.assertEqual(response.status_code, 400, response.text)
        errors = response.json()["error"]["errors"]
        self.assertEqual(
            [(item["row"], item["code"]) for item in errors],
            [
                (1, "monitoring_project_unknown"),
                (2, "monitoring_indicator_unknown"),
                (3, "monitoring_row_duplicate"),
                (4, "monitoring_row_duplicate"),
            ],
        )
        self.assertEqual(errors[1]["field"], "indicators[0].indicator")
        self.assertEqual(self.records(), {})

    def test_resent_batch_updates_never_duplicates(self):
        self.assertEqual(self.import_rows(self.valid_rows()).status_code, 200)
        rows = self.valid_rows()
        rows[0]["executed_amount"] = 700000
        rows[0]["indicators"] = [
            {"indicator": "指标 1", "on_track": True},
            {"indicator": "指标 2", "actual_value": "8"},
        ]
        response = self.import_rows(rows)
        self.assertEqual(response.status_code, 200, response.text)
        body = response.json()
        self.assertEqual((body["created"], body["updated"]), (0, 3))
        self.assertEqual(body["items"][0]["execution_rate"], "70.00")
        self.assertEqual(body["items"][0]["flags"], [])
        records = self.records()
        self.assertEqual(len(records), 3)
        progress = records["A-001"].getObject().indicator_progress
        self.assertEqual([row["title"] for row in progress], ["指标 1", "指标 2"])
        self.assertTrue(progress[0]["on_track"])
        # kept from the first batch
        self.assertEqual(progress[0]["deviation_cause"], "施工延期")
        self.assertEqual(records["A-001"].monitoring_flags, [])
        # a record created by @monitoring-prepare is updated, not doubled
        self.call("POST", f"{self.round_url}/@monitoring-prepare")
        self.assertEqual(len(self.records()), 4)
        self.import_rows(
            [{"project_code": "A-002", "budget_amount": 1, "executed_amount": 1}]
        )
        self.assertEqual(len(self.records()), 4)

    def test_a_thousand_rows(self):
        rows = [
            {"project_code": "A-001", "budget_amount": 100, "executed_amount": 1}
        ] + [
            {"project_code": f"X-{number}", "budget_amount": 1, "executed_amount": 1}
            for number in range(999)
        ]
        response = self.import_rows(rows)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(len(response.json()["error"]["errors"]), 999)
        self.assertEqual(self.records(), {})

    def test_units_cannot_import(self):
        response = self.import_rows(self.valid_rows(), user=UNIT_A_USER)
        self.assertEqual(response.status_code, 401, response.text)
        self.assertEqual(self.records(), {})

    def test_body_without_rows(self):
        response = self.call(
            "POST", f"{self.round_url}/@monitoring-import", json={"x": 1}
        )
        self.assertEqual(response.status_code, 400, response.text)


class TestSummaryAndProjectRecords(ServiceTestCase):
    def setUp(self):
        super().setUp()
        rows = [
            {"project_code": "A-001", "budget_amount": 1000, "executed_amount": 500},
            {"project_code": "A-002", "budget_amount": 1000, "executed_amount": 900},
            {
                "project_code": "B-001",
                "budget_amount": 2000,
                "executed_amount": 1300,
                "severity": "serious",
            },
            {"project_code": "W-001", "budget_amount": 1000, "executed_amount": 100},
        ]
        self.assertEqual(self.import_rows(rows).status_code, 200)
        self.import_rows(
            [{"project_code": "A-001", "budget_amount": 10, "executed_amount": 9}],
            url=self.rounds[1].absolute_url(),
        )

    def test_office_summary(self):
        response = self.call("GET", f"{self.round_url}/@monitoring-summary")
        self.assertEqual(response.status_code, 200, response.text)
        body = response.json()
        self.assertEqual(body["round"]["report_due"], "2026-11-13")
        self.assertEqual(body["items_total"], 4)
        counts = body["counts"]
        self.assertEqual(counts["total"], 4)
        self.assertEqual(counts["meeting_target"], 2)
        self.assertEqual(counts["below_target"], 2)
        self.assertEqual(counts["suspension"], 1)
        self.assertEqual(counts["by_state"], {"draft": 4})
        self.assertEqual(body["share_meeting_target"], "50.00")
        by_jurisdiction = {g["jurisdiction"]: g for g in body["by_jurisdiction"]}
        # 市本级: (500 + 900 + 1300) / 4000
        self.assertEqual(by_jurisdiction["shibenji"]["execution_rate"], "67.50")
        self.assertEqual(by_jurisdiction["wuling"]["execution_rate"], "10.00")
        self.assertEqual(by_jurisdiction["wuling"]["below_target"], 1)

    def test_filters_and_sorting(self):
        url = f"{self.round_url}/@monitoring-summary"
        body = self.call("GET", url, params={"flag": "below_target"}).json()
        self.assertEqual(
            sorted(item["project_code"] for item in body["items"]), ["A-001", "W-001"]
        )
        body = self.call("GET", url, params={"jurisdiction": "wuling"}).json()
        self.assertEqual([item["project_code"] for item in body["items"]], ["W-001"])
        body = self.call("GET", url, params={"budget_unit": "unit-a"}).json()
        self.assertEqual(len(body["items"]), 2)
        body = self.call(
            "GET", url, params={"sort_on": "execution_rate", "sort_order": "reverse"}
        ).json()
        self.assertEqual(
            [item["execution_rate"] for item in body["items"]],
            ["90.00", "65.00", "50.00", "10.00"],
        )

    def test_unknown_query_values_are_400(self):
        url = f"{self.round_url}/@monitoring-summary"
        for params, field in (
            ({"flag": "nope"}, "flag"),
            ({"sort_on": "bogus"}, "sort_on"),
            ({"severity": "awful"}, "severity"),
            ({"sort_order": "sideways"}, "sort_order"),
        ):
            response = self.call("GET", url, params=params)
            self.assertEqual(response.status_code, 400, response.text)
            errors = response.json()["error"]["errors"]
            self.assertEqual([e["field"] for e in errors], [field])
            self.assertEqual(errors[0]["code"], "monitoring_query_value_unknown")

    def test_over_budget_flag(self):
        self.import_rows(
            [{"project_code": "A-002", "budget_amount": 1000, "executed_amount": 1200}]
        )
        url = f"{self.round_url}/@monitoring-summary"
        body = self.call("GET", url, params={"flag": "over_budget"}).json()
        self.assertEqual([item["project_code"] for item in body["items"]], ["A-002"])
        self.assertEqual(body["items"][0]["flags"], ["over_budget"])
        self.assertEqual(body["counts"]["over_budget"], 1)

    def test_catalog_search_of_flags_over_rest(self):
        response = self.call(
            "GET",
            f"{self.portal_url}/@search",
            params={
                "portal_type": "MonitoringRecord",
                "monitoring_flags": "suspension",
                "metadata_fields": ["project_code", "monitoring_flags"],
            },
        )
        self.assertEqual(response.status_code, 200, response.text)
        items = response.json()["items"]
        self.assertEqual([item["project_code"] for item in items], ["B-001"])
        self.assertEqual(items[0]["monitoring_flags"], ["suspension"])

    def test_project_records_across_rounds(self):
        url = f"{self.projects['a1'].absolute_url()}/@monitoring-records"
        response = self.call("GET", url, user=UNIT_A_USER)
        self.assertEqual(response.status_code, 200, response.text)
        items = response.json()["items"]
        self.assertEqual([item["round_number"] for item in items], [2, 1])
        self.assertEqual([item["execution_rate"] for item in items], ["90.00", "50.00"])
        self.assertEqual(items[1]["flags"], ["below_target"])
