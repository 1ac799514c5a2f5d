"""Plain-Python rules added for the Plone side: the catalog sort string, row
validation of imports, ratings, elimination decisions, the yearly cap of
excellent reports over several rounds."""

import datetime
import unittest
from decimal import Decimal

from changde.perfmgmt.libraries import rules


class TestLibraryRows(unittest.TestCase):
    def test_expert_row_by_headers_and_labels(self):
        values, violations = rules.normalise_library_row(
            "expert",
            {
                "姓名": " 张伟 ",
                "级别": "省级",
                "专业领域": "财政、教育;审计",
                "编号": "x",
            },
        )
        self.assertEqual(violations, [])
        self.assertEqual(values["title"], "张伟")
        self.assertEqual(values["level"], "provincial")
        self.assertEqual(values["expertise"], ["财政", "教育", "审计"])
        # an empty status leaves the member's as it is; 编号 names the member
        self.assertIsNone(values["status"])
        self.assertEqual(values["id"], "x")
        self.assertIsNone(values["contact"])
        # files without the account column (older exports) stay valid
        self.assertIsNone(values["user_id"])

    def test_user_id_column(self):
        for key in ("系统账号", "user_id"):
            values, violations = rules.normalise_library_row(
                "agency", {"title": "某事务所", "level": "市级", key: " firm-1 "}
            )
            self.assertEqual((values["user_id"], violations), ("firm-1", []))

    def test_required_invalid_and_unknown(self):
        _values, violations = rules.normalise_library_row(
            "agency", {"title": "", "level": "县级", "website": "x"}
        )
        self.assertEqual(
            [(v.field, v.code) for v in violations],
            [
                ("website", "library_row_unknown_column"),
                ("title", "library_row_required"),
                ("level", "library_row_invalid_choice"),
            ],
        )
        self.assertIn("省级、市级", violations[2].text)

    def test_supervision_category_by_label(self):
        values, violations = rules.normalise_library_row(
            "supervision", {"title": "陈明", "category": "人大代表"}
        )
        self.assertEqual((values["category"], violations), ("npc_deputy", []))

    def test_too_long(self):
        _values, violations = rules.normalise_library_row(
            "supervision", {"title": "x" * 201, "category": "audit"}
        )
        self.assertEqual([v.code for v in violations], ["library_row_too_long"])

    def test_unknown_kind(self):
        with self.assertRaises(ValueError):
            rules.normalise_library_row("indicator", {})

    def test_duplicate_names(self):
        duplicates = rules.duplicate_name_violations(
            ["赵敏", "张伟", "赵敏", ""], ["张伟"]
        )
        self.assertEqual(sorted(duplicates), [1, 2])
        self.assertEqual(duplicates[1].field, "title")


class TestRatings(unittest.TestCase):
    def test_valid(self):
        self.assertEqual(rules.validate_rating("2026-05-01", "评价", 88, "office"), [])
        self.assertEqual(
            rules.validate_rating(datetime.date(2026, 5, 1), "评价", "88.5", "o"), []
        )

    def test_invalid(self):
        violations = rules.validate_rating("2026-02-30", " ", True, "")
        self.assertEqual(
            [v.field for v in violations], ["date", "engagement", "score", "rater"]
        )
        violations = rules.validate_rating("2026-02-01", "x", -1, "o")
        self.assertEqual(violations[0].code, "rating_score_out_of_range")

    def test_average(self):
        self.assertIsNone(rules.ratings_average([]))
        self.assertEqual(rules.ratings_average(["90", 85, 80]), Decimal("85.00"))
        self.assertEqual(rules.ratings_average([1, 2, 2]), Decimal("1.67"))


class TestEliminationDecisions(unittest.TestCase):
    members = ("a", "b", "c")

    def check(self, decisions, proposed=("a",)):
        return [
            (v.field, v.code)
            for v in rules.validate_elimination_decisions(
                proposed, self.members, decisions
            )
        ]

    def test_confirming_the_proposal(self):
        self.assertEqual(self.check({"a": ("remove", "")}), [])

    def test_every_proposed_member_needs_a_decision(self):
        self.assertEqual(self.check({}), [("a", "elimination_decision_missing")])

    def test_overrides_need_a_reason(self):
        self.assertEqual(
            self.check({"a": ("keep", " "), "b": ("remove", "")}),
            [
                ("a", "elimination_override_reason_required"),
                ("b", "elimination_override_reason_required"),
            ],
        )
        self.assertEqual(
            self.check({"a": ("keep", "新引进"), "b": ("remove", "违规")}), []
        )

    def test_unknown_member_and_decision(self):
        self.assertEqual(
            self.check({"a": ("drop", ""), "z": ("remove", "")}),
            [
                ("a", "elimination_decision_invalid"),
                ("z", "elimination_member_unknown"),
            ],
        )


class TestExcellentYear(unittest.TestCase):
    def test_cap_over_rounds(self):
        self.assertIsNone(rules.excellent_year_violation(3, 2))
        self.assertIsNone(rules.excellent_year_violation(7, 0))
        violation = rules.excellent_year_violation(3, 3)
        self.assertEqual(violation.code, "excellent_reports_cap_reached")
        self.assertEqual(violation.params, {"count": 5, "maximum": 5})


class TestRatingsOfTheYear(unittest.TestCase):
    """R-M8: elimination is run each year, on that year's ratings."""

    ratings = [
        {"date": "2025-12-31", "score": "10"},
        {"date": "2026-01-01", "score": "80"},
        {"date": "2026-12-31", "score": "90"},
        {"date": datetime.date(2026, 6, 1), "score": "70"},
        {"date": "2027-01-01", "score": "20"},
        {"date": "", "score": "0"},
        {"score": "0"},
    ]

    def test_only_the_years_ratings_count(self):
        self.assertEqual(rules.scores_of_year(self.ratings, 2026), ["80", "90", "70"])

    def test_last_years_rating_is_not_counted(self):
        self.assertEqual(rules.scores_of_year(self.ratings, 2025), ["10"])
        self.assertEqual(rules.scores_of_year(self.ratings, 2024), [])

    def test_rating_year(self):
        self.assertEqual(rules.rating_year({"date": " 2026-05-01 "}), 2026)
        self.assertIsNone(rules.rating_year({"date": "2026-13-01"}))
        self.assertIsNone(rules.rating_year({}))

    def test_a_member_rated_last_year_is_not_ranked_this_year(self):
        # three ratings in all, two of them last year: too few this year
        ratings = [
            {"date": "2025-11-01", "score": "40"},
            {"date": "2025-12-01", "score": "40"},
            {"date": "2026-02-01", "score": "40"},
        ]
        result = rules.elimination_proposals(
            [
                ("a", "张伟", rules.scores_of_year(ratings, 2026)),
                ("b", "李娜", [60, 60, 60]),
                ("c", "王芳", [90, 90, 90]),
            ]
        )
        self.assertEqual(result.too_few_ratings, ("a",))
        self.assertEqual([p.member_id for p in result.proposed], ["b"])


class TestEliminationOfPeople(unittest.TestCase):
    """Experts are people: a tie is broken by the pinyin of the surname."""

    members = [
        ("z", "曾伟", [50, 50, 50]),
        ("c", "陈明", [50, 50, 50]),
        ("x", "艾米", [90, 90, 90]),
    ]

    def test_surname_reading_for_people(self):
        # 曾 as a surname is zeng (after chen), otherwise ceng (before chen)
        people = rules.elimination_proposals(self.members, person=True)
        self.assertEqual(people.proposed[0].member_id, "c")
        names = rules.elimination_proposals(self.members)
        self.assertEqual(names.proposed[0].member_id, "z")


class TestImportPlan(unittest.TestCase):
    members = {
        "zhang-wei": ("张伟", "active"),
        "li-na": ("李娜", "removed"),
        "wang-fang": ("王芳", "proposed_for_removal"),
    }

    def check(self, rows):
        return {
            index: [(v.field, v.code) for v in violations]
            for index, violations in rules.import_plan_violations(
                rows, self.members
            ).items()
        }

    def test_the_librarys_own_export_imports_again(self):
        rows = [
            ("li-na", "李娜", "removed"),
            ("wang-fang", "王芳", "proposed_for_removal"),
            ("zhang-wei", "张伟", "active"),
        ]
        self.assertEqual(self.check(rows), {})

    def test_update_and_create(self):
        rows = [
            ("zhang-wei", "张伟", None),
            (None, "赵敏", None),
            (None, "孙杰", "active"),
        ]
        self.assertEqual(self.check(rows), {})

    def test_unknown_or_repeated_id(self):
        rows = [
            ("zhao", "赵敏", None),
            ("li-na", "李娜", None),
            ("li-na", "李娜二", None),
        ]
        self.assertEqual(
            self.check(rows),
            {
                0: [("id", "library_row_unknown_id")],
                2: [("id", "library_row_duplicate_id")],
            },
        )

    def test_names(self):
        # a new member may not take the name of one the file leaves alone
        self.assertEqual(
            self.check([(None, "李娜", None)]),
            {0: [("title", "library_row_duplicate_name")]},
        )
        # two members may swap names; one may take a name another gives up
        swap = [("zhang-wei", "李娜", None), ("li-na", "张伟", None)]
        self.assertEqual(self.check(swap), {})
        self.assertEqual(
            self.check([("zhang-wei", "赵敏", None), (None, "张伟", None)]), {}
        )
        self.assertEqual(
            self.check([(None, "赵敏", None), (None, "赵敏", None)]),
            {1: [("title", "library_row_duplicate_name")]},
        )

    def test_status_changes_only_through_elimination(self):
        rows = [
            ("zhang-wei", "张伟", "removed"),
            ("li-na", "李娜", "active"),
            (None, "赵敏", "removed"),
            (None, "孙杰", "proposed_for_removal"),
        ]
        result = self.check(rows)
        self.assertEqual(
            result,
            {i: [("status", "library_row_status_by_elimination")] for i in range(4)},
        )
        violation = rules.import_plan_violations(rows, self.members)[1][0]
        self.assertEqual(violation.params, {"value": "在库", "current": "已淘汰"})
        self.assertIn("末位淘汰", violation.text)

    def test_present_columns(self):
        self.assertEqual(
            rules.present_columns(
                "expert", {"姓名": "张伟", "level": "省级", "编号": "x", "评分次数": 3}
            ),
            {"title", "level"},
        )


class TestReviewRoundsAndReports(unittest.TestCase):
    def test_one_round_of_each_number_a_year(self):
        self.assertIsNone(rules.review_round_number_violation(2026, 3, [1, 2]))
        violation = rules.review_round_number_violation(2026, 2, [1, 2])
        self.assertEqual(
            (violation.field, violation.code), ("number", "review_round_number_taken")
        )
        self.assertEqual(violation.params, {"year": 2026, "number": 2})

    def test_reviewed_reports(self):
        violations = rules.reviewed_report_violations(
            ["u1", "", None, "nope", "u1", "u2"], {"u1", "u2"}
        )
        self.assertEqual(
            {index: v.code for index, v in violations.items()},
            {3: "review_row_report_unknown", 4: "review_row_report_twice"},
        )
        self.assertEqual(violations[3].field, "uid")
