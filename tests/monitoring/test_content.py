"""Monitoring rounds and records as content: creating a year's rounds, due
dates on the working-day calendar, records' rate, flags, tenancy, catalog."""

import unittest
from datetime import date
from decimal import Decimal

from plone import api
from tests.monitoring.base import set_up_city

from changde.perfmgmt.core.relations import relation_to
from changde.perfmgmt.monitoring.rounds import create_year_rounds
from changde.perfmgmt.monitoring.rounds import monitoring_folder
from changde.perfmgmt.monitoring.rounds import prepare_records
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING


class TestRounds(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.city, self.projects, self.rounds = set_up_city(self.portal)

    def test_profile_creates_the_folder(self):
        folder = monitoring_folder(self.portal, create=False)
        self.assertIsNotNone(folder)
        self.assertEqual(folder.portal_type, "MonitoringFolder")

    def test_year_rounds_are_the_plans_defaults(self):
        first, second = self.rounds
        self.assertEqual(first.getId(), "2026-1")
        self.assertEqual(first.Title(), "2026年第1轮运行监控")
        self.assertEqual(first.cutoff_date, date(2026, 10, 31))
        self.assertEqual(first.target_rate, Decimal("60"))
        self.assertEqual(first.focus, ["soundness", "fund_safety"])
        self.assertEqual(second.cutoff_date, date(2026, 12, 31))
        self.assertEqual(second.target_rate, Decimal("85"))
        self.assertEqual(
            second.focus, ["compliance", "timeliness", "effectiveness", "completeness"]
        )

    def test_creating_again_creates_nothing(self):
        created, existing = create_year_rounds(2026)
        self.assertEqual(created, [])
        self.assertEqual([obj.getId() for obj in existing], ["2026-1", "2026-2"])

    def test_report_due_october_2026(self):
        # November 2026 has no holiday: the 10th working day is Friday Nov 13.
        self.assertEqual(self.rounds[0].report_due, date(2026, 11, 13))

    def test_report_due_december_round_new_year(self):
        # December 2025 reports in January 2026: Jan 1-3 off, Sunday Jan 4
        # worked: due Thursday 2026-01-15.
        created, _ = create_year_rounds(2025)
        self.assertEqual(created[1].report_due, date(2026, 1, 15))

    def test_report_due_unknown_year_falls_back(self):
        # January 2027 is unknown to chinese-calendar: Monday-Friday.
        self.assertEqual(self.rounds[1].report_due, date(2027, 1, 14))
        # ... plus the office's entries in the core settings
        api.portal.set_registry_record(
            "changde.perfmgmt.core.extra_holidays", [date(2027, 1, 1)]
        )
        self.assertEqual(self.rounds[1].report_due, date(2027, 1, 15))
        created, _ = create_year_rounds(2030)
        self.assertEqual(created[0].report_due, date(2030, 11, 14))

    def test_report_working_days_setting(self):
        api.portal.set_registry_record(
            "changde.perfmgmt.monitoring.report_working_days", 1
        )
        self.assertEqual(self.rounds[0].report_due, date(2026, 11, 2))

    def test_report_status(self):
        first = self.rounds[0]
        created, _ = create_year_rounds(2025)
        old = created[0]
        self.assertEqual(old.report_status, "overdue")
        self.assertTrue(old.overdue)
        old.reported_on = date(2025, 11, 14)
        self.assertEqual(old.report_status, "reported")
        old.reported_on = date(2025, 11, 20)
        self.assertEqual(old.report_status, "reported_late")
        self.assertIn(first.report_status, ("pending", "overdue"))

    def test_round_defaults_setting(self):
        api.portal.set_registry_record(
            "changde.perfmgmt.monitoring.default_rounds",
            [
                "1|06-30|30|soundness",
                "2|10-31|60|soundness,fund_safety",
                "3|12-31|90|completeness",
            ],
        )
        created, _ = create_year_rounds(2027)
        self.assertEqual(
            [(obj.round_number, obj.cutoff_date, obj.target_rate) for obj in created],
            [
                (1, date(2027, 6, 30), Decimal("30")),
                (2, date(2027, 10, 31), Decimal("60")),
                (3, date(2027, 12, 31), Decimal("90")),
            ],
        )

    def test_bad_round_defaults_fall_back_to_the_plan(self):
        api.portal.set_registry_record(
            "changde.perfmgmt.monitoring.default_rounds", ["1|13-45|x|nope"]
        )
        created, _ = create_year_rounds(2028)
        self.assertEqual([obj.round_number for obj in created], [1, 2])


class TestRecords(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.city, self.projects, self.rounds = set_up_city(self.portal)
        self.round = self.rounds[0]

    def record(self, key, **values):
        uid = api.content.get_uuid(self.projects[key])
        return api.content.create(
            container=self.round,
            type="MonitoringRecord",
            id=uid,
            project=relation_to(uid),
            **values,
        )

    def find(self, **query):
        return sorted(
            brain.project_code
            for brain in api.content.find(portal_type="MonitoringRecord", **query)
        )

    def test_record_copies_the_projects_tenancy(self):
        record = self.record("a1", budget_amount=Decimal(100))
        self.assertEqual(record.Title(), "义务教育均衡发展专项")
        self.assertEqual(record.project_code, "A-001")
        self.assertEqual(record.jurisdiction, "shibenji")
        self.assertEqual(record.budget_unit, "unit-a")
        roles = dict(record.get_local_roles())
        self.assertEqual(
            sorted(roles[self.city["unit_a"].staff_group]), ["Editor", "Reader"]
        )
        self.assertEqual(
            sorted(roles[self.city["municipal"].staff_group]), ["Editor", "Reader"]
        )

    def test_rate_and_flags(self):
        record = self.record(
            "a1", budget_amount=Decimal(1000), executed_amount=Decimal("599.9")
        )
        self.assertEqual(record.execution_rate, Decimal("59.99"))
        self.assertEqual(record.flags, ["below_target"])
        record.executed_amount = Decimal(600)
        self.assertEqual(record.execution_rate, Decimal("60.00"))
        self.assertEqual(record.flags, [])
        record.severity = "serious"
        self.assertEqual(record.flags, ["suspension"])
        record.budget_amount = Decimal(0)
        self.assertIsNone(record.execution_rate)
        self.assertEqual(record.flags, ["suspension"])

    def test_catalog_queries_flags_and_tenancy(self):
        self.record("a1", budget_amount=1000, executed_amount=100)
        self.record("a2", budget_amount=1000, executed_amount=900, severity="serious")
        self.record("b1", budget_amount=1000, executed_amount=700)
        self.record("w1", budget_amount=1000, executed_amount=200, severity="minor")
        self.assertEqual(self.find(monitoring_flags="below_target"), ["A-001", "W-001"])
        self.assertEqual(self.find(monitoring_flags="suspension"), ["A-002"])
        self.assertEqual(self.find(jurisdiction="wuling"), ["W-001"])
        self.assertEqual(self.find(budget_unit="unit-a"), ["A-001", "A-002"])
        self.assertEqual(self.find(severity="minor"), ["W-001"])
        self.assertEqual(
            self.find(execution_rate={"query": 60, "range": "min"}),
            ["A-002", "B-001"],
        )
        self.assertEqual(self.find(year=2026, round_number=1), sorted(self.find()))
        uid = api.content.get_uuid(self.projects["b1"])
        self.assertEqual(self.find(project_uid=uid), ["B-001"])
        self.assertEqual(
            len(self.find(monitoring_round=api.content.get_uuid(self.round))), 4
        )

    def test_new_target_reindexes_the_flags(self):
        from zope.event import notify
        from zope.lifecycleevent import ObjectModifiedEvent

        self.record("b1", budget_amount=1000, executed_amount=700)
        self.assertEqual(self.find(monitoring_flags="below_target"), [])
        self.round.target_rate = Decimal(75)
        notify(ObjectModifiedEvent(self.round))
        self.assertEqual(self.find(monitoring_flags="below_target"), ["B-001"])

    def test_prepare_records_for_approved_projects_once(self):
        created = prepare_records(self.round)
        self.assertEqual(
            sorted(record.project_code for record in created),
            ["A-001", "A-002", "B-001", "W-001"],
        )
        self.assertEqual(created[0].budget_amount, Decimal("1000000"))
        self.assertEqual(prepare_records(self.round), [])


class TestRoundChangesReachRecords(unittest.TestCase):
    """Only a new target, year or number reindexes records, and a new target
    only those whose flags change."""

    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.city, self.projects, self.rounds = set_up_city(self.portal)
        self.round = self.rounds[0]
        for key, executed in (("a1", 500), ("a2", 700), ("b1", 900)):
            uid = api.content.get_uuid(self.projects[key])
            api.content.create(
                container=self.round,
                type="MonitoringRecord",
                id=uid,
                project=relation_to(uid),
                budget_amount=Decimal(1000),
                executed_amount=Decimal(executed),
            )

    def modify(self, *names):
        from unittest import mock

        from zope.event import notify
        from zope.lifecycleevent import Attributes
        from zope.lifecycleevent import ObjectModifiedEvent

        from changde.perfmgmt.monitoring.content.monitoring_record import (
            MonitoringRecord,
        )
        from changde.perfmgmt.monitoring.content.monitoring_round import (
            IMonitoringRound,
        )

        original = MonitoringRecord.reindexObject
        reindexed = []

        def spy(obj, idxs=None):
            reindexed.append((obj.project_code, tuple(idxs or ())))
            return original(obj, idxs=idxs or [])

        with mock.patch.object(MonitoringRecord, "reindexObject", spy):
            notify(
                ObjectModifiedEvent(self.round, Attributes(IMonitoringRound, *names))
            )
        return reindexed

    def find(self, **query):
        return sorted(
            brain.project_code
            for brain in api.content.find(portal_type="MonitoringRecord", **query)
        )

    def test_report_date_and_title_touch_no_record(self):
        self.round.reported_on = date(2026, 11, 10)
        self.round.title = "改名的轮次"
        self.assertEqual(self.modify("reported_on", "title"), [])

    def test_new_target_reindexes_the_records_whose_flags_change(self):
        self.assertEqual(self.find(monitoring_flags="below_target"), ["A-001"])
        self.round.target_rate = Decimal(75)
        reindexed = self.modify("target_rate")
        self.assertEqual(reindexed, [("A-002", ("monitoring_flags",))])
        self.assertEqual(self.find(monitoring_flags="below_target"), ["A-001", "A-002"])
        # the same target again: nothing to do
        self.assertEqual(self.modify("target_rate"), [])

    def test_new_number_reindexes_every_record(self):
        self.round.round_number = 5
        reindexed = self.modify("round_number")
        self.assertEqual(
            sorted(reindexed),
            [(code, ("round_number",)) for code in ("A-001", "A-002", "B-001")],
        )
        self.assertEqual(len(self.find(round_number=5)), 3)


class TestFlagsAndListings(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.city, self.projects, self.rounds = set_up_city(self.portal)

    def test_over_budget_is_a_flag_of_the_catalog(self):
        uid = api.content.get_uuid(self.projects["a1"])
        record = api.content.create(
            container=self.rounds[0],
            type="MonitoringRecord",
            id=uid,
            project=relation_to(uid),
            budget_amount=Decimal(100),
            executed_amount=Decimal("100.01"),
        )
        self.assertEqual(record.flags, ["over_budget"])
        brains = api.content.find(
            portal_type="MonitoringRecord", monitoring_flags="over_budget"
        )
        self.assertEqual([brain.UID for brain in brains], [record.UID()])
        record.executed_amount = Decimal(100)
        self.assertEqual(record.flags, [])

    def test_rounds_are_listed_as_the_user_may_see_them(self):
        from plone.app.testing import logout

        from changde.perfmgmt.monitoring.rounds import rounds_in

        folder = monitoring_folder(self.portal)
        self.assertEqual(len(rounds_in(folder)), 2)
        logout()
        self.assertEqual(rounds_in(folder), [])
