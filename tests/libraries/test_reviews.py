"""Internal review: scored reports with weighted totals, the cap of excellent
reports a year, rounds held against the plan, the reviewed reports picked
from the system's evaluation reports, one round per year and number, the
year-end gap, settings that fall back to the defaults (functional and
integration)."""

import datetime
import unittest

import transaction
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import PASSWORD
from changde.perfmgmt.testing import REVIEWER_USER
from changde.perfmgmt.testing import UNIT_A_USER

from .test_services import ServiceTestCase

SCORES = {
    "goal_completion": 90,
    "problem_depth": 80,
    "suggestion_feasibility": 70,
    "text_quality": 60,
}


def report(number, excellent=False, **scores):
    return {
        "title": f"评价报告 {number}",
        "reference": f"CDPJ-2026-{number:03d}",
        "scores": {**SCORES, **scores},
        "excellent": excellent,
    }


class ReviewCase(ServiceTestCase):
    def setUp(self):
        super().setUp()
        folder = self.portal["internal-review"]
        self.rounds = [
            api.content.create(
                container=folder,
                type="InternalReviewRound",
                id=f"round-{number}",
                title=f"2026年第{number}轮内部点评",
                year=2026,
                number=number,
                date=datetime.date(2026, 2 * number, 10),
            )
            for number in (1, 2)
        ]
        transaction.commit()

    def post(self, review_round, reports, user=OFFICE_USER):
        return self.call(
            "POST",
            f"{review_round.absolute_url()}/@review-reports",
            user=user,
            json={"reports": reports},
        )


class TestReviewReports(ReviewCase):
    def test_scores_and_weighted_total(self):
        response = self.post(self.rounds[0], [report(1, excellent=True)])
        self.assertEqual(response.status_code, 200, response.text)
        body = response.json()
        self.assertEqual(body["reports"][0]["total"], "75.00")
        self.assertTrue(body["reports"][0]["excellent"])
        self.assertEqual(body["rounds_held"], 2)
        self.assertEqual(body["rounds_planned"], 5)
        self.assertEqual(body["weights"]["text_quality"], "25")

    def test_weights_from_the_registry(self):
        prefix = "changde.perfmgmt.libraries"
        from decimal import Decimal

        api.portal.set_registry_record(f"{prefix}.weight_goal_completion", Decimal(40))
        api.portal.set_registry_record(f"{prefix}.weight_text_quality", Decimal(10))
        transaction.commit()
        body = self.post(self.rounds[0], [report(1)]).json()
        # 90×40 + 80×25 + 70×25 + 60×10 = 7950 → 79.50
        self.assertEqual(body["reports"][0]["total"], "79.50")

    def test_invalid_scores_write_nothing(self):
        response = self.post(
            self.rounds[0], [report(1), report(2, problem_depth=120), {"title": ""}]
        )
        self.assertEqual(response.status_code, 400)
        errors = [(e["index"], e["field"]) for e in response.json()["error"]["errors"]]
        self.assertIn((1, "problem_depth"), errors)
        self.assertIn((2, "title"), errors)
        transaction.begin()
        self.assertEqual(list(self.rounds[0].reports), [])

    def test_sixth_excellent_report_of_the_year_is_refused(self):
        first = [report(n, excellent=True) for n in (1, 2, 3)]
        self.assertEqual(self.post(self.rounds[0], first).status_code, 200)
        second = [report(n, excellent=True) for n in (4, 5, 6)]
        response = self.post(self.rounds[1], second)
        self.assertEqual(response.status_code, 400)
        error = response.json()["error"]["errors"][0]
        self.assertEqual(error["code"], "excellent_reports_cap_reached")
        self.assertIn("at most 5", error["message"])
        self.assertEqual(self.post(self.rounds[1], second[:2]).status_code, 200)

    def test_summary_of_the_year(self):
        self.post(self.rounds[0], [report(1, excellent=True)])
        response = self.call(
            "GET",
            f"{self.portal['internal-review'].absolute_url()}/@review-summary",
            user=REVIEWER_USER,
            params={"year": 2026},
        )
        self.assertEqual(response.status_code, 200, response.text)
        body = response.json()
        self.assertEqual(body["rounds_held"], 2)
        self.assertEqual(body["rounds_remaining"], 3)
        self.assertEqual(body["excellent_count"], 1)
        self.assertEqual(body["excellent_gap"], 2)

    def test_unit_staff_cannot_score_or_read(self):
        response = self.post(self.rounds[0], [report(1)], user=UNIT_A_USER)
        self.assertIn(response.status_code, (401, 403))
        response = self.call(
            "GET", f"{self.rounds[0].absolute_url()}/@review-reports", user=UNIT_A_USER
        )
        self.assertIn(response.status_code, (401, 403))


class TestReviewedEvaluationReports(ReviewCase):
    """A reviewed report is an EvaluationReport of the system (its uid is
    checked) or, outside the system, a title."""

    def setUp(self):
        super().setUp()
        from tests.evaluation.base import create_report

        self.report = create_report(id="jiaoyu", title="2025年教育专项重点评价报告")
        transaction.commit()

    def test_a_report_of_the_system(self):
        row = report(1)
        row["title"] = ""
        row["uid"] = self.report.UID()
        response = self.post(self.rounds[0], [row, report(2)])
        self.assertEqual(response.status_code, 200, response.text)
        rows = response.json()["reports"]
        self.assertEqual(rows[0]["uid"], self.report.UID())
        self.assertEqual(rows[0]["title"], "2025年教育专项重点评价报告")
        self.assertEqual((rows[1]["uid"], rows[1]["title"]), ("", "评价报告 2"))

    def test_a_uid_that_is_not_an_evaluation_report_is_refused(self):
        expert_uid = self.experts["张伟"].UID()
        rows = [
            dict(report(1), uid="no-such-uid"),
            dict(report(2), uid=expert_uid),
            dict(report(3), uid=self.report.UID()),
            dict(report(4), uid=self.report.UID()),
        ]
        response = self.post(self.rounds[0], rows)
        self.assertEqual(response.status_code, 400)
        errors = [
            (e["index"], e["field"], e["code"])
            for e in response.json()["error"]["errors"]
        ]
        self.assertEqual(
            errors,
            [
                (0, "uid", "review_row_report_unknown"),
                (1, "uid", "review_row_report_unknown"),
                (3, "uid", "review_row_report_twice"),
            ],
        )
        transaction.begin()
        self.assertEqual(list(self.rounds[0].reports), [])

    def test_the_vocabulary_lists_the_systems_reports(self):
        response = self.call(
            "GET",
            f"{self.portal.absolute_url()}/@vocabularies/changde.perfmgmt.ReviewableReports",
        )
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(
            [(t["token"], t["title"]) for t in response.json()["items"]],
            [(self.report.UID(), "2025年教育专项重点评价报告（2026）")],
        )

    def test_the_scoring_form_picks_a_report(self):
        from plone.testing.zope import Browser

        browser = Browser(self.layer["app"])
        browser.handleErrors = False
        browser.addHeader("Authorization", f"Basic {OFFICE_USER}:{PASSWORD}")
        browser.addHeader("Accept-Language", "zh-cn")
        browser.open(f"{self.rounds[0].absolute_url()}/@@review-reports")
        browser.getControl(name="uid_0").value = [self.report.UID()]
        for criterion, value in SCORES.items():
            browser.getControl(name=f"{criterion}_0").value = str(value)
        browser.getControl(name="form.buttons.save").click()
        transaction.begin()
        (row,) = self.rounds[0].reports
        self.assertEqual(row["uid"], self.report.UID())
        self.assertEqual(row["title"], "2025年教育专项重点评价报告")
        browser.open(self.rounds[0].absolute_url())
        self.assertTrue(f"resolveuid/{self.report.UID()}" in browser.contents)


class TestRoundNumbers(ReviewCase):
    """A year has one internal-review round of each number."""

    def folder_url(self):
        return self.portal["internal-review"].absolute_url()

    def test_rest_refuses_a_taken_number(self):
        body = {
            "@type": "InternalReviewRound",
            "title": "重复的第2轮",
            "year": 2026,
            "number": 2,
            "date": "2026-06-10",
        }
        response = self.call("POST", self.folder_url(), json=body)
        self.assertEqual(response.status_code, 400, response.text)
        self.assertIn("number", response.text)
        self.assertIn("already has internal-review round 2", response.text)
        response = self.call("POST", self.folder_url(), json=dict(body, year=2027))
        self.assertEqual(response.status_code, 201, response.text)
        # changing a round onto a taken number, too
        response = self.call("PATCH", self.rounds[0].absolute_url(), json={"number": 2})
        self.assertEqual(response.status_code, 400, response.text)
        response = self.call("PATCH", self.rounds[0].absolute_url(), json={"number": 1})
        self.assertEqual(response.status_code, 204, response.text)
        transaction.begin()
        self.assertEqual(self.rounds[0].number, 1)
        self.assertEqual(len(self.portal["internal-review"].objectIds()), 3)

    def test_the_add_form_says_so_next_to_the_number(self):
        from plone.testing.zope import Browser

        browser = Browser(self.layer["app"])
        browser.handleErrors = False
        browser.addHeader("Authorization", f"Basic {OFFICE_USER}:{PASSWORD}")
        browser.addHeader("Accept-Language", "zh-cn")
        browser.open(f"{self.folder_url()}/++add++InternalReviewRound")
        browser.getControl(name="form.widgets.IBasic.title").value = "又一个第1轮"
        browser.getControl(name="form.widgets.year").value = "2026"
        browser.getControl(name="form.widgets.number").value = "1"
        browser.getControl(name="form.widgets.date").value = "2026-07-01"
        browser.getControl(name="form.buttons.save").click()
        self.assertTrue("2026 年已有第 1 轮内部点评" in browser.contents)
        self.assertTrue(
            'id="formfield-form-widgets-number"' in browser.contents
            and "invalid-feedback" in browser.contents
        )
        transaction.begin()
        self.assertEqual(len(self.portal["internal-review"].objectIds()), 2)
        browser.getControl(name="form.widgets.number").value = "3"
        browser.getControl(name="form.buttons.save").click()
        transaction.begin()
        self.assertEqual(len(self.portal["internal-review"].objectIds()), 3)


class TestReviewAccessAndSettings(ReviewCase):
    def test_anonymous_is_refused(self):
        url = f"{self.rounds[0].absolute_url()}/@review-reports"
        response = self.post(self.rounds[0], [report(1)], user=None)
        self.assertIn(response.status_code, (401, 403))
        self.assertIn(self.call("GET", url, user=None).status_code, (401, 403))
        response = self.call(
            "GET",
            f"{self.portal['internal-review'].absolute_url()}/@review-summary",
            user=None,
        )
        self.assertIn(response.status_code, (401, 403))
        transaction.begin()
        self.assertEqual(list(self.rounds[0].reports), [])

    def test_stored_bad_settings_fall_back_to_the_defaults(self):
        from decimal import Decimal

        prefix = "changde.perfmgmt.libraries"
        # stored before the control panel checked them (or in the registry UI)
        api.portal.set_registry_record(f"{prefix}.excellent_min", 6)
        api.portal.set_registry_record(f"{prefix}.weight_text_quality", Decimal(50))
        transaction.commit()
        url = f"{self.portal['internal-review'].absolute_url()}/@review-summary"
        response = self.call("GET", url, params={"year": 2026})
        self.assertEqual(response.status_code, 200, response.text)
        body = response.json()
        self.assertEqual((body["excellent_min"], body["excellent_max"]), (3, 5))
        self.assertEqual(len(body["settings_warnings"]), 2)
        self.assertIn("exceeds the maximum", body["settings_warnings"][0])
        self.assertIn("sum to 125", body["settings_warnings"][1])
        response = self.post(self.rounds[0], [report(1)])
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(response.json()["reports"][0]["total"], "75.00")
        from plone.testing.zope import Browser

        for user, warned in ((OFFICE_USER, True), (REVIEWER_USER, False)):
            browser = Browser(self.layer["app"])
            browser.handleErrors = False
            browser.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
            browser.addHeader("Accept-Language", "zh-cn")
            for page in (self.portal["internal-review"], self.rounds[0]):
                browser.open(page.absolute_url())
                self.assertEqual("设置无效" in browser.contents, warned, (user, page))
            if warned:
                browser.open(f"{self.rounds[0].absolute_url()}/@@review-reports")
                self.assertTrue("设置无效" in browser.contents)


class TestYearEndGap(unittest.TestCase):
    """Fewer than 3 excellent reports once the year is over is a gap."""

    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.request = self.layer["request"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        review_round = api.content.create(
            container=self.portal["internal-review"],
            type="InternalReviewRound",
            id="round-2025",
            title="2025年第1轮内部点评",
            year=2025,
            number=1,
            date=datetime.date(2025, 4, 1),
        )
        review_round.reports = [
            {"title": "报告甲", "total": "90.00", "excellent": True},
            {"title": "报告乙", "total": "80.00", "excellent": False},
        ]

    def test_summary_at_and_after_the_years_end(self):
        from changde.perfmgmt.libraries.reviews import year_summary

        during = year_summary(2025, today=datetime.date(2025, 12, 31))
        self.assertEqual(
            (during["excellent_gap"], during["excellent_short"]), (2, False)
        )
        after = year_summary(2025, today=datetime.date(2026, 1, 1))
        self.assertEqual((after["excellent_gap"], after["excellent_short"]), (2, True))
        self.assertTrue(after["year_ended"])

    def test_the_folder_page_shows_the_gap(self):
        view = api.content.get_view(
            "view", self.portal["internal-review"], self.request
        )
        html = view()
        self.assertIn("2025", html)
        self.assertIn("年度结束时优秀报告仍差", html)
        self.assertRegex(html, r"仍差\s*2\s*个")
