"""Internal review over REST: scored reports with weighted totals, the cap of
excellent reports a year, rounds held against the plan (functional)."""

import datetime

import transaction
from plone import api

from changde.perfmgmt.testing import OFFICE_USER
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


class TestReviewReports(ServiceTestCase):
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
