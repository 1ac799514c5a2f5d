"""Workflows: the key evaluation from draft to published, rectification items,
negative-list entries, and the declaration gate reading the negative list."""

import unittest

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.testing import setRoles
from Products.CMFCore.WorkflowCore import WorkflowException
from tests.evaluation.base import create_report
from tests.evaluation.base import do
from tests.evaluation.base import set_up_city

from changde.perfmgmt.core.relations import relation_to
from changde.perfmgmt.core.relations import set_relation
from changde.perfmgmt.declaration import gates
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import create_project


def install_mock_mailhost(portal):
    from plone.app.testing.utils import MockMailHost
    from Products.MailHost.interfaces import IMailHost
    from zope.component import getSiteManager

    api.portal.set_registry_record("plone.email_from_address", "noreply@example.org")
    portal._original_MailHost = portal.MailHost
    portal.MailHost = mailhost = MockMailHost("MailHost")
    manager = getSiteManager(context=portal)
    manager.unregisterUtility(provided=IMailHost)
    manager.registerUtility(mailhost, provided=IMailHost)
    return mailhost


def remove_mock_mailhost(portal):
    from Acquisition import aq_base
    from Products.MailHost.interfaces import IMailHost
    from zope.component import getSiteManager

    portal.MailHost = portal._original_MailHost
    del portal._original_MailHost
    manager = getSiteManager(context=portal)
    manager.unregisterUtility(provided=IMailHost)
    manager.registerUtility(aq_base(portal.MailHost), provided=IMailHost)


class TestReportWorkflow(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.city, self.projects, self.members = set_up_city(self.portal)
        self.mailhost = install_mock_mailhost(self.portal)

    def tearDown(self):
        remove_mock_mailhost(self.portal)

    def test_submit_needs_a_score(self):
        report = create_report(self.projects["a1"], score=None)
        with self.assertRaises(WorkflowException) as raised:
            do(report, "submit")
        self.assertIn("评分", str(raised.exception))

    def test_unit_overall_needs_a_unit(self):
        report = create_report(None, kind="unit_overall", year=2026)
        with self.assertRaises(WorkflowException) as raised:
            do(report, "submit")
        self.assertIn("被评价单位", str(raised.exception))
        set_relation(report, "unit", self.city["unit_a"])
        do(report, "submit")

    def test_feed_back_opens_items_and_notifies_the_unit(self):
        report = create_report(self.projects["a1"])
        item = api.content.create(
            container=report, type="RectificationItem", id="i1", problem="问题"
        )
        do(report, "submit", "approve", "feed_back")
        self.assertEqual(api.content.get_state(item), "open")
        notice = report.notifications[-1]
        self.assertEqual(notice["recipients"], ["unit-a-staff@example.org"])
        self.assertTrue(notice["emailed"])
        self.assertEqual(notice["items"], 1)
        self.assertEqual(len(self.mailhost.messages), 1)
        self.assertIn(b"unit-a-staff@example.org", self.mailhost.messages[0])
        do(report, "publish")
        self.assertEqual(api.content.get_state(report), "published")

    def test_only_the_office_approves(self):
        report = create_report(self.projects["a1"], kind="self")
        login(self.portal, UNIT_A_USER)
        do(report, "submit")
        with self.assertRaises(WorkflowException):
            do(report, "approve")
        login(self.portal, OFFICE_USER)
        do(report, "approve")

    def test_item_cycle(self):
        report = create_report(self.projects["a1"])
        item = api.content.create(
            container=report, type="RectificationItem", id="i1", problem="问题"
        )
        do(report, "submit", "approve", "feed_back")
        login(self.portal, UNIT_A_USER)
        with self.assertRaises(WorkflowException) as raised:
            do(item, "submit")
        self.assertIn("整改措施", str(raised.exception))
        item.measures = "已整改"
        do(item, "submit")
        with self.assertRaises(WorkflowException):
            do(item, "accept")
        login(self.portal, OFFICE_USER)
        do(item, "reopen", comment="佐证不足")
        self.assertEqual(api.content.get_state(item), "reopened")
        login(self.portal, UNIT_A_USER)
        do(item, "submit")
        login(self.portal, OFFICE_USER)
        do(item, "accept")
        self.assertEqual(api.content.get_state(item), "accepted")


class TestNegativeListGate(unittest.TestCase):
    """A project (or unit) on the negative list cannot be submitted next year."""

    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.city, self.projects, self.members = set_up_city(self.portal)
        # tests/declaration/test_workflow.py registers a fake source and
        # unregisters it on tear-down, which leaves none: register ours again
        # (the ZCML registration the site uses).
        from zope.component import getGlobalSiteManager

        from changde.perfmgmt.declaration.interfaces import INegativeListSource
        from changde.perfmgmt.evaluation.negative_list import negative_list_source

        getGlobalSiteManager().registerUtility(
            negative_list_source, INegativeListSource
        )

    def entry(self, target, reason="execution_below_standard", **fields):
        entry = api.content.create(
            container=self.portal["negative-list"],
            type="NegativeListEntry",
            id=f"entry-{target.getId()}",
            target=relation_to(target),
            reason=reason,
            year=2026,
            **fields,
        )
        return entry

    def next_year(self, unit="unit_a", id="next", code="A-001"):
        return create_project(
            self.city[unit], id=id, indicators=2, project_code=code, year=2027
        )

    def test_listed_project_is_refused_next_year_with_the_reason(self):
        entry = self.entry(self.projects["a1"], reason_detail="两年执行率低于70%")
        project = self.next_year()
        # proposed only: not yet on the list
        do(entry, "confirm")
        with self.assertRaises(WorkflowException) as raised:
            do(project, "submit")
        message = str(raised.exception)
        self.assertIn("负面清单", message)
        self.assertIn("执行率不达标", message)
        self.assertIn("两年执行率低于70%", message)
        self.assertEqual(api.content.get_state(project), "draft")

    def test_proposed_entry_does_not_refuse(self):
        self.entry(self.projects["a1"])
        project = self.next_year()
        do(project, "submit")
        self.assertEqual(api.content.get_state(project), "submitted")

    def test_same_year_is_not_refused(self):
        # an entry of 2026 refuses the declarations of later years only
        do(self.entry(self.projects["a1"]), "confirm")
        project = create_project(
            self.city["unit_a"], id="same", indicators=2, project_code="A-001"
        )
        self.assertEqual(project.year, 2026)
        self.assertNotIn(
            "gate_negative_list_project",
            [violation.code for violation in gates.submission_violations(project)],
        )
        do(project, "submit")
        self.assertEqual(api.content.get_state(project), "submitted")

    def test_listed_unit_refuses_all_its_projects(self):
        do(self.entry(self.city["unit_b"], reason="incomplete_systems"), "confirm")
        project = self.next_year(unit="unit_b", code="B-777")
        with self.assertRaises(WorkflowException) as raised:
            do(project, "submit")
        self.assertIn("制度不健全", str(raised.exception))
        other = self.next_year(unit="unit_a", id="other", code="A-777")
        do(other, "submit")

    def test_released_entry_no_longer_refuses(self):
        entry = do(self.entry(self.projects["a1"]), "confirm")
        login(self.portal, OFFICE_USER)
        with self.assertRaises(WorkflowException):
            do(entry, "release")
        do(entry, "release", comment="已整改到位")
        self.assertEqual(entry.released_by, OFFICE_USER)
        self.assertEqual(entry.release_reason, "已整改到位")
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        login(self.portal, "test-user")
        project = self.next_year()
        do(project, "submit")

    def test_anonymous_and_other_units_do_not_see_entries(self):
        entry = do(self.entry(self.projects["a1"]), "confirm")
        logout()
        self.assertFalse(api.content.find(portal_type="NegativeListEntry"))
        login(self.portal, "unit-b-staff")
        self.assertFalse(api.content.find(portal_type="NegativeListEntry"))
        login(self.portal, UNIT_A_USER)
        self.assertEqual(
            [b.UID for b in api.content.find(portal_type="NegativeListEntry")],
            [entry.UID()],
        )
