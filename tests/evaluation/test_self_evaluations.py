"""The office creates the year's self-evaluation drafts (one per approved
project without one, idempotent), over REST and with the button of the
missing list; the unit's staff write and submit their own draft; the missing
list counts a self-evaluation once submitted and shows drafts as started
(functional)."""

import transaction
from plone import api
from plone.testing.zope import Browser
from tests.evaluation.base import create_report
from tests.evaluation.test_rest_path import DENIED
from tests.evaluation.test_rest_path import RestTestCase

from changde.perfmgmt.testing import DISTRICT_UNIT_USER
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import PASSWORD
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import UNIT_B_USER


class TestSelfEvaluationDrafts(RestTestCase):
    def create_drafts(self, user=OFFICE_USER, **body):
        return self.call(
            "POST",
            f"{self.folder_url}/@self-evaluation-drafts",
            user=user,
            json=body,
        )

    def missing(self):
        response = self.call(
            "GET", f"{self.folder_url}/@missing-self-evaluations?year=2026"
        )
        self.assertEqual(response.status_code, 200, response.text)
        return response.json()

    def test_one_draft_per_approved_project_once(self):
        # a1 has one already (in draft): it gets no second
        create_report(self.projects["a1"], id="self-a1", kind="self", score=None)
        transaction.commit()
        response = self.create_drafts(year=2026)
        self.assertEqual(response.status_code, 200, response.text)
        body = response.json()
        self.assertEqual(body["created_total"], 3)
        self.assertEqual(
            sorted(draft["project_code"] for draft in body["created"]),
            ["A-002", "B-001", "W-001"],
        )
        for draft in body["created"]:
            self.assertEqual(draft["review_state"], "draft")
        self.assertEqual(body["not_submitted_total"], 4)
        again = self.create_drafts(year=2026).json()
        self.assertEqual(again["created_total"], 0)
        transaction.begin()
        self.assertEqual(
            len(
                api.content.find(portal_type="EvaluationReport", evaluation_kind="self")
            ),
            4,
        )
        missing = self.missing()
        self.assertEqual(missing["items_total"], 4)
        self.assertEqual(missing["started_total"], 4)
        self.assertEqual(missing["not_started_total"], 0)

    def test_the_unit_writes_and_submits_its_own_draft(self):
        drafts = {
            draft["project_code"]: draft["@id"]
            for draft in self.create_drafts(year=2026).json()["created"]
        }
        own, other = drafts["A-001"], drafts["B-001"]
        response = self.call(
            "PATCH",
            own,
            user=UNIT_A_USER,
            # the draft carries the self-evaluation scorecard, which cannot
            # be scored yet (no actual values): a score by hand needs a reason
            json={
                "score": "92",
                "findings": "目标全部完成。",
                "score_override_reason": "实际值尚未录入系统,按自评结果填写。",
            },
        )
        self.assertEqual(response.status_code, 204, response.text)
        for user in (UNIT_B_USER, DISTRICT_UNIT_USER, None):
            self.assertIn(self.call("GET", own, user=user).status_code, DENIED, user)
        self.assertIn(
            self.call(
                "PATCH", other, user=UNIT_A_USER, json={"findings": "x"}
            ).status_code,
            DENIED,
        )
        # started, not yet done
        missing = {item["project_code"]: item for item in self.missing()["items"]}
        self.assertEqual(missing["A-001"]["status"], "started")
        self.assertEqual(missing["A-001"]["self_evaluation"], own)
        response = self.call("POST", f"{own}/@workflow/submit", user=UNIT_A_USER)
        self.assertEqual(response.status_code, 200, response.text)
        missing = {item["project_code"] for item in self.missing()["items"]}
        self.assertEqual(missing, {"A-002", "B-001", "W-001"})
        # submitted: the unit reads it, no longer edits it
        response = self.call("PATCH", own, user=UNIT_A_USER, json={"findings": "改"})
        self.assertIn(response.status_code, DENIED)

    def test_the_year_defaults_and_a_bad_year_writes_nothing(self):
        response = self.create_drafts(year="later")
        self.assertEqual(response.status_code, 400, response.text)
        self.assertEqual(response.json()["error"]["errors"][0]["field"], "year")
        transaction.begin()
        self.assertEqual(len(api.content.find(portal_type="EvaluationReport")), 0)
        response = self.call(
            "POST", f"{self.folder_url}/@self-evaluation-drafts", data="[1]"
        )
        self.assertEqual(response.status_code, 400, response.text)

    def test_only_the_office_creates_them(self):
        for user in (None, UNIT_A_USER, DISTRICT_UNIT_USER):
            response = self.create_drafts(user=user, year=2026)
            self.assertIn(response.status_code, (401, 403), user)
        transaction.begin()
        self.assertEqual(len(api.content.find(portal_type="EvaluationReport")), 0)


class TestDraftsButton(RestTestCase):
    def browser(self, user=OFFICE_USER):
        browser = Browser(self.layer["app"])
        browser.handleErrors = False
        browser.addHeader("Accept-Language", "zh-cn")
        browser.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
        return browser

    def test_the_button_creates_the_drafts_once(self):
        browser = self.browser()
        browser.open(f"{self.folder_url}/@@missing-self-evaluations?year=2026")
        self.assertEqual(browser.contents.count('class="missing-project"'), 4)
        browser.getForm(id="self-evaluation-drafts").getControl(
            name="form.buttons.create_drafts"
        ).click()
        self.assertIn("已为 4 个项目生成2026年度自评草稿", browser.contents)
        self.assertEqual(browser.contents.count('class="started-project"'), 4)
        self.assertEqual(browser.contents.count('class="missing-project"'), 0)
        browser.getForm(id="self-evaluation-drafts").getControl(
            name="form.buttons.create_drafts"
        ).click()
        self.assertIn("已为 0 个项目生成2026年度自评草稿", browser.contents)
        # the unit finds its draft on the performance column
        unit = self.browser(UNIT_A_USER)
        unit.open(self.folder_url)
        drafts = unit.contents[unit.contents.index("perfmgmt-own-work") :]
        self.assertEqual(drafts.count('class="own-self-evaluation"'), 2)
        self.assertIn("年度单位自评", drafts)

    def test_the_unit_cannot_press_it(self):
        browser = self.browser()
        browser.open(f"{self.folder_url}/@@missing-self-evaluations?year=2026")
        token = browser.getControl(name="_authenticator", index=0).value
        unit = self.browser(UNIT_A_USER)
        unit.handleErrors = True
        unit.raiseHttpErrors = False
        unit.post(
            f"{self.folder_url}/@@missing-self-evaluations",
            f"year=2026&form.buttons.create_drafts=1&_authenticator={token}",
        )
        self.assertIn("insufficient-privileges", unit.url)
        transaction.begin()
        self.assertEqual(len(api.content.find(portal_type="EvaluationReport")), 0)
