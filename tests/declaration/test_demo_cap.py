"""The demo shows the municipal cap on special funds at work: the reviewed
special fund waiting for approval says how many are approved and what its
approval makes, and so does the coverage page (integration)."""

import unittest

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import applyProfile
from plone.app.testing import setRoles

from changde.perfmgmt.declaration import gates
from changde.perfmgmt.declaration.coverage import coverage_of
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING


class TestDemoCap(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.request = self.layer["request"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        applyProfile(self.portal, "changde.perfmgmt:demo")
        self.project = self.portal.unrestrictedTraverse(
            "shibenji/jiaotongju/nongcun-gonglu-zhuanxiang"
        )

    def test_the_waiting_special_fund_shows_the_count_and_the_cap(self):
        self.assertEqual(api.content.get_state(self.project), "reviewed")
        catalog = api.portal.get_tool("portal_catalog")
        approved = len(
            catalog.unrestrictedSearchResults(
                portal_type="BudgetProject",
                review_state="approved",
                is_special_fund=True,
                year=2026,
                jurisdiction_kind="municipal",
            )
        )
        self.assertGreaterEqual(approved, 1)
        view = api.content.get_view("view", self.project, self.request)
        self.assertEqual(
            view.special_fund_cap(),
            {
                "year": 2026,
                "approved": approved,
                "cap": 90,
                "after": approved + 1,
                "already": False,
                "exceeds": False,
            },
        )
        # the registry keeps the plan's default
        self.assertEqual(gates.municipal_special_fund_usage(2026), (approved, 90))
        self.assertIn("@@coverage?year=2026", self.project.Description())

    def test_the_coverage_page_counts_them(self):
        (municipal,) = [
            item for item in coverage_of(self.portal, 2026) if item.kind == "municipal"
        ]
        self.assertEqual(
            municipal.special_funds, gates.municipal_special_fund_usage(2026)
        )
