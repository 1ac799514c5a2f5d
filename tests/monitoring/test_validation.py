"""The rules on REST input of records and rounds (functional, real HTTP): a
record keeps its project, indicator progress and focus answers follow the
rules, a year has one round of each number; refused requests answer 400 with
field errors and write nothing. Edits go into the record's change log."""

import unittest

import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from tests.monitoring.base import set_up_city

from changde.perfmgmt.core.relations import target_uid
from changde.perfmgmt.monitoring.rounds import prepare_records
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import RestClient

ADMIN = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)


class RestCase(RestClient, unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
    rest_user = UNIT_A_USER
    rest_language = "en"

    def setUp(self):
        self.portal = self.layer["portal"]
        self.city, self.projects, self.rounds = set_up_city(self.portal)
        self.round = self.rounds[0]
        records = prepare_records(self.round)
        self.records = {record.project_code: record for record in records}
        self.a1 = self.records["A-001"]
        self.url = self.a1.absolute_url()
        self.uids = {
            key: api.content.get_uuid(project) for key, project in self.projects.items()
        }
        self.indicator = api.content.get_uuid(self.projects["a1"]["indicator-1"])
        transaction.commit()

    def errors(self, response):
        self.assertEqual(response.status_code, 400, response.text)
        error = response.json()["error"]
        self.assertEqual(error["type"], "BadRequest")
        return {(item["field"], item["code"]) for item in error["errors"]}

    def fresh(self, obj):
        transaction.begin()
        return self.portal.unrestrictedTraverse("/".join(obj.getPhysicalPath()))


class TestRecordProject(RestCase):
    def test_a_unit_cannot_repoint_its_record(self):
        roles_before = dict(self.a1.get_local_roles())
        response = self.call("PATCH", self.url, json={"project": self.uids["b1"]})
        self.assertEqual(
            self.errors(response), {("project", "monitoring_record_project_fixed")}
        )
        record = self.fresh(self.a1)
        self.assertEqual(target_uid(record.project), self.uids["a1"])
        self.assertEqual(record.budget_unit, "unit-a")
        self.assertEqual(dict(record.get_local_roles()), roles_before)

    def test_nobody_repoints_a_record_and_nothing_else_is_written(self):
        for user in (OFFICE_USER, ADMIN):
            response = self.call(
                "PATCH",
                self.url,
                user=user,
                json={"project": self.uids["b1"], "executed_amount": "5"},
            )
            self.assertIn(
                ("project", "monitoring_record_project_fixed"), self.errors(response)
            )
        record = self.fresh(self.a1)
        self.assertEqual(target_uid(record.project), self.uids["a1"])
        self.assertIsNone(record.executed_amount)

    def test_the_same_project_may_be_sent_back(self):
        # a client sending the whole record back is not refused
        response = self.call(
            "PATCH",
            self.url,
            json={"project": self.uids["a1"], "executed_amount": "500000"},
        )
        self.assertEqual(response.status_code, 204, response.text)
        self.assertEqual(self.fresh(self.a1).execution_rate, 50)

    def test_records_are_not_created_one_by_one(self):
        body = {
            "@type": "MonitoringRecord",
            "id": "extra",
            "project": self.uids["a-draft"],
        }
        response = self.call(
            "POST", self.round.absolute_url(), user=OFFICE_USER, json=body
        )
        self.assertEqual(
            self.errors(response),
            {("project", "monitoring_record_created_by_services")},
        )
        transaction.begin()
        self.assertNotIn("extra", self.round)
        response = self.call("POST", self.round.absolute_url(), json=body)
        self.assertIn(response.status_code, (401, 403), response.text)


class TestRecordValues(RestCase):
    def test_unknown_indicator_refused(self):
        response = self.call(
            "PATCH",
            self.url,
            json={
                "executed_amount": "1",
                "indicator_progress": [{"indicator": "nope", "on_track": True}],
            },
        )
        self.assertEqual(
            self.errors(response),
            {("indicator_progress[0].indicator", "monitoring_indicator_unknown")},
        )
        record = self.fresh(self.a1)
        self.assertEqual(record.indicator_progress, [])
        self.assertIsNone(record.executed_amount)

    def test_off_track_needs_a_cause(self):
        response = self.call(
            "PATCH",
            self.url,
            language="zh-cn",
            json={
                "indicator_progress": [
                    {"indicator": self.indicator, "on_track": False},
                    {"indicator": self.indicator, "on_track": True},
                ]
            },
        )
        self.assertEqual(
            self.errors(response),
            {
                (
                    "indicator_progress[0].deviation_cause",
                    "monitoring_progress_cause_required",
                ),
                (
                    "indicator_progress[1].indicator",
                    "monitoring_progress_indicator_twice",
                ),
            },
        )
        self.assertIn("偏", response.json()["error"]["errors"][0]["message"])
        self.assertEqual(self.fresh(self.a1).indicator_progress, [])

    def test_valid_progress_is_saved_and_logged(self):
        response = self.call(
            "PATCH",
            self.url,
            json={
                "executed_amount": "700000",
                "indicator_progress": [
                    {
                        "indicator": self.indicator,
                        "actual_value": "12",
                        "on_track": False,
                        "deviation_cause": "施工延期",
                    }
                ],
            },
        )
        self.assertEqual(response.status_code, 204, response.text)
        body = self.call("GET", self.url).json()
        self.assertEqual(body["indicator_progress"][0]["actual_value"], "12")
        entry = body["change_log"][-1]
        self.assertEqual(entry["actor"], UNIT_A_USER)
        self.assertEqual(entry["source"], "edit")
        self.assertEqual(
            sorted(change["field"] for change in entry["changes"]),
            ["executed_amount", "indicator_progress"],
        )
        executed = [c for c in entry["changes"] if c["field"] == "executed_amount"]
        self.assertEqual(executed[0]["after"], "700000")
        self.assertTrue(entry["date"].endswith("+08:00"))

    def test_focus_answers_follow_the_round(self):
        # round 1's focus: soundness, fund_safety
        response = self.call(
            "PATCH",
            self.url,
            json={"focus_answers": {"soundness": "合理", "completeness": "完整"}},
        )
        self.assertEqual(
            self.errors(response),
            {("focus_answers.completeness", "monitoring_focus_not_in_round")},
        )
        self.assertEqual(self.fresh(self.a1).focus_answers, {})
        response = self.call(
            "PATCH", self.url, json={"focus_answers": {"soundness": "合理"}}
        )
        self.assertEqual(response.status_code, 204, response.text)
        self.assertEqual(self.fresh(self.a1).focus_answers, {"soundness": "合理"})


class TestRoundNumbers(RestCase):
    def test_a_second_round_with_the_same_number_is_refused(self):
        folder_url = f"{self.portal.absolute_url()}/monitoring"
        body = {
            "@type": "MonitoringRound",
            "id": "again",
            "year": 2026,
            "round_number": 1,
            "cutoff_date": "2026-06-30",
            "target_rate": "30",
        }
        response = self.call("POST", folder_url, user=OFFICE_USER, json=body)
        self.assertEqual(
            self.errors(response), {("round_number", "monitoring_round_duplicate")}
        )
        transaction.begin()
        self.assertNotIn("again", self.portal["monitoring"])
        # round 3 of 2026 is new
        body["round_number"] = 3
        response = self.call("POST", folder_url, user=OFFICE_USER, json=body)
        self.assertEqual(response.status_code, 201, response.text)

    def test_renumbering_onto_another_round_is_refused(self):
        url = self.rounds[1].absolute_url()
        response = self.call("PATCH", url, user=OFFICE_USER, json={"round_number": 1})
        self.assertEqual(
            self.errors(response), {("round_number", "monitoring_round_duplicate")}
        )
        self.assertEqual(self.fresh(self.rounds[1]).round_number, 2)
        response = self.call("PATCH", url, user=OFFICE_USER, json={"year": 2027})
        self.assertEqual(response.status_code, 204, response.text)
        # other changes are not checked against the others
        response = self.call(
            "PATCH", url, user=OFFICE_USER, json={"reported_on": "2027-01-10"}
        )
        self.assertEqual(response.status_code, 204, response.text)
