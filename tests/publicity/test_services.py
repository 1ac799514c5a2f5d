"""The publicity module over REST (real HTTP): a training's attendance (GET,
POST ticks) and feedback for the office only, the publicity record of a
year, content created through plone.restapi; every refusal a 4xx that says
why (functional)."""

import datetime
import unittest

import transaction
from tests.core.panels import ControlPanelTestCase
from tests.publicity.base import as_manager
from tests.publicity.base import create_news
from tests.publicity.base import create_training

from changde.perfmgmt.publicity import training
from changde.perfmgmt.publicity.column import section
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import RestClient
from changde.perfmgmt.testing import create_city


class TestTrainingServices(RestClient, unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
    rest_user = OFFICE_USER
    rest_language = "zh-cn"

    def setUp(self):
        self.portal = self.layer["portal"]
        as_manager(self.portal)
        create_city(self.portal)
        self.event = create_training(section("training"), id="t", days=0)
        rows = training.saver_of(self.event["signup"])
        rows.addDataRow(
            {"name": "甲", "organisation": "shibenji/unit-a", "phone": "13900000001"}
        )
        rows.addDataRow({"name": "乙", "organisation": "wuling", "phone": "2"})
        training.saver_of(self.event["feedback"]).addDataRow(
            {"rating_content": "5", "rating_lecturer": "4", "rating_organisation": "3"}
        )
        self.ids = [row["id"] for row in training.signups(self.event)]
        transaction.commit()
        self.url = self.event.absolute_url()

    def test_attendance_read_and_ticked(self):
        answer = self.call("GET", f"{self.url}/@training-attendance").json()
        self.assertEqual([row["name"] for row in answer["signups"]], ["甲", "乙"])
        self.assertEqual(answer["summary"]["signed_up"], 2)
        response = self.call(
            "POST",
            f"{self.url}/@training-attendance",
            json={"attended": [self.ids[0]]},
        )
        self.assertEqual(response.status_code, 200, response.text)
        summary = response.json()["summary"]
        self.assertEqual((summary["attended"], summary["rate"]), (1, "50.00"))
        municipal = summary["jurisdictions"][0]
        self.assertEqual((municipal["title"], municipal["attended"]), ("市本级", 1))
        response = self.call(
            "POST",
            f"{self.url}/@training-attendance",
            json={"attended": [self.ids[1]], "absent": [self.ids[0]]},
        )
        self.assertEqual(response.json()["summary"]["attended"], 1)
        self.assertEqual(
            [row["attended"] for row in response.json()["signups"]], [False, True]
        )

    def test_bad_ticks_are_refused_and_change_nothing(self):
        for body, field in (
            ({"attended": [123]}, "attended"),
            ({"attended": "all"}, "attended"),
            ({"attended": [True]}, "attended"),
            ({"attended": [self.ids[0]], "absent": [self.ids[0]]}, "absent"),
            ({"present": [self.ids[0]]}, "present"),
        ):
            response = self.call("POST", f"{self.url}/@training-attendance", json=body)
            self.assertEqual(response.status_code, 400, body)
            error = response.json()["error"]
            self.assertEqual(error["message"], "出勤情况未保存。")
            self.assertEqual(error["errors"][0]["field"], field, body)
        response = self.call(
            "POST", f"{self.url}/@training-attendance", data="not json"
        )
        self.assertEqual(response.status_code, 400)
        transaction.begin()
        self.assertEqual(list(training.attended_ids(self.event)), [])

    def test_feedback_averages(self):
        answer = self.call("GET", f"{self.url}/@training-feedback").json()
        self.assertEqual(answer["summary"]["responses"], 1)
        self.assertEqual(answer["summary"]["overall"], "4.00")
        self.assertEqual(
            answer["summary"]["criteria"]["rating_content"],
            {"count": 1, "average": "5.00"},
        )

    def test_only_the_office(self):
        for user in (None, UNIT_A_USER):
            for method, path in (
                ("GET", "@training-attendance"),
                ("POST", "@training-attendance"),
                ("GET", "@training-feedback"),
            ):
                response = self.call(
                    method, f"{self.url}/{path}", user=user, json={"attended": []}
                )
                self.assertIn(response.status_code, (401, 403), (user, path))
                self.assertNotIn("13900000001", response.text)
            # nor through the forms' own REST answer
            for form_id in ("signup", "feedback"):
                response = self.call("GET", f"{self.url}/{form_id}", user=user)
                self.assertNotIn("13900000001", response.text)
                self.assertNotIn("savedDataStorage", response.text)


class TestContentAndRecord(RestClient, unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
    rest_user = OFFICE_USER
    rest_language = "zh-cn"

    def setUp(self):
        self.portal = self.layer["portal"]
        as_manager(self.portal)
        create_city(self.portal)
        news = section("news")
        create_news(news, id="n1", kind="work_meeting", date=datetime.date(2026, 2, 1))
        create_news(
            news,
            id="n2",
            kind="internal_review_meeting",
            date=datetime.date(2026, 11, 5),
        )
        create_news(news, id="n3", kind="news", date=datetime.date(2025, 5, 1))
        create_news(
            news, id="n4", kind="news", date=datetime.date(2026, 5, 1), published=False
        )
        transaction.commit()

    def test_the_publicity_record_of_a_year(self):
        url = f"{self.portal.absolute_url()}/@publicity-record"
        answer = self.call("GET", url, user=None, params={"year": 2026})
        self.assertEqual(answer.status_code, 200, answer.text)
        # anonymous: the draft is not counted
        self.assertEqual(
            answer.json()["counts"],
            {
                "news": 0,
                "work_meeting": 1,
                "internal_review_meeting": 1,
                "total": 2,
                "training_events": 0,
            },
        )
        office = self.call("GET", url, params={"year": 2026}).json()
        self.assertEqual(office["counts"]["news"], 1)
        for bad in ("abc", "1999", "2026.5"):
            response = self.call("GET", url, user=None, params={"year": bad})
            self.assertEqual(response.status_code, 400, bad)
            self.assertEqual(response.json()["error"]["errors"][0]["field"], "year")

    def test_the_office_adds_a_meeting_over_rest(self):
        response = self.call(
            "POST",
            section("news").absolute_url(),
            json={
                "@type": "PublicityItem",
                "title": "2026年度重点评价内部点评会",
                "publicity_kind": "internal_review_meeting",
                "publicity_date": "2026-11-20",
                "audience": "市直预算单位、第三方机构",
                "participants": 45,
            },
        )
        self.assertEqual(response.status_code, 201, response.text)
        self.assertEqual(response.json()["review_state"], "draft")
        # the wrong kind, a negative number: field errors, nothing created
        for body, field in (
            ({"publicity_kind": "party"}, "publicity_kind"),
            ({"participants": -3}, "participants"),
        ):
            response = self.call(
                "POST",
                section("news").absolute_url(),
                json={
                    "@type": "PublicityItem",
                    "title": "x",
                    "publicity_date": "2026-11-20",
                    **body,
                },
            )
            self.assertEqual(response.status_code, 400, response.text)
            self.assertIn(field, response.text)
        # unit staff may not add to the column
        response = self.call(
            "POST",
            section("news").absolute_url(),
            json={
                "@type": "PublicityItem",
                "title": "x",
                "publicity_date": "2026-01-01",
            },
            user=UNIT_A_USER,
        )
        self.assertIn(response.status_code, (401, 403))

    def test_a_material_link_must_be_a_web_address(self):
        response = self.call(
            "POST",
            section("training").absolute_url(),
            json={
                "@type": "TrainingMaterial",
                "title": "资料",
                "material_kind": "link",
                "link": "javascript:alert(1)",
            },
        )
        self.assertEqual(response.status_code, 400, response.text)
        self.assertIn("http://", response.text)


class TestPublicityControlPanel(ControlPanelTestCase):
    panel = "perfmgmt-publicity"
    prefix = "changde.perfmgmt.publicity"
    rest_language = "zh-cn"

    def test_the_office_changes_the_rate_limit(self):
        browser = self.browser()
        browser.open(self.url)
        self.assertIn("公众表单防护", browser.contents)
        browser.getControl(name="form.widgets.rate_limit").value = "5"
        browser.getControl(name="form.buttons.save").click()
        self.assertEqual(self.value("rate_limit"), 5)

    def test_a_limit_under_one_is_refused(self):
        browser = self.browser()
        browser.open(self.url)
        browser.getControl(name="form.widgets.rate_window_minutes").value = "0"
        browser.getControl(name="form.buttons.save").click()
        self.assertIn("invalid-feedback", browser.contents)
        self.assertEqual(self.value("rate_window_minutes"), 10)
        response = self.rest("PATCH", json={"max_text_length": 0})
        self.assertEqual(response.status_code, 400, response.text)
        self.assertEqual(self.value("max_text_length"), 2000)
