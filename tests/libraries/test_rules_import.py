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
        self.assertEqual(values["status"], "active")
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
