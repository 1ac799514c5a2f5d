"""Who sees which evaluation report: the evaluated unit's and district's
staff once it is fed back, nobody of another unit or district, anonymous
only once published (integration)."""

import unittest

from plone import api
from tests.evaluation.base import create_report
from tests.evaluation.base import do
from tests.evaluation.base import set_up_city

from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING
from changde.perfmgmt.testing import DISTRICT_USER
from changde.perfmgmt.testing import OTHER_DISTRICT_USER
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import create_other_district


class TestReportVisibility(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.city, self.projects, _members = set_up_city(self.portal)
        create_other_district(self.portal)
        # a key evaluation of the district's project, fed back to its unit
        self.report = create_report(self.projects["w1"], id="w1-key")
        do(self.report, "submit", "approve", "feed_back")

    def found(self, username):
        with api.env.adopt_user(username=username):
            return [b.getId for b in api.content.find(portal_type="EvaluationReport")]

    def can_view(self, username):
        with api.env.adopt_user(username=username):
            return api.user.has_permission("View", obj=self.report)

    def test_the_district_sees_its_report_another_district_does_not(self):
        self.assertEqual(self.found(DISTRICT_USER), ["w1-key"])
        self.assertTrue(self.can_view(DISTRICT_USER))
        self.assertEqual(self.found(OTHER_DISTRICT_USER), [])
        self.assertFalse(self.can_view(OTHER_DISTRICT_USER))

    def test_a_municipal_unit_does_not_see_a_districts_report(self):
        self.assertEqual(self.found(UNIT_A_USER), [])
        self.assertFalse(self.can_view(UNIT_A_USER))
