"""Tests of changde.perfmgmt.libraries.rules.ratings (plain unittest, no Zope)."""

import datetime
import unittest
from decimal import Decimal

from changde.perfmgmt.libraries.rules.elimination import elimination_proposals
from changde.perfmgmt.libraries.rules.ratings import rating_year
from changde.perfmgmt.libraries.rules.ratings import ratings_average
from changde.perfmgmt.libraries.rules.ratings import scores_of_year
from changde.perfmgmt.libraries.rules.ratings import validate_rating


class TestRatings(unittest.TestCase):
    def test_valid(self):
        self.assertEqual(validate_rating("2026-05-01", "评价", 88, "office"), [])
        self.assertEqual(
            validate_rating(datetime.date(2026, 5, 1), "评价", "88.5", "o"), []
        )

    def test_invalid(self):
        violations = validate_rating("2026-02-30", " ", True, "")
        self.assertEqual(
            [v.field for v in violations], ["date", "engagement", "score", "rater"]
        )
        violations = validate_rating("2026-02-01", "x", -1, "o")
        self.assertEqual(violations[0].code, "rating_score_out_of_range")

    def test_average(self):
        self.assertIsNone(ratings_average([]))
        self.assertEqual(ratings_average(["90", 85, 80]), Decimal("85.00"))
        self.assertEqual(ratings_average([1, 2, 2]), Decimal("1.67"))


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
        self.assertEqual(scores_of_year(self.ratings, 2026), ["80", "90", "70"])

    def test_last_years_rating_is_not_counted(self):
        self.assertEqual(scores_of_year(self.ratings, 2025), ["10"])
        self.assertEqual(scores_of_year(self.ratings, 2024), [])

    def test_rating_year(self):
        self.assertEqual(rating_year({"date": " 2026-05-01 "}), 2026)
        self.assertIsNone(rating_year({"date": "2026-13-01"}))
        self.assertIsNone(rating_year({}))

    def test_a_member_rated_last_year_is_not_ranked_this_year(self):
        # three ratings in all, two of them last year: too few this year
        ratings = [
            {"date": "2025-11-01", "score": "40"},
            {"date": "2025-12-01", "score": "40"},
            {"date": "2026-02-01", "score": "40"},
        ]
        result = elimination_proposals(
            [
                ("a", "张伟", scores_of_year(ratings, 2026)),
                ("b", "李娜", [60, 60, 60]),
                ("c", "王芳", [90, 90, 90]),
            ]
        )
        self.assertEqual(result.too_few_ratings, ("a",))
        self.assertEqual([p.member_id for p in result.proposed], ["b"])
