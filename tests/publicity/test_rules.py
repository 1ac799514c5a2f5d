"""The publicity module's rules, without Zope: what public forms accept, the
rate limit, the training windows, rating averages, attendance by district
and unit, and the listings' helpers — at and around every threshold."""

import unittest
from datetime import date
from decimal import Decimal

from changde.perfmgmt.publicity.rules import listings
from changde.perfmgmt.publicity.rules import public_forms
from changde.perfmgmt.publicity.rules import training
from changde.perfmgmt.publicity.rules.public_forms import PublicFormSettings

SETTINGS = PublicFormSettings(
    rate_limit=3, rate_window_minutes=10, max_text_length=20, max_line_length=5
)


def codes(violations):
    return [violation.code for violation in violations]


class TestText(unittest.TestCase):
    def check(self, value, **kwargs):
        return codes(
            public_forms.text_violations("comments", value, settings=SETTINGS, **kwargs)
        )

    def test_blank_is_refused_only_where_required(self):
        for value in (None, "", "   ", "\n\t"):
            self.assertEqual(self.check(value, required=True), ["public_form_required"])
            self.assertEqual(self.check(value), [])

    def test_the_length_limit_counts_characters(self):
        self.assertEqual(self.check("一" * 20, multiline=True), [])
        self.assertEqual(
            self.check("一" * 21, multiline=True), ["public_form_too_long"]
        )
        # one-line answers have their own, shorter limit
        self.assertEqual(self.check("12345"), [])
        self.assertEqual(self.check("123456"), ["public_form_too_long"])

    def test_the_too_long_message_names_the_limit_and_the_length(self):
        (violation,) = public_forms.text_violations(
            "comments", "x" * 100_000, multiline=True, settings=SETTINGS
        )
        self.assertEqual(violation.field, "comments")
        self.assertEqual(violation.params, {"limit": 20, "length": 100_000})

    def test_markup_and_script_urls_are_refused(self):
        for value in (
            "<script>alert(1)</script>",
            "<b>粗体</b>",
            "</p>",
            "<!-- x -->",
            "<img src=x onerror=alert(1)>",
            "javascript:alert(1)",
            "JavaScript :alert(1)",
            "data:text/html,x",
        ):
            with self.subTest(value=value):
                self.assertIn(
                    "public_form_markup",
                    codes(
                        public_forms.text_violations("comments", value, multiline=True)
                    ),
                )

    def test_a_less_than_sign_in_text_is_text(self):
        for value in ("执行率<80%", "a < b", "1<2", "资金<=100万元"):
            with self.subTest(value=value):
                self.assertEqual(
                    public_forms.text_violations("comments", value, multiline=True), []
                )

    def test_control_characters_are_refused_but_line_breaks_are_text(self):
        self.assertEqual(
            public_forms.text_violations(
                "c", "第一行\n第二行\r\n\t缩进", multiline=True
            ),
            [],
        )
        for char in ("\x00", "\x1b", "\x7f", "\x85"):
            self.assertEqual(
                codes(public_forms.text_violations("c", f"a{char}b", multiline=True)),
                ["public_form_control_characters"],
            )

    def test_the_honeypot(self):
        self.assertFalse(public_forms.honeypot_filled(None))
        self.assertFalse(public_forms.honeypot_filled(""))
        self.assertFalse(public_forms.honeypot_filled("  "))
        self.assertTrue(public_forms.honeypot_filled("http://spam.example"))


class TestRateLimit(unittest.TestCase):
    def test_the_limit_refuses_the_submission_after_the_last_allowed(self):
        self.assertEqual(public_forms.rate_limit_violations(0, SETTINGS), [])
        self.assertEqual(public_forms.rate_limit_violations(2, SETTINGS), [])
        (violation,) = public_forms.rate_limit_violations(3, SETTINGS)
        self.assertEqual(violation.code, "public_form_rate_limited")
        self.assertEqual(violation.params, {"limit": 3, "minutes": 10})
        self.assertTrue(public_forms.rate_limit_violations(4, SETTINGS))

    def test_windows_are_fixed_and_as_long_as_the_setting(self):
        self.assertEqual(public_forms.window_of(0, SETTINGS), 0)
        self.assertEqual(public_forms.window_of(599.99, SETTINGS), 0)
        self.assertEqual(public_forms.window_of(600, SETTINGS), 1)
        self.assertEqual(public_forms.window_of(1199, SETTINGS), 1)

    def test_settings_must_be_whole_numbers_of_at_least_one(self):
        self.assertEqual(
            public_forms.settings_violations(public_forms.DEFAULT_PUBLIC_FORM_SETTINGS),
            [],
        )
        self.assertEqual(
            public_forms.settings_violations(PublicFormSettings(rate_limit=1)), []
        )
        for bad in (0, -1, 1.5, True, None):
            with self.subTest(bad=bad):
                (violation,) = public_forms.settings_violations(
                    PublicFormSettings(rate_window_minutes=bad)
                )
                self.assertEqual(violation.field, "rate_window_minutes")


class TestTrainingWindows(unittest.TestCase):
    START = date(2026, 6, 18)

    def test_sign_up_is_open_until_the_start_without_a_deadline(self):
        self.assertEqual(training.signup_violations(date(2026, 6, 18), self.START), [])
        (violation,) = training.signup_violations(date(2026, 6, 19), self.START)
        self.assertEqual(violation.code, "training_signup_closed")
        self.assertEqual(violation.params, {"date": "2026-06-18"})

    def test_sign_up_is_open_until_the_deadline(self):
        deadline = date(2026, 6, 10)
        self.assertEqual(training.signup_violations(deadline, self.START, deadline), [])
        self.assertTrue(
            training.signup_violations(date(2026, 6, 11), self.START, deadline)
        )

    def test_sign_up_without_dates_is_open(self):
        self.assertEqual(training.signup_violations(date(2030, 1, 1), None), [])

    def test_feedback_opens_on_the_first_day(self):
        (violation,) = training.feedback_violations(date(2026, 6, 17), self.START)
        self.assertEqual(violation.code, "training_feedback_not_yet")
        self.assertEqual(training.feedback_violations(self.START, self.START), [])
        self.assertEqual(training.feedback_violations(date(2027, 1, 1), self.START), [])

    def test_upcoming_until_the_last_day_has_passed(self):
        end = date(2026, 6, 19)
        self.assertTrue(training.is_upcoming(end, self.START, end))
        self.assertFalse(training.is_upcoming(end, self.START, date(2026, 6, 20)))
        self.assertTrue(training.is_upcoming(None, self.START, self.START))


class TestSignUpAnswers(unittest.TestCase):
    def test_a_district_a_unit_or_a_named_organisation(self):
        self.assertEqual(training.signup_answer_violations("wulingqu", None), [])
        self.assertEqual(training.signup_answer_violations("shibenji/jiaoyuju", ""), [])
        self.assertEqual(
            training.signup_answer_violations("other", "湖南某会计师事务所"), []
        )
        self.assertEqual(
            codes(training.signup_answer_violations(None, "x")),
            ["training_signup_organisation_missing"],
        )
        self.assertEqual(
            codes(training.signup_answer_violations("other", "  ")),
            ["training_signup_other_missing"],
        )


class TestMaterials(unittest.TestCase):
    def test_a_file_or_a_web_link(self):
        self.assertEqual(training.material_violations("slides", True, None), [])
        self.assertEqual(
            training.material_violations("link", False, "https://czj.changde.gov.cn"),
            [],
        )
        self.assertEqual(
            codes(training.material_violations("slides", False, None)),
            ["training_material_empty"],
        )
        self.assertEqual(
            codes(training.material_violations("link", True, None)),
            ["training_material_link_missing"],
        )
        for link in ("javascript:alert(1)", "ftp://x", "data:text/html,x"):
            self.assertEqual(
                codes(training.material_violations("link", False, link)),
                ["training_material_link_not_web"],
            )


class TestRatings(unittest.TestCase):
    def test_a_rating_is_a_whole_number_from_one_to_five(self):
        for value, expected in (
            ("5", 5),
            (1, 1),
            (" 3 ", 3),
            ("0", None),
            ("6", None),
            ("4.5", None),
            ("", None),
            (None, None),
            (True, None),
            ("很好", None),
        ):
            self.assertEqual(training.rating(value), expected, value)

    def test_averages_per_question_and_overall(self):
        rows = [
            {"rating_content": "5", "rating_lecturer": "4", "rating_organisation": "3"},
            {"rating_content": "4", "rating_lecturer": "4", "rating_organisation": ""},
            {"rating_content": "4", "rating_lecturer": "bad"},
        ]
        summary = training.feedback_averages(rows)
        self.assertEqual(summary["responses"], 3)
        self.assertEqual(
            summary["criteria"]["rating_content"],
            {"count": 3, "average": Decimal("4.33")},
        )
        self.assertEqual(
            summary["criteria"]["rating_lecturer"],
            {"count": 2, "average": Decimal("4.00")},
        )
        self.assertEqual(
            summary["criteria"]["rating_organisation"],
            {"count": 1, "average": Decimal("3.00")},
        )
        # 5 + 4 + 3 + 4 + 4 + 4 = 24 over 6 ratings
        self.assertEqual(summary["overall"], Decimal("4.00"))

    def test_averages_round_half_up(self):
        rows = [{"rating_content": v} for v in ("5", "5", "4", "4", "4", "4", "4", "4")]
        # 34 / 8 = 4.25
        self.assertEqual(
            training.feedback_averages(rows)["criteria"]["rating_content"]["average"],
            Decimal("4.25"),
        )
        rows = [{"rating_content": v} for v in ("5", "4", "4")]
        self.assertEqual(
            training.feedback_averages(rows)["criteria"]["rating_content"]["average"],
            Decimal("4.33"),
        )
        rows = [{"rating_content": v} for v in ("5", "5", "4")]
        self.assertEqual(
            training.feedback_averages(rows)["criteria"]["rating_content"]["average"],
            Decimal("4.67"),
        )

    def test_no_feedback_has_no_average(self):
        summary = training.feedback_averages([])
        self.assertEqual(summary["responses"], 0)
        self.assertIsNone(summary["overall"])
        self.assertEqual(
            summary["criteria"]["rating_content"], {"count": 0, "average": None}
        )


class TestAttendance(unittest.TestCase):
    def test_by_district_and_unit(self):
        signups = [
            {"jurisdiction": "shibenji", "unit": "shibenji/jiaoyuju", "attended": True},
            {
                "jurisdiction": "shibenji",
                "unit": "shibenji/jiaoyuju",
                "attended": False,
            },
            {"jurisdiction": "wulingqu", "unit": "", "attended": True},
            {
                "jurisdiction": "shibenji",
                "unit": "shibenji/weijianwei",
                "attended": True,
            },
            {"jurisdiction": None, "unit": "某会计师事务所", "attended": False},
        ]
        summary = training.attendance_summary(signups)
        self.assertEqual(summary["signed_up"], 5)
        self.assertEqual(summary["attended"], 3)
        self.assertEqual(summary["rate"], Decimal("60.00"))
        shibenji, wuling, other = summary["jurisdictions"]
        self.assertEqual(
            (shibenji["key"], shibenji["signed_up"], shibenji["attended"]),
            ("shibenji", 3, 2),
        )
        self.assertEqual(shibenji["rate"], Decimal("66.67"))
        self.assertEqual(
            [
                (u["key"], u["signed_up"], u["attended"], u["rate"])
                for u in shibenji["units"]
            ],
            [
                ("shibenji/jiaoyuju", 2, 1, Decimal("50.00")),
                ("shibenji/weijianwei", 1, 1, Decimal("100.00")),
            ],
        )
        self.assertEqual(
            (wuling["key"], wuling["rate"]), ("wulingqu", Decimal("100.00"))
        )
        self.assertEqual(other["key"], training.OTHER)
        self.assertEqual(other["rate"], Decimal("0.00"))

    def test_no_sign_ups(self):
        self.assertEqual(
            training.attendance_summary([]),
            {"signed_up": 0, "attended": 0, "rate": None, "jurisdictions": []},
        )


class TestListings(unittest.TestCase):
    def test_years_newest_first(self):
        self.assertEqual(listings.years([2025, None, 2026, 2025, 0]), [2026, 2025])

    def test_upcoming_soonest_first_and_past_latest_first(self):
        today = date(2026, 6, 18)
        events = [
            {"id": "last-year", "start": date(2025, 6, 1), "end": date(2025, 6, 1)},
            {"id": "under-way", "start": date(2026, 6, 17), "end": date(2026, 6, 18)},
            {"id": "next", "start": date(2026, 7, 1), "end": None},
            {"id": "yesterday", "start": date(2026, 6, 17), "end": date(2026, 6, 17)},
            {"id": "soon", "start": date(2026, 6, 20), "end": date(2026, 6, 20)},
        ]
        upcoming, past = listings.split_upcoming_past(events, today)
        self.assertEqual([e["id"] for e in upcoming], ["under-way", "soon", "next"])
        self.assertEqual([e["id"] for e in past], ["yesterday", "last-year"])

    def test_rectification_status(self):
        self.assertEqual(
            listings.rectification_status(0, 0),
            {"status": "none", "total": 0, "accepted": 0, "rate": None},
        )
        self.assertEqual(listings.rectification_status(3, 2)["status"], "under_way")
        self.assertEqual(listings.rectification_status(3, 2)["rate"], Decimal("66.67"))
        self.assertEqual(listings.rectification_status(3, 3)["status"], "done")

    def test_the_year_of_a_saved_report_name(self):
        self.assertEqual(listings.report_year("义务教育专项重点评价（2026）"), 2026)
        self.assertEqual(listings.report_year("报告(2025)"), 2025)
        self.assertEqual(listings.report_year("报告（2026） [pub]"), 2026)
        self.assertIsNone(listings.report_year("没有年度的报告"))
        self.assertIsNone(listings.report_year(None))

    def test_publicity_counts(self):
        self.assertEqual(
            listings.publicity_counts(
                ["news", "work_meeting", "news", "internal_review_meeting", "other"]
            ),
            {"news": 2, "work_meeting": 1, "internal_review_meeting": 1, "total": 4},
        )
        self.assertEqual(
            listings.publicity_counts([])["total"],
            0,
        )

    def test_feedback_grouped_by_year_and_report(self):
        rows = [
            {"id": 1, "year": 2025, "report": "乙"},
            {"id": 2, "year": 2026, "report": "甲"},
            {"id": 3, "year": None, "report": ""},
            {"id": 4, "year": 2026, "report": "甲"},
            {"id": 5, "year": 2026, "report": None},
        ]
        groups = listings.group_feedback(rows)
        self.assertEqual([g["year"] for g in groups], [2026, 2025, None])
        self.assertEqual(
            [
                (r["report"], [row["id"] for row in r["rows"]])
                for r in groups[0]["reports"]
            ],
            [("甲", [2, 4]), (None, [5])],
        )
