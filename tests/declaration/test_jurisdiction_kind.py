"""A jurisdiction's kind reaches the index of what it holds: the municipal
cap on special funds counts by it (integration)."""

import unittest
from unittest import mock

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

from changde.perfmgmt.declaration import gates
from changde.perfmgmt.declaration.content.budget_project import BudgetProject
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING
from changde.perfmgmt.testing import create_city
from changde.perfmgmt.testing import create_project


class TestKindChange(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        api.portal.set_registry_record(
            "changde.perfmgmt.declaration.min_quantifiable_indicators", 1
        )
        self.city = create_city(self.portal)
        self.fund = create_project(
            self.city["unit_w"], id="fund", indicators=1, is_special_fund=True
        )
        for transition in ("submit", "review", "approve"):
            api.content.transition(obj=self.fund, transition=transition)
        self.catalog = api.portal.get_tool("portal_catalog")

    def kinds(self, kind):
        brains = self.catalog.unrestrictedSearchResults(jurisdiction_kind=kind)
        return sorted(brain.getId for brain in brains)

    def test_changing_the_kind_reindexes_the_projects(self):
        self.assertEqual(gates.municipal_special_fund_usage(2026), (0, 90))
        district = self.city["district"]
        district.kind = "municipal"
        notify(ObjectModifiedEvent(district))
        # the unit, its project and the project's indicator follow
        self.assertIn("fund", self.kinds("municipal"))
        self.assertIn("unit-w", self.kinds("municipal"))
        self.assertIn("indicator-1", self.kinds("municipal"))
        self.assertEqual(self.kinds("district"), [])
        self.assertEqual(gates.municipal_special_fund_usage(2026), (1, 90))

    def test_an_edit_that_keeps_the_kind_reindexes_nothing(self):
        district = self.city["district"]
        with mock.patch.object(BudgetProject, "reindexObject") as reindex:
            district.title = "武陵区（改名）"
            notify(ObjectModifiedEvent(district))
        reindex.assert_not_called()
