"""Elimination reaches the evaluation module at once: a removed expert's
account loses Editor on its draft report (the member's modified event, which
the evaluation module subscribes to); the year's ratings only; agencies are
rated and eliminated like experts; anonymous callers are refused."""

import unittest

import transaction
from plone import api
from tests.evaluation.base import create_report
from tests.evaluation.base import set_up_city
from zope.component import getGlobalSiteManager
from zope.lifecycleevent.interfaces import IObjectModifiedEvent

from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.libraries.content.fields import IEngagedMember
from changde.perfmgmt.libraries.interfaces import IRatedMember
from changde.perfmgmt.libraries.members import confirm_elimination
from changde.perfmgmt.libraries.members import mark_proposed
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import PASSWORD
from changde.perfmgmt.testing import RestClient
from changde.perfmgmt.testing import create_city

from .base import THIS_YEAR
from .base import add_expert

EXPERT_USER = "expert-zhang"
DENIED = (401, 403)


def rate(member, scores, year=THIS_YEAR):
    member.ratings = list(member.ratings or ()) + [
        {
            "date": f"{year}-06-01",
            "engagement": f"评价 {number}",
            "score": str(score),
            "rater": "office",
            "note": "",
        }
        for number, score in enumerate(scores, start=1)
    ]


class RestCase(RestClient, unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
    rest_user = OFFICE_USER
    rest_language = "en"


class TestRemovalReachesReports(RestCase):
    def setUp(self):
        self.portal = self.layer["portal"]
        self.city, self.projects, self.members = set_up_city(self.portal)
        api.user.create(
            email="zhang@example.org", username=EXPERT_USER, password=PASSWORD
        )
        self.expert = self.members["expert"]
        self.expert.user_id = EXPERT_USER
        rate(self.expert, [50, 55, 60])
        rate(add_expert(self.portal["expert-library"], "王芳"), [90, 90, 90])
        self.report = create_report(
            self.projects["a1"], id="a1-key", experts=[self.expert.UID()]
        )
        transaction.commit()
        self.library_url = f"{self.portal['expert-library'].absolute_url()}"

    def test_confirming_the_removal_takes_back_editor_on_the_draft(self):
        self.assertEqual(
            self.report.get_local_roles_for_userid(EXPERT_USER), ("Editor",)
        )
        report_url = self.report.absolute_url()
        self.assertEqual(
            self.call("GET", report_url, user=EXPERT_USER).status_code, 200
        )
        response = self.call(
            "POST",
            f"{self.library_url}/@elimination",
            json={"decisions": [{"member": "zhang", "decision": "remove"}]},
        )
        self.assertEqual(response.status_code, 200, response.text)
        transaction.begin()
        self.assertEqual(self.expert.status, "removed")
        self.assertEqual(self.report.get_local_roles_for_userid(EXPERT_USER), ())
        self.assertEqual(self.report._evaluator_users, ())
        self.assertIn(
            self.call("GET", report_url, user=EXPERT_USER).status_code, (401, 404)
        )
        response = self.call(
            "PATCH", report_url, user=EXPERT_USER, json={"findings": "仍想修改"}
        )
        self.assertIn(response.status_code, (401, 404))

    def test_a_removed_member_loses_its_public_profile(self):
        with api.env.adopt_roles(["Manager"]):
            api.content.transition(obj=self.expert, transition="publish")
        transaction.commit()
        expert_url = self.expert.absolute_url()
        self.assertEqual(self.call("GET", expert_url, user=None).status_code, 200)
        response = self.call(
            "POST",
            f"{self.library_url}/@elimination",
            json={"decisions": [{"member": "zhang", "decision": "remove"}]},
        )
        self.assertEqual(response.status_code, 200, response.text)
        transaction.begin()
        self.assertEqual(api.content.get_state(self.expert), "private")
        # nobody learns from the public catalogue that it was removed
        self.assertIn(self.call("GET", expert_url, user=None).status_code, DENIED)
        found = self.call(
            "GET",
            f"{self.portal.absolute_url()}/@search",
            user=None,
            params={"library_removed": "true", "portal_type": "Expert"},
        )
        self.assertEqual(found.json()["items_total"], 0)
        # and the office cannot publish it again
        response = self.call("POST", f"{expert_url}/@workflow/publish")
        self.assertEqual(response.status_code, 400, response.text)
        self.assertIn("removed member", response.json()["error"]["message"])
        transaction.begin()
        self.assertEqual(api.content.get_state(self.expert), "private")

    def test_keeping_after_a_proposal_leaves_the_rights(self):
        response = self.call(
            "POST", f"{self.library_url}/@elimination", json={"propose": True}
        )
        self.assertEqual(response.json()["marked"], ["zhang"])
        transaction.begin()
        self.assertEqual(self.expert.status, "proposed_for_removal")
        # proposed members may still be assigned and write their reports
        self.assertEqual(
            self.report.get_local_roles_for_userid(EXPERT_USER), ("Editor",)
        )


class TestStatusEvents(unittest.TestCase):
    """Every status change fires the member's modified event, naming the
    status field."""

    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        from plone.app.testing import TEST_USER_ID
        from plone.app.testing import setRoles

        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.library = self.portal["expert-library"]
        self.low = add_expert(self.library, "李娜")
        rate(self.low, [50, 50, 50])
        rate(add_expert(self.library, "王芳"), [90, 90, 90])
        self.events = []
        getGlobalSiteManager().registerHandler(
            self.record, (IRatedMember, IObjectModifiedEvent)
        )

    def tearDown(self):
        getGlobalSiteManager().unregisterHandler(
            self.record, (IRatedMember, IObjectModifiedEvent)
        )

    def record(self, member, event):
        self.events.append(
            (
                member.getId(),
                [(d.interface, d.attributes) for d in event.descriptions],
            )
        )

    def test_mark_and_confirm_fire_modified(self):
        mark_proposed(self.library)
        self.assertEqual(
            self.events, [(self.low.getId(), [(IEngagedMember, ("status",))])]
        )
        # marking again changes nothing: no event
        mark_proposed(self.library)
        self.assertEqual(len(self.events), 1)
        violations, _run = confirm_elimination(
            self.library, {self.low.getId(): ("remove", "")}, "office"
        )
        self.assertEqual(violations, [])
        self.assertEqual(len(self.events), 2)
        self.assertEqual(self.low.status, "removed")
        # reindexed: no longer assignable
        found = api.content.find(UID=self.low.UID(), library_removed=True)
        self.assertEqual(len(found), 1)


class TestYearAgencyAndAccess(RestCase):
    def setUp(self):
        self.portal = self.layer["portal"]
        from plone.app.testing import TEST_USER_ID
        from plone.app.testing import setRoles

        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        create_city(self.portal)
        self.experts = self.portal["expert-library"]
        self.agencies = self.portal["agency-library"]
        self.zhang = add_expert(self.experts, "张伟")
        rate(self.zhang, [40, 40, 40], year=THIS_YEAR - 1)
        rate(self.zhang, [95, 95, 95])
        self.li = add_expert(self.experts, "李娜")
        rate(self.li, [70, 70, 70])
        self.agency_ids = {}
        for name, scores in (
            ("湖南华信会计师事务所", [88, 90, 86]),
            ("常德正衡工程造价咨询有限公司", [60, 62, 58]),
            ("常德明远绩效评估事务所", [80, 79, 83]),
        ):
            agency = api.content.create(
                container=self.agencies,
                type="Agency",
                title=name,
                level="municipal",
                safe_id=True,
            )
            rate(agency, scores)
            self.agency_ids[name] = agency.getId()
        transaction.commit()

    def test_this_years_ratings_rank(self):
        url = f"{self.experts.absolute_url()}/@elimination"
        body = self.call("GET", url).json()
        self.assertEqual(body["year"], THIS_YEAR)
        # last year's 40s do not count: 张伟 ranks on this year's 95s
        self.assertEqual([p["title"] for p in body["proposed"]], ["李娜"])
        zhang = [e for e in body["eligible"] if e["title"] == "张伟"][0]
        self.assertEqual((zhang["average"], zhang["ratings_count"]), ("95.00", 3))
        body = self.call("GET", url, params={"year": THIS_YEAR - 1}).json()
        self.assertEqual(body["year"], THIS_YEAR - 1)
        self.assertEqual([e["title"] for e in body["eligible"]], ["张伟"])
        self.assertEqual(body["proposed"], [])
        self.assertEqual(
            [(m["title"], m["ratings_count"]) for m in body["too_few_ratings"]],
            [("李娜", 0)],
        )
        response = self.call("GET", url, params={"year": "1900"})
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.json()["error"]["errors"][0]["field"], "year")

    def test_confirming_last_year_records_the_year(self):
        url = f"{self.experts.absolute_url()}/@elimination"
        response = self.call(
            "POST",
            url,
            json={
                "year": THIS_YEAR - 1,
                "decisions": [
                    {"member": self.zhang.getId(), "decision": "remove", "reason": "x"}
                ],
            },
        )
        self.assertEqual(response.status_code, 200, response.text)
        run = response.json()["confirmed"]
        self.assertEqual(run["year"], THIS_YEAR - 1)
        self.assertEqual(run["date"], today_in_china().isoformat())

    def test_agencies_are_rated_and_eliminated(self):
        zhengheng = self.agency_ids["常德正衡工程造价咨询有限公司"]
        member_url = f"{self.agencies.absolute_url()}/{zhengheng}"
        response = self.call(
            "POST",
            f"{member_url}/@rate",
            json={"engagement": "2026年交通专项评价", "score": 61},
        )
        self.assertEqual(response.status_code, 201, response.text)
        self.assertEqual(response.json()["ratings_count"], 4)
        url = f"{self.agencies.absolute_url()}/@elimination"
        body = self.call("GET", url).json()
        self.assertEqual([p["id"] for p in body["proposed"]], [zhengheng])
        response = self.call(
            "POST",
            url,
            json={"decisions": [{"member": zhengheng, "decision": "remove"}]},
        )
        self.assertEqual(response.status_code, 200, response.text)
        transaction.begin()
        self.assertEqual(self.agencies[zhengheng].status, "removed")
        names = [
            b.Title
            for b in api.content.find(portal_type="Agency", library_removed=False)
        ]
        self.assertNotIn("常德正衡工程造价咨询有限公司", names)
        self.assertEqual(len(names), 2)

    def test_anonymous_is_refused(self):
        member_url = self.zhang.absolute_url()
        library_url = self.experts.absolute_url()
        calls = [
            ("POST", f"{member_url}/@rate", {"engagement": "x", "score": 1}),
            ("PATCH", f"{member_url}/@rate/0", {"score": 1}),
            ("DELETE", f"{member_url}/@rate/0", None),
            ("GET", f"{library_url}/@elimination", None),
            ("POST", f"{library_url}/@elimination", {"propose": True}),
        ]
        for method, url, body in calls:
            response = self.call(method, url, user=None, json=body)
            self.assertIn(response.status_code, DENIED, (method, url))
        transaction.begin()
        self.assertEqual(len(self.zhang.ratings), 6)
        self.assertEqual(self.li.status, "active")
