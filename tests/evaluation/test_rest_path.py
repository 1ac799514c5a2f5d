"""The whole path of a key evaluation over REST (real HTTP): scored, reviewed,
approved, fed back, rectified, published, read by an anonymous visitor; and
the grade band edges through the content type's REST answers."""

import base64
import unittest

import transaction
from plone import api
from tests.evaluation.base import set_up_city

from changde.perfmgmt.core.relations import relation_to
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
from changde.perfmgmt.testing import DISTRICT_USER
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import PASSWORD
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import UNIT_B_USER
from changde.perfmgmt.testing import RestClient

DENIED = (401, 403, 404)


class RestTestCase(RestClient, unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
    rest_user = OFFICE_USER
    rest_language = "zh-cn"

    def setUp(self):
        self.portal = self.layer["portal"]
        self.portal_url = self.portal.absolute_url()
        self.folder_url = f"{self.portal_url}/evaluation"
        self.city, self.projects, self.members = set_up_city(self.portal)
        self.uids = {key: obj.UID() for key, obj in self.projects.items()}
        self.member_uids = {key: obj.UID() for key, obj in self.members.items()}
        transaction.commit()

    def create_report(self, **fields):
        body = {
            "@type": "EvaluationReport",
            "title": "义务教育均衡发展专项重点评价",
            "evaluation_kind": "key",
            "year": 2026,
            "project": self.uids["a1"],
            "score": "85.5",
        }
        body.update(fields)
        return self.call("POST", self.folder_url, json=body)

    def transition(self, url, transition, user=OFFICE_USER, **body):
        return self.call("POST", f"{url}/@workflow/{transition}", user=user, json=body)


class TestKeyEvaluationPath(RestTestCase):
    def test_whole_path(self):
        # 1. the office writes the key evaluation, with the libraries' members
        response = self.create_report(
            evaluator_agency=self.member_uids["agency"],
            experts=[self.member_uids["expert"]],
            findings="部分学校改造进度滞后。",
            suggestions="加快项目进度,完善资金管理。",
            indicator_actuals=[
                {
                    "title": "改造学校数",
                    "target_value": "20",
                    "actual_value": "18",
                    "met": False,
                }
            ],
        )
        self.assertEqual(response.status_code, 201, response.text)
        report = response.json()
        url = report["@id"]
        self.assertEqual(report["grade"], "good")
        self.assertEqual(report["budget_unit"], "unit-a")
        self.assertEqual(report["review_state"], "draft")
        self.assertEqual(report["experts"][0]["UID"], self.member_uids["expert"])

        # 2. a rectification item of the report
        response = self.call(
            "POST",
            url,
            json={
                "@type": "RectificationItem",
                "problem": "部分学校改造进度滞后",
                "deadline": "2027-06-30",
            },
        )
        self.assertEqual(response.status_code, 201, response.text)
        item_url = response.json()["@id"]
        self.assertEqual(response.json()["review_state"], "draft")

        # nobody but the office sees the draft
        for user in (None, UNIT_A_USER, UNIT_B_USER, DISTRICT_USER):
            self.assertIn(self.call("GET", url, user=user).status_code, DENIED, user)

        # 3. internal review, approval, feedback
        for transition in ("submit", "approve", "feed_back"):
            response = self.transition(url, transition)
            self.assertEqual(response.status_code, 200, (transition, response.text))
        self.assertEqual(self.call("GET", url).json()["review_state"], "fed_back")

        # the unit (and its jurisdiction) now sees it, the others do not
        self.assertEqual(self.call("GET", url, user=UNIT_A_USER).status_code, 200)
        for user in (None, UNIT_B_USER, DISTRICT_USER):
            self.assertIn(self.call("GET", url, user=user).status_code, DENIED, user)
        item = self.call("GET", item_url, user=UNIT_A_USER)
        self.assertEqual(item.status_code, 200, item.text)
        self.assertEqual(item.json()["review_state"], "open")
        self.assertIn(self.call("GET", item_url, user=UNIT_B_USER).status_code, DENIED)

        # 4. the unit rectifies: measures, evidence, submit
        response = self.call(
            "PATCH",
            item_url,
            user=UNIT_A_USER,
            json={
                "measures": "已增派施工力量,2027年5月全部完工。",
                "evidence": [
                    {
                        "data": base64.b64encode(b"%PDF-1.4 evidence").decode(),
                        "encoding": "base64",
                        "filename": "完工验收单.pdf",
                        "content-type": "application/pdf",
                    }
                ],
            },
        )
        self.assertEqual(response.status_code, 204, response.text)
        response = self.transition(item_url, "submit", user=UNIT_A_USER)
        self.assertEqual(response.status_code, 200, response.text)
        # the unit cannot accept its own rectification
        response = self.transition(item_url, "accept", user=UNIT_A_USER)
        self.assertNotEqual(response.status_code, 200)
        response = self.transition(item_url, "accept")
        self.assertEqual(response.status_code, 200, response.text)

        summary = self.call("GET", f"{self.folder_url}/@rectification?year=2026").json()
        self.assertEqual(summary["total"], 1)
        self.assertEqual(summary["rate"], "100.00")
        self.assertTrue(summary["met"])
        unit_view = self.call(
            "GET", f"{self.folder_url}/@rectification?year=2026", user=UNIT_B_USER
        ).json()
        self.assertEqual(unit_view["total"], 0)

        # 5. published on the performance column
        response = self.transition(url, "publish")
        self.assertEqual(response.status_code, 200, response.text)

        # 6. an anonymous visitor reads it (not its internal items)
        response = self.call("GET", url, user=None)
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(response.json()["grade"], "good")
        self.assertEqual(response.json()["title"], "义务教育均衡发展专项重点评价")
        self.assertIn(self.call("GET", item_url, user=None).status_code, DENIED)
        found = self.call(
            "GET",
            f"{self.folder_url}/@search?portal_type=EvaluationReport",
            user=None,
        ).json()
        self.assertEqual([each["@id"] for each in found["items"]], [url])

    def test_anonymous_sees_nothing_unpublished(self):
        urls = []
        for number, kind in enumerate(("key", "self", "pre")):
            response = self.create_report(title=f"报告{number}", evaluation_kind=kind)
            urls.append(response.json()["@id"])
        self.transition(urls[1], "submit")
        self.transition(urls[2], "submit")
        self.transition(urls[2], "approve")
        for url in urls:
            self.assertIn(self.call("GET", url, user=None).status_code, DENIED)
        found = self.call("GET", f"{self.portal_url}/@search", user=None).json()
        types = {item["@type"] for item in found["items"]}
        self.assertFalse(
            types
            & {
                "EvaluationReport",
                "RectificationItem",
                "NegativeListEntry",
                "BudgetProject",
            },
            types,
        )
        # the performance column itself is open
        self.assertEqual(self.call("GET", self.folder_url, user=None).status_code, 200)
        self.assertIn(
            self.call("GET", f"{self.portal_url}/negative-list", user=None).status_code,
            DENIED,
        )

    def test_removed_expert_is_refused(self):
        response = self.create_report(experts=[self.member_uids["removed"]])
        self.assertEqual(response.status_code, 400, response.text)
        self.assertIn("experts", response.text)

    def test_unknown_project_is_refused(self):
        response = self.create_report(project=self.member_uids["agency"])
        self.assertEqual(response.status_code, 400, response.text)

    def test_unit_cannot_create_reports(self):
        body = {
            "@type": "EvaluationReport",
            "title": "x",
            "year": 2026,
            "project": self.uids["a1"],
        }
        response = self.call("POST", self.folder_url, user=UNIT_A_USER, json=body)
        self.assertIn(response.status_code, DENIED)


class TestGradeEdgesOverRest(RestTestCase):
    def test_band_edges(self):
        expected = {
            "59.99": "poor",
            "60": "average",
            "79.99": "average",
            "80": "good",
            "89.99": "good",
            "90": "excellent",
        }
        for score, grade in expected.items():
            response = self.create_report(title=f"评分 {score}", score=score)
            self.assertEqual(response.status_code, 201, response.text)
            self.assertEqual(response.json()["grade"], grade, score)
        found = self.call(
            "GET",
            f"{self.folder_url}/@search?portal_type=EvaluationReport"
            "&evaluation_grade=good&metadata_fields=evaluation_grade",
        ).json()
        self.assertEqual(found["items_total"], 2)

    def test_score_out_of_range_is_refused(self):
        for score in ("100.01", "-1"):
            response = self.create_report(score=score)
            self.assertEqual(response.status_code, 400, response.text)

    def test_grade_is_never_typed(self):
        # the grade is read-only: plone.restapi ignores it, the score decides
        response = self.create_report(score="50", grade="excellent")
        self.assertEqual(response.status_code, 201, response.text)
        self.assertEqual(response.json()["grade"], "poor")
        url = response.json()["@id"]
        response = self.call("PATCH", url, json={"grade": "excellent"})
        self.assertIn(response.status_code, (204, 400), response.text)
        self.assertEqual(self.call("GET", url).json()["grade"], "poor")


class PublishedReportTestCase(RestTestCase):
    """A key evaluation by the agency and an expert, fed back with a comment
    and published."""

    def setUp(self):
        super().setUp()
        response = self.create_report(
            evaluator_agency=self.member_uids["agency"],
            experts=[self.member_uids["expert"]],
        )
        self.assertEqual(response.status_code, 201, response.text)
        self.url = response.json()["@id"]
        self.transition(self.url, "submit", comment="内部点评:评分依据需补充。")
        self.transition(self.url, "approve")
        self.transition(self.url, "feed_back", comment="请于2027年6月30日前整改。")

    def publish(self):
        response = self.transition(self.url, "publish")
        self.assertEqual(response.status_code, 200, response.text)


class TestAgencyAndExpertsAsReferences(PublishedReportTestCase):
    def test_anonymous_reads_the_names_on_a_published_report(self):
        self.publish()
        report = self.call("GET", self.url, user=None).json()
        # their profiles are not published: names, no links
        self.assertEqual(
            report["evaluator_agency"],
            {
                "@id": None,
                "@type": "Agency",
                "title": "湖南某会计师事务所",
                "UID": self.member_uids["agency"],
            },
        )
        self.assertEqual(
            report["experts"],
            [
                {
                    "@id": None,
                    "@type": "Expert",
                    "title": "张专家",
                    "UID": self.member_uids["expert"],
                }
            ],
        )
        # the office, who may see them, gets their summaries
        office = self.call("GET", self.url).json()
        self.assertEqual(
            office["experts"][0]["@id"], f"{self.portal_url}/expert-library/zhang"
        )
        # titles only: nothing else of the members
        self.assertNotIn("contact", str(report["experts"]))

    def test_the_unit_reads_them_once_fed_back(self):
        report = self.call("GET", self.url, user=UNIT_A_USER).json()
        self.assertEqual([e["title"] for e in report["experts"]], ["张专家"])
        self.assertEqual(report["evaluator_agency"]["title"], "湖南某会计师事务所")
        self.assertNotIn("removed", report["experts"][0])

    def test_a_removed_expert_stays_named_and_marked_for_the_office(self):
        transaction.begin()
        self.members["expert"].status = "removed"
        self.members["expert"].reindexObject()
        transaction.commit()
        experts = self.call("GET", self.url).json()["experts"]
        self.assertEqual(
            [(e["title"], e["UID"], e["removed"]) for e in experts],
            [("张专家", self.member_uids["expert"], True)],
        )
        self.assertFalse(
            self.call("GET", self.url).json()["evaluator_agency"]["removed"]
        )
        self.publish()
        experts = self.call("GET", self.url, user=None).json()["experts"]
        self.assertEqual([e["title"] for e in experts], ["张专家"])
        self.assertNotIn("removed", experts[0])


class TestReviewHistory(PublishedReportTestCase):
    def history(self, user):
        response = self.call("GET", f"{self.url}/@workflow", user=user)
        self.assertEqual(response.status_code, 200, response.text)
        return response.json()["history"]

    def test_the_public_sees_no_history_or_comments(self):
        self.publish()
        for user in (None, UNIT_B_USER, DISTRICT_USER):
            response = self.call("GET", f"{self.url}/@workflow", user=user)
            self.assertEqual(response.status_code, 200, (user, response.text))
            self.assertEqual(response.json()["history"], [], user)
            self.assertNotIn("内部点评", response.text)
            self.assertNotIn("office", response.text)
            self.assertEqual(response.json()["state"]["id"], "published")
        response = self.call("GET", f"{self.url}/@history", user=None)
        self.assertIn(response.status_code, DENIED)

    def test_the_unit_and_the_office_still_see_it(self):
        for published in (False, True):
            if published:
                self.publish()
            for user in (UNIT_A_USER, OFFICE_USER):
                comments = [entry["comments"] for entry in self.history(user)]
                self.assertIn("请于2027年6月30日前整改。", comments, user)

    def test_items_and_entries_too(self):
        response = self.call(
            "POST",
            self.portal_url + "/negative-list",
            json={
                "@type": "NegativeListEntry",
                "target": self.uids["a1"],
                "reason": "other",
                "year": 2026,
            },
        )
        entry_url = response.json()["@id"]
        self.transition(entry_url, "confirm", comment="内部意见")
        history = self.call("GET", f"{entry_url}/@workflow", user=UNIT_A_USER)
        comments = [entry["comments"] for entry in history.json()["history"]]
        self.assertIn("内部意见", comments)
        folder = self.call("GET", f"{self.folder_url}/@workflow", user=None)
        self.assertEqual(folder.json()["history"], [])


class TestNotifications(PublishedReportTestCase):
    def test_the_unit_and_the_office_read_the_notice(self):
        for user in (UNIT_A_USER, OFFICE_USER):
            report = self.call("GET", self.url, user=user).json()
            (notice,) = report["notifications"]
            self.assertEqual(notice["items"], 0)
            self.assertIn("评价结果已反馈", notice["message"])
            self.assertIn("市教育局", notice["message"])
            self.assertFalse(notice["emailed"])  # no mail server here
            self.assertEqual(notice["recipients"], ["unit-a-staff@example.org"])

    def test_in_the_readers_language(self):
        report = self.call("GET", self.url, user=UNIT_A_USER, language="en").json()
        self.assertIn("has been fed back", report["notifications"][0]["message"])

    def test_not_for_the_public_nor_other_readers(self):
        # the jurisdiction's staff read the report, the notice is the unit's
        transaction.begin()
        api.user.create(
            email="shibenji@example.org", username="shibenji-staff", password=PASSWORD
        )
        api.group.add_user(
            groupname=self.city["municipal"].staff_group, username="shibenji-staff"
        )
        transaction.commit()
        response = self.call("GET", self.url, user="shibenji-staff")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("notifications", response.json())
        self.publish()
        for user in (None, UNIT_B_USER, DISTRICT_USER, "shibenji-staff"):
            response = self.call("GET", self.url, user=user)
            self.assertEqual(response.status_code, 200, user)
            self.assertNotIn("notifications", response.json(), user)


class TestNegativeListGateOverRest(RestTestCase):
    """The gate's reason is in the submitter's language."""

    def setUp(self):
        super().setUp()
        # declaration tests register a fake source and unregister it on
        # tear-down: register the site's again
        from zope.component import getGlobalSiteManager

        from changde.perfmgmt.declaration.interfaces import INegativeListSource
        from changde.perfmgmt.evaluation.negative_list import negative_list_source
        from changde.perfmgmt.testing import create_project

        getGlobalSiteManager().registerUtility(
            negative_list_source, INegativeListSource
        )
        entry = api.content.create(
            container=self.portal["negative-list"],
            type="NegativeListEntry",
            id="entry",
            target=relation_to(self.uids["a1"]),
            reason="execution_below_standard",
            reason_detail="2025、2026 年执行率低于 70%",
            year=2026,
        )
        api.portal.get_tool("portal_workflow").doActionFor(entry, "confirm")
        self.project = create_project(
            self.city["unit_a"],
            id="next",
            indicators=2,
            project_code="A-001",
            year=2027,
        )
        transaction.commit()

    def submit(self, language):
        response = self.call(
            "POST",
            f"{self.project.absolute_url()}/@workflow/submit",
            user=UNIT_A_USER,
            language=language,
        )
        self.assertEqual(response.status_code, 400, response.text)
        return response.json()["error"]["message"]

    def test_in_chinese_and_in_english(self):
        message = self.submit("zh-cn")
        self.assertIn("执行率不达标", message)
        self.assertIn("2025、2026 年执行率低于 70%", message)
        message = self.submit("en")
        self.assertIn(
            "Execution rate below standard (2025、2026 年执行率低于 70%)", message
        )
        self.assertNotIn("执行率不达标", message)
