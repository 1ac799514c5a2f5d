"""The assessment module over real HTTP: a report's scorecard (GET, PATCH,
refusals naming the field), the score override rule, actual values, template
criteria refused when saved, the yearly assessment, the subsidy table, the
settings; who may see and do what."""

import io
import unittest

import transaction
from openpyxl import load_workbook
from plone import api
from tests.assessment.base import WHEN
from tests.assessment.base import create_report
from tests.assessment.base import set_up

from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
from changde.perfmgmt.testing import DISTRICT_USER
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import UNIT_B_USER
from changde.perfmgmt.testing import RestClient
from changde.perfmgmt.testing import frozen_clock

DENIED = (401, 403, 404)


class RestTestCase(RestClient, unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
    rest_user = OFFICE_USER
    rest_language = "zh-cn"

    def setUp(self):
        self.enterContext(frozen_clock(WHEN))
        self.portal = self.layer["portal"]
        self.city, self.project, self.record = set_up(self.portal)
        self.report = create_report(self.project)
        self.url = self.report.absolute_url()
        self.qualitative = f"3/{self.project['indicator-5'].UID()}"
        transaction.commit()


class TestScorecard(RestTestCase):
    def test_read_and_fill_the_card(self):
        response = self.call("GET", f"{self.url}/@scorecard", user=UNIT_A_USER)
        self.assertEqual(response.status_code, 200, response.text)
        card = response.json()
        self.assertFalse(card["complete"])
        self.assertEqual(card["lines"][0]["points"], "9.50")
        self.assertEqual(
            card["lines"][0]["facts"][0]["source"], self.record.absolute_url()
        )
        for user in (UNIT_B_USER, DISTRICT_USER, None):
            status = self.call("GET", f"{self.url}/@scorecard", user=user).status_code
            self.assertIn(status, DENIED, user)

        # a bad entry: 400 naming the field and the entry; nothing written
        response = self.call(
            "PATCH",
            f"{self.url}/@scorecard",
            user=UNIT_A_USER,
            json={"entries": {self.qualitative: {"percent": "120"}}},
        )
        self.assertEqual(response.status_code, 400, response.text)
        (error,) = response.json()["error"]["errors"]
        self.assertEqual(error["field"], "scorecard_entries")
        self.assertEqual(error["code"], "scorecard_entry_out_of_range")
        self.assertEqual(error["params"]["key"], self.qualitative)
        self.assertIn("120", error["message"])
        transaction.begin()
        self.assertEqual(self.report.scorecard_entries, {})

        # the unit judges its qualitative indicator: complete, scored
        response = self.call(
            "PATCH",
            f"{self.url}/@scorecard",
            user=UNIT_A_USER,
            json={"entries": {self.qualitative: {"percent": "90"}}},
        )
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(response.json()["total"], "96.00")
        self.assertEqual(response.json()["grade"], "excellent")
        report = self.call("GET", self.url, user=UNIT_A_USER).json()
        self.assertEqual(report["score"], "96.00")
        self.assertEqual(report["computed_score"], "96.00")
        self.assertEqual(report["grade"], "excellent")
        self.assertEqual(report["scorecard_template"]["@type"], "ScorecardTemplate")

        # Excel gives the same numbers
        excel = self.call("GET", f"{self.url}/@@scorecard.xlsx", user=UNIT_A_USER)
        self.assertEqual(excel.status_code, 200)
        sheet = load_workbook(io.BytesIO(excel.content)).active
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(rows[0][1], "评分项")
        totals = [row for row in rows if row and row[1] == "总分"]
        self.assertEqual(float(totals[0][7]), 96.0)

    def test_other_units_may_not_fill_it(self):
        response = self.call(
            "PATCH",
            f"{self.url}/@scorecard",
            user=UNIT_B_USER,
            json={"entries": {self.qualitative: {"percent": "90"}}},
        )
        self.assertIn(response.status_code, DENIED)

    def test_a_different_score_needs_a_reason(self):
        self.call(
            "PATCH",
            f"{self.url}/@scorecard",
            json={"entries": {self.qualitative: {"percent": "90"}}},
        )
        response = self.call("PATCH", self.url, json={"score": "88"})
        self.assertEqual(response.status_code, 400, response.text)
        (error,) = response.json()["error"]["errors"]
        self.assertEqual(error["field"], "score_override_reason")
        transaction.begin()
        self.assertEqual(str(self.report.score), "96.00")
        response = self.call(
            "PATCH",
            self.url,
            json={"score": "88", "score_override_reason": "专家组复核调整。"},
        )
        self.assertEqual(response.status_code, 204, response.text)
        report = self.call("GET", self.url).json()
        self.assertEqual(float(report["score"]), 88)
        self.assertEqual(report["computed_score"], "96.00")
        self.assertEqual(report["grade"], "good")

    def test_submitting_an_incomplete_card_is_a_400_that_says_why(self):
        response = self.call("POST", f"{self.url}/@workflow/submit", user=UNIT_A_USER)
        self.assertEqual(response.status_code, 400, response.text)


class TestActualValues(RestTestCase):
    def test_the_unit_enters_actual_values_on_its_approved_project(self):
        url = self.project.absolute_url()
        uid = self.project["indicator-1"].UID()
        response = self.call(
            "POST",
            f"{url}/@actual-values",
            user=UNIT_A_USER,
            json={"values": [{"indicator": uid, "actual_value": "20"}]},
        )
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(response.json()["changed"], [uid])
        transaction.begin()
        # the draft self-evaluation follows
        card = self.call("GET", f"{self.url}/@scorecard").json()
        indicator_line = [x for x in card["lines"] if x["key"] == f"2/{uid}"][0]
        self.assertEqual(indicator_line["points"], "20.00")
        # refused: unknown indicator, another unit, anonymous
        response = self.call(
            "POST",
            f"{url}/@actual-values",
            user=UNIT_A_USER,
            json={"values": [{"indicator": "nope", "actual_value": "1"}]},
        )
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.json()["error"]["errors"][0]["field"], "values")
        for user in (UNIT_B_USER, None):
            response = self.call(
                "POST",
                f"{url}/@actual-values",
                user=user,
                json={"values": [{"indicator": uid, "actual_value": "1"}]},
            )
            self.assertIn(response.status_code, DENIED, user)
        transaction.begin()
        self.assertEqual(self.project["indicator-1"].actual_value, "20")


class TestTemplates(RestTestCase):
    def test_weights_not_adding_up_are_refused_when_saved(self):
        folder = f"{self.portal.absolute_url()}/assessment"
        response = self.call(
            "POST",
            folder,
            json={
                "@type": "ScorecardTemplate",
                "title": "试行评分表",
                "template_kind": "key",
                "year": 2027,
                "criteria": [
                    {"code": "1", "title": "决策", "weight": "30", "method": "band"},
                    {"code": "2", "title": "绩效", "weight": "60", "method": "manual"},
                ],
            },
        )
        self.assertEqual(response.status_code, 400, response.text)
        (error,) = response.json()["error"]["errors"]
        self.assertEqual(error["field"], "criteria")
        self.assertIn("90", error["message"])
        response = self.call(
            "POST",
            folder,
            json={
                "@type": "ScorecardTemplate",
                "title": "试行评分表",
                "template_kind": "key",
                "year": 2027,
                "criteria": [
                    {"code": "1", "title": "决策", "weight": "40", "method": "band"},
                    {"code": "2", "title": "绩效", "weight": "60", "method": "manual"},
                ],
            },
        )
        self.assertEqual(response.status_code, 201, response.text)
        url = response.json()["@id"]
        response = self.call(
            "PATCH",
            url,
            json={
                "criteria": [
                    {"code": "1", "title": "决策", "weight": "40", "method": "band"}
                ]
            },
        )
        self.assertEqual(response.status_code, 400, response.text)
        self.assertEqual(response.json()["error"]["errors"][0]["field"], "criteria")
        # activated, it is never changed again
        response = self.call("POST", f"{url}/@workflow/activate")
        self.assertEqual(response.status_code, 200, response.text)
        response = self.call("PATCH", url, json={"title": "改名"})
        self.assertIn(response.status_code, DENIED)
        # next year's is a copy
        response = self.call("POST", f"{url}/@copy-template", json={"year": 2028})
        self.assertEqual(response.status_code, 201, response.text)
        self.assertEqual(response.json()["review_state"], "draft")
        response = self.call("POST", f"{url}/@copy-template", json={"year": "x"})
        self.assertEqual(response.status_code, 400)
        self.assertIn(
            self.call(
                "POST", f"{url}/@copy-template", user=UNIT_A_USER, json={"year": 2028}
            ).status_code,
            DENIED,
        )

    def test_an_empty_template_cannot_be_activated(self):
        folder = f"{self.portal.absolute_url()}/assessment"
        response = self.call(
            "POST",
            folder,
            json={
                "@type": "ScorecardTemplate",
                "title": "空",
                "template_kind": "self",
                "year": 2027,
            },
        )
        self.assertEqual(response.status_code, 201, response.text)
        response = self.call("POST", f"{response.json()['@id']}/@workflow/activate")
        self.assertEqual(response.status_code, 400, response.text)


class TestAssessment(RestTestCase):
    def test_the_years_cards_and_ranking(self):
        folder = f"{self.portal.absolute_url()}/assessment"
        response = self.call(
            "POST", f"{folder}/@assessment", user=UNIT_A_USER, json={"year": 2026}
        )
        self.assertIn(response.status_code, DENIED)
        response = self.call("POST", f"{folder}/@assessment", json={"year": "soon"})
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.json()["error"]["errors"][0]["field"], "year")
        response = self.call("POST", f"{folder}/@assessment", json={"year": 2026})
        self.assertEqual(response.status_code, 201, response.text)
        data = response.json()
        # two municipal units, one district
        self.assertEqual(len(data["unit"]["items"]), 2)
        self.assertEqual(len(data["district"]["items"]), 1)
        # drafts: the units see nothing
        seen = self.call(
            "GET", f"{folder}/@assessment?year=2026", user=UNIT_A_USER
        ).json()
        self.assertEqual(seen["unit"]["items"], [])
        card = [i for i in data["unit"]["items"] if i["target_title"] == "市教育局"][0]
        lines = {x["id"]: x for x in card["criteria"]}
        # unit A's project has a final-round record not submitted: 0 of 2 on time
        self.assertEqual(lines["execution"]["points"], "0.00")
        url = card["@id"]
        response = self.call(
            "PATCH",
            f"{url}/@assessment-card",
            json={"entries": {"management": {"points": "25"}}},
        )
        self.assertEqual(response.status_code, 400, response.text)
        self.assertEqual(response.json()["error"]["errors"][0]["field"], "entries")
        response = self.call(
            "PATCH",
            f"{url}/@assessment-card",
            json={
                "entries": {
                    "management": {"points": "18"},
                    "attention": {
                        "points": "20",
                        "note": "自评已提交,系统记录晚于截止日。",
                    },
                    "evaluation_grade": {
                        "points": "24",
                        "note": "本年度无已审定的评价。",
                    },
                }
            },
        )
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(response.json()["total"], "62.00")
        for transition in ("confirm",):
            self.assertEqual(
                self.call("POST", f"{url}/@workflow/{transition}").status_code, 200
            )
        self.assertEqual(self.call("GET", url, user=UNIT_A_USER).status_code, 200)
        self.assertIn(self.call("GET", url, user=UNIT_B_USER).status_code, DENIED)
        self.call("POST", f"{url}/@workflow/publish")
        self.assertEqual(self.call("GET", url, user=UNIT_B_USER).status_code, 200)
        self.assertIn(self.call("GET", url, user=None).status_code, DENIED)
        response = self.call(
            "PATCH",
            f"{url}/@assessment-card",
            json={"entries": {"management": {"points": "1"}}},
        )
        self.assertIn(response.status_code, DENIED)  # published: nobody modifies it
        excel = self.call("GET", f"{folder}/@@assessment-ranking?year=2026&format=xlsx")
        self.assertEqual(excel.status_code, 200)
        sheet = load_workbook(io.BytesIO(excel.content)).worksheets[0]
        values = list(sheet.iter_rows(values_only=True))
        self.assertIn("市教育局", [row[1] for row in values])


class TestSubsidies(RestTestCase):
    def test_the_table(self):
        transaction.begin()
        self.city["district"].it_system_year = 2020
        transaction.commit()
        folder = f"{self.portal.absolute_url()}/assessment"
        data = self.call("GET", f"{folder}/@it-subsidies", user=DISTRICT_USER).json()
        (row,) = data["rows"]
        self.assertEqual((row["key"], row["amount"]), ("wuling", "100000.00"))
        self.assertEqual(data["total"], "100000.00")
        self.assertEqual(
            self.call("GET", f"{folder}/@it-subsidies?year=2019").json()["rows"], []
        )
        # the district may not set its own year
        self.call(
            "PATCH",
            self.city["district"].absolute_url(),
            user=DISTRICT_USER,
            json={"it_system_year": 2019},
        )
        transaction.begin()
        self.assertEqual(self.city["district"].it_system_year, 2020)
        self.assertIn(
            self.call("GET", f"{folder}/@it-subsidies", user=None).status_code, DENIED
        )


class TestSettings(RestTestCase):
    def rest(self, method, **kwargs):
        from plone.app.testing import SITE_OWNER_NAME
        from plone.app.testing import SITE_OWNER_PASSWORD

        return self.call(
            method,
            f"{self.portal.absolute_url()}/@controlpanels/perfmgmt-assessment",
            user=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
            **kwargs,
        )

    def test_weights_not_adding_up_and_bad_amounts_are_refused(self):
        response = self.rest("PATCH", json={"unit_weight_management": "30"})
        self.assertEqual(response.status_code, 400, response.text)
        self.assertIn("110", response.json()["message"])
        response = self.rest("PATCH", json={"subsidy_amounts": ["2019 150000"]})
        self.assertEqual(response.status_code, 400, response.text)
        response = self.rest(
            "PATCH",
            json={"unit_weight_management": "30", "unit_weight_attention": "15"},
        )
        self.assertEqual(response.status_code, 204, response.text)
        transaction.begin()
        self.assertEqual(
            str(
                api.portal.get_registry_record(
                    "changde.perfmgmt.assessment.unit_weight_management"
                )
            ),
            "30",
        )


if __name__ == "__main__":
    unittest.main()
