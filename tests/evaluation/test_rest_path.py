"""The whole path of a key evaluation over REST (real HTTP): scored, reviewed,
approved, fed back, rectified, published, read by an anonymous visitor; and
the grade band edges through the content type's REST answers."""

import base64
import unittest

import requests
import transaction
from tests.evaluation.base import set_up_city

from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
from changde.perfmgmt.testing import DISTRICT_USER
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import PASSWORD
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import UNIT_B_USER

DENIED = (401, 403, 404)


class RestTestCase(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.portal_url = self.portal.absolute_url()
        self.folder_url = f"{self.portal_url}/evaluation"
        self.city, self.projects, self.members = set_up_city(self.portal)
        self.uids = {key: obj.UID() for key, obj in self.projects.items()}
        self.member_uids = {key: obj.UID() for key, obj in self.members.items()}
        transaction.commit()

    def call(self, method, url, user=OFFICE_USER, language="zh-cn", **kwargs):
        auth = None if user is None else (user, PASSWORD)
        return requests.request(
            method,
            url,
            headers={"Accept": "application/json", "Accept-Language": language},
            auth=auth,
            timeout=60,
            **kwargs,
        )

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
        self.assertEqual(report["experts"][0]["token"], self.member_uids["expert"])

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
        response = self.create_report(score="50", grade="excellent")
        if response.status_code == 201:
            self.assertEqual(response.json()["grade"], "poor")
