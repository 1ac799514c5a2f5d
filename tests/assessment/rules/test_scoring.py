"""Scoring a scorecard from the facts and the entries, at every edge the
issue lists: actual at target, actual 0, target 0, "≤" with actual 0, every
indicator not applicable, rounding of 89.995, Decimal throughout."""

import unittest
from decimal import Decimal

from changde.perfmgmt.assessment.defaults import default_templates
from changde.perfmgmt.assessment.rules import scoring
from changde.perfmgmt.assessment.rules.scoring import CardFacts
from changde.perfmgmt.assessment.rules.scoring import ExecutionFacts
from changde.perfmgmt.assessment.rules.scoring import IndicatorFacts
from changde.perfmgmt.assessment.rules.scoring import ScoringSettings
from changde.perfmgmt.assessment.rules.scoring import score_card
from changde.perfmgmt.assessment.rules.scoring import score_indicator
from changde.perfmgmt.assessment.rules.scoring import validate_entries
from changde.perfmgmt.assessment.rules.scoring import validate_override

SELF, PROJECT, UNIT = (t["criteria"] for t in default_templates())
D = Decimal
TEN = Decimal(10)


def indicator(
    key,
    comparator="ge",
    target="20",
    actual="20",
    level="产出指标/数量指标",
    weight="10",
    **extra,
):
    level1, level2 = level.split("/")
    return IndicatorFacts(
        key=key,
        title=f"指标{key}",
        level1=level1,
        level2=level2,
        comparator=comparator,
        quantifiable=comparator != "qualitative",
        target=target,
        actual=actual,
        weight=weight,
        source=f"http://site/{key}",
        **extra,
    )


def execution(budget="1000000", executed="950000"):
    return ExecutionFacts(
        budget=budget, executed=executed, label="2026年第2轮", source="http://site/r"
    )


def full_facts(**kw):
    """A project with one indicator of each kind of the self-evaluation."""
    values = {
        "execution": execution(),
        "indicators": (
            indicator("o1"),
            indicator("e1", level="效益指标/社会效益指标"),
            indicator(
                "s1", target="90", actual="95", level="满意度指标/服务对象满意度指标"
            ),
        ),
    }
    values.update(kw)
    return CardFacts(**values)


def one(
    comparator,
    target,
    actual,
    weight=TEN,
    entry=None,
    settings=scoring.DEFAULT_SCORING_SETTINGS,
):
    item = indicator("x", comparator=comparator, target=target, actual=actual)
    return score_indicator(item, weight, entry or {}, settings)


def line(result, key):
    (found,) = [each for each in result.lines if each.key == key]
    return found


class TestIndicators(unittest.TestCase):
    def test_ge_at_target_scores_the_weight(self):
        status, points, explanation, _ = one("ge", "20", "20")
        self.assertEqual((status, points), ("scored", D("10.00")))
        self.assertEqual(explanation.code, "score_ge_met")

    def test_ge_above_target_is_capped(self):
        self.assertEqual(one("ge", "20", "25")[1], D("10.00"))

    def test_ge_below_target_is_the_ratio(self):
        status, points, explanation, _ = one("ge", "20", "18")
        self.assertEqual(points, D("9.00"))
        self.assertEqual(explanation.text, "18 / 20 × 10 = 9.00")

    def test_ge_actual_zero_scores_zero(self):
        self.assertEqual(one("ge", "20", "0")[:2], ("scored", D("0.00")))

    def test_ge_target_zero_cannot_be_scored_and_says_why(self):
        status, points, explanation, _ = one("ge", "0", "5")
        self.assertEqual((status, points), ("cannot_score", None))
        self.assertEqual(explanation.code, "score_target_zero")
        self.assertIn("target is 0", explanation.text)
        # 0 of 0 too: no division by zero
        self.assertEqual(one("ge", "0", "0")[0], "cannot_score")

    def test_le(self):
        self.assertEqual(one("le", "10", "10")[1], D("10.00"))  # at target
        self.assertEqual(one("le", "10", "8")[1], D("10.00"))  # better: capped
        status, points, explanation, _ = one("le", "10", "12.5")
        self.assertEqual(points, D("8.00"))
        self.assertEqual(explanation.text, "10 / 12.5 × 10 = 8.00")

    def test_le_actual_zero_scores_the_weight(self):
        status, points, explanation, _ = one("le", "10", "0")
        self.assertEqual((status, points), ("scored", D("10.00")))
        self.assertEqual(explanation.code, "score_le_actual_zero")
        # target 0 and actual 0: met
        self.assertEqual(one("le", "0", "0")[1], D("10.00"))
        # target 0, actual above it: 0 / actual
        self.assertEqual(one("le", "0", "3")[1], D("0.00"))

    def test_eq(self):
        self.assertEqual(one("eq", "100", "100")[1], D("10.00"))
        self.assertEqual(one("eq", "100%", "100")[1], D("10.00"))
        status, points, explanation, _ = one("eq", "100", "99.9")
        self.assertEqual(points, D("0.00"))
        self.assertEqual(explanation.code, "score_eq_not_met")

    def test_approx_within_the_tolerance(self):
        self.assertEqual(one("approx", "100", "105")[1], D("10.00"))  # 5 % exactly
        self.assertEqual(one("approx", "100", "95")[1], D("10.00"))
        self.assertEqual(one("approx", "100", "105.01")[1], D("0.00"))
        wider = ScoringSettings(approx_tolerance=D("10"))
        self.assertEqual(one("approx", "100", "110", settings=wider)[1], D("10.00"))

    def test_actual_missing_waits(self):
        for actual in (None, "", "  "):
            status, points, explanation, _ = one("ge", "20", actual)
            self.assertEqual((status, points), ("missing", None))
            self.assertEqual(explanation.code, "score_actual_missing")

    def test_text_cannot_be_scored_by_formula(self):
        status, _points, explanation, _ = one("ge", "20", "完成全年目标的65%")
        self.assertEqual(status, "cannot_score")
        self.assertEqual(explanation.code, "score_value_not_a_number")
        self.assertEqual(explanation.params["which"], "actual")
        self.assertEqual(one("ge", "约20", "18")[2].params["which"], "target")

    def test_negative_values(self):
        self.assertEqual(one("ge", "20", "-1")[2].code, "score_value_negative")

    def test_numbers_people_write(self):
        self.assertEqual(scoring.parse_value("92%"), D("92"))
        self.assertEqual(scoring.parse_value(" 3,000 "), D("3000"))
        self.assertEqual(scoring.parse_value("９２．５"), D("92.5"))
        self.assertEqual(scoring.parse_value(18), D("18"))
        self.assertIsNone(scoring.parse_value("明显提升"))
        self.assertIsNone(scoring.parse_value(None))

    def test_qualitative_by_band(self):
        for percent, band in (
            ("100", "fully_met"),
            ("80", "fully_met"),
            ("79.99", "largely_met"),
            ("50", "largely_met"),
            ("49.99", "not_met"),
            ("0", "not_met"),
        ):
            status, points, explanation, found = one(
                "qualitative", "明显改善", "明显改善", entry={"percent": percent}
            )
            self.assertEqual(found, band, percent)
            self.assertEqual(points, D(percent) / 10, percent)
        status, points, explanation, _ = one("qualitative", "明显改善", "")
        self.assertEqual((status, explanation.code), ("missing", "score_band_missing"))

    def test_points_are_decimals(self):
        for args in (("ge", "3", "1"), ("le", "1", "3"), ("eq", "1", "1")):
            exact = one(*args, weight=D(10) / D(3))[1]
            self.assertIsInstance(exact, Decimal)
            self.assertEqual(scoring.round_points(exact).as_tuple().exponent, -2)


class TestRounding(unittest.TestCase):
    """Each line is rounded half up to two decimals; the total is the exact
    sum rounded once; the grade is read from it."""

    single = [
        {
            "code": "1",
            "title": "总体",
            "weight": "100",
            "method": "formula",
            "formula": "output_indicators",
        }
    ]

    def test_89_995_rounds_up_to_90_and_is_excellent(self):
        facts = CardFacts(indicators=(indicator("a", target="100", actual="89.995"),))
        result = score_card(self.single, facts)
        self.assertEqual(result.total, D("90.00"))
        self.assertEqual(result.grade(), "excellent")

    def test_89_994_rounds_down_and_is_good(self):
        facts = CardFacts(indicators=(indicator("a", target="100", actual="89.994"),))
        result = score_card(self.single, facts)
        self.assertEqual(result.total, D("89.99"))
        self.assertEqual(result.grade(), "good")

    def test_a_hand_entered_89_995(self):
        rows = [{"code": "1", "title": "总体", "weight": "100", "method": "manual"}]
        result = score_card(rows, CardFacts(), {"1": {"points": "89.995"}})
        self.assertEqual(result.total, D("90.00"))

    def test_the_total_is_the_exact_sum_rounded_once(self):
        # three equal indicators of 100/3 points each, two thirds achieved
        facts = CardFacts(
            indicators=tuple(indicator(k, target="3", actual="2") for k in "abc")
        )
        result = score_card(self.single, facts)
        points = [each.points for each in result.lines if each.kind == "indicator"]
        self.assertEqual(points, [D("22.22")] * 3)
        self.assertEqual(result.total, D("66.67"))  # 66.666…, not 3 × 22.22

    def test_full_points_everywhere_never_exceed_100(self):
        facts = CardFacts(indicators=tuple(indicator(k) for k in "abc"))
        result = score_card(self.single, facts)
        self.assertEqual([line.points for line in result.lines[1:]], [D("33.33")] * 3)
        self.assertEqual(result.total, D("100.00"))
        self.assertEqual(result.grade(), "excellent")


class TestSelfEvaluation(unittest.TestCase):
    def test_a_complete_card(self):
        result = score_card(SELF, full_facts(), {"1": {"note": "年底集中采购。"}})
        self.assertTrue(result.complete)
        execution_line = line(result, "1")
        self.assertEqual(execution_line.points, D("9.50"))
        self.assertEqual(
            execution_line.explanation.text,
            "Execution rate 95.00 % (950,000 / 1,000,000) × 10 = 9.50",
        )
        self.assertEqual(
            [fact.kind for fact in execution_line.facts],
            ["round", "budget", "executed", "rate"],
        )
        self.assertEqual(line(result, "2").points, D("50.00"))
        self.assertEqual(line(result, "2/o1").effective_weight, D(50))
        self.assertEqual(line(result, "2/o1").facts[1].source, "http://site/o1")
        self.assertEqual(result.total, D("99.50"))
        self.assertEqual(result.grade(), "excellent")
        self.assertEqual(result.problems, ())

    def test_execution_capped_at_the_weight(self):
        facts = full_facts(execution=execution(executed="1200000"))
        result = score_card(SELF, facts)
        self.assertEqual(line(result, "1").points, D("10.00"))
        self.assertEqual(line(result, "1").explanation.code, "score_execution_capped")

    def test_execution_under_90_needs_a_written_explanation(self):
        facts = full_facts(execution=execution(executed="899999.99"))
        result = score_card(SELF, facts)
        self.assertTrue(result.complete)
        self.assertTrue(line(result, "1").needs_explanation)
        self.assertEqual(
            [p.code for p in result.problems], ["execution_explanation_required"]
        )
        self.assertEqual(
            [p.code for p in scoring.submission_problems(result)],
            ["execution_explanation_required"],
        )
        explained = score_card(SELF, facts, {"1": {"note": "工程款次年结算。"}})
        self.assertEqual(explained.problems, ())
        self.assertEqual(line(explained, "1").note, "工程款次年结算。")
        # exactly 90: no explanation needed; the threshold is a setting
        at = score_card(SELF, full_facts(execution=execution(executed="900000")))
        self.assertFalse(line(at, "1").needs_explanation)
        stricter = ScoringSettings(explanation_below_rate=D("96"))
        self.assertTrue(
            line(
                score_card(SELF, full_facts(), settings=stricter), "1"
            ).needs_explanation
        )

    def test_no_final_round_record_waits(self):
        result = score_card(SELF, full_facts(execution=None))
        self.assertFalse(result.complete)
        self.assertEqual(line(result, "1").status, "missing")
        self.assertEqual(
            line(result, "1").explanation.code, "score_execution_no_record"
        )
        self.assertEqual(result.partial, D("90.00"))
        self.assertEqual([p.code for p in result.problems], ["scorecard_line_waiting"])

    def test_a_budget_of_zero_cannot_be_scored(self):
        result = score_card(SELF, full_facts(execution=execution(budget="0")))
        self.assertEqual(line(result, "1").status, "cannot_score")
        self.assertEqual(
            line(result, "1").explanation.code, "score_execution_budget_zero"
        )
        self.assertEqual(
            [p.code for p in result.problems], ["scorecard_line_cannot_be_scored"]
        )

    def test_an_indicator_not_applicable_is_dropped_and_the_others_rescaled(self):
        facts = full_facts(
            indicators=(
                indicator("o1", weight="10"),
                indicator("o2", actual="10", weight="30"),
                indicator("e1", level="效益指标/社会效益指标"),
                indicator("s1", level="满意度指标/服务对象满意度指标"),
            )
        )
        both = score_card(SELF, facts)
        self.assertEqual(line(both, "2/o1").effective_weight, D("12.5"))
        self.assertEqual(line(both, "2/o2").effective_weight, D("37.5"))
        self.assertEqual(line(both, "2/o2").points, D("18.75"))
        dropped = score_card(
            SELF,
            facts,
            {"2/o2": {"not_applicable": True, "note": "政策调整,项目取消。"}},
        )
        self.assertEqual(line(dropped, "2/o2").status, "not_applicable")
        self.assertEqual(line(dropped, "2/o1").effective_weight, D(50))
        self.assertEqual(line(dropped, "2").points, D("50.00"))
        self.assertIn("政策调整", line(dropped, "2/o2").explanation.text)

    def test_a_kind_without_indicators_is_dropped_and_the_rest_rescaled(self):
        facts = full_facts(indicators=full_facts().indicators[:2])  # no satisfaction
        result = score_card(SELF, facts, {"1": {"note": "…"}})
        self.assertEqual(line(result, "4").status, "not_applicable")
        self.assertEqual(line(result, "4").explanation.code, "score_no_indicators")
        self.assertEqual(round(line(result, "1").effective_weight, 4), D("11.1111"))
        self.assertEqual(line(result, "1").points, D("10.56"))  # 95 % of 11.11…
        self.assertEqual(line(result, "2").points, D("55.56"))
        self.assertEqual(line(result, "3").points, D("33.33"))
        self.assertEqual(result.total, D("99.44"))  # exact 99.444…

    def test_all_indicators_not_applicable_cannot_be_scored(self):
        entries = {
            f"{code}/{key}": {"not_applicable": True, "note": "不适用"}
            for code, key in (("2", "o1"), ("3", "e1"), ("4", "s1"))
        }
        result = score_card(SELF, full_facts(), entries)
        self.assertFalse(result.complete)
        self.assertIsNone(result.total)
        self.assertEqual(result.problems[0].code, "scorecard_no_applicable_indicator")
        # the same for a project with no indicator at all
        empty = score_card(SELF, full_facts(indicators=()))
        self.assertEqual(empty.problems[0].code, "scorecard_no_applicable_indicator")
        # a hand-entered score with a reason lets it go to review
        self.assertNotEqual(scoring.submission_problems(result), [])
        self.assertEqual(scoring.submission_problems(result, D(80), "专家评定"), [])

    def test_everything_not_applicable(self):
        rows = [{"code": "1", "title": "甲", "weight": "100", "method": "manual"}]
        result = score_card(
            rows, CardFacts(), {"1": {"not_applicable": True, "note": "x"}}
        )
        self.assertEqual(
            [p.code for p in result.problems], ["scorecard_nothing_applicable"]
        )

    def test_a_target_of_zero_keeps_the_card_incomplete(self):
        facts = full_facts(
            indicators=(indicator("o1", target="0"),) + full_facts().indicators[1:]
        )
        result = score_card(SELF, facts, {"1": {"note": "x"}})
        self.assertFalse(result.complete)
        self.assertEqual(line(result, "2").status, "cannot_score")
        (problem,) = result.problems
        self.assertEqual(problem.code, "scorecard_line_cannot_be_scored")
        self.assertEqual(problem.params["key"], "2/o1")
        self.assertEqual(problem.params["code"], "2")

    def test_facts_round_trip_as_plain_data(self):
        facts = full_facts()
        self.assertEqual(CardFacts.from_dict(facts.as_dict()), facts)
        self.assertEqual(CardFacts.from_dict(CardFacts().as_dict()), CardFacts())


class TestProjectScorecard(unittest.TestCase):
    def facts(self):
        return CardFacts(
            indicators=(
                indicator("q1", level="产出指标/数量指标", target="300", actual="270"),
                indicator(
                    "t1",
                    comparator="eq",
                    target="100",
                    actual="100",
                    level="产出指标/时效指标",
                ),
                indicator(
                    "c1",
                    comparator="le",
                    target="60",
                    actual="50",
                    level="产出指标/成本指标",
                ),
                indicator("e1", level="效益指标/经济效益指标", target="10", actual="8"),
                indicator(
                    "e2",
                    comparator="qualitative",
                    target="明显改善",
                    actual="明显改善",
                    level="效益指标/生态效益指标",
                ),
                indicator(
                    "s1",
                    level="满意度指标/服务对象满意度指标",
                    target="90",
                    actual="93",
                ),
            )
        )

    def entries(self):
        entries = {
            code: {"percent": "90"}
            for code in ("1.1.1", "1.1.2", "1.2.1", "1.2.2", "2.1.1", "2.1.2", "2.2.1")
        }
        entries["3.2.1/e2"] = {"percent": "85"}
        return entries

    def test_scored_by_the_expert_and_the_facts(self):
        result = score_card(PROJECT, self.facts(), self.entries())
        self.assertTrue(result.complete, result.problems)
        # no quality indicator: 3.1.2 dropped, 数量/时效/成本 share the 20
        self.assertEqual(line(result, "3.1.2").status, "not_applicable")
        self.assertEqual(round(line(result, "3.1.1").effective_weight, 4), D("6.6667"))
        self.assertEqual(line(result, "3.1.1").points, D("6.00"))  # 270/300 of 6.67
        self.assertEqual(line(result, "3.1").points, D("19.33"))  # 6 + 6.667 + 6.667
        self.assertEqual(line(result, "1").points, D("18.00"))
        self.assertEqual(line(result, "2").points, D("9.00"))
        # 效益 40: 8/10 of 20, 85 % of 20
        self.assertEqual(line(result, "3.2.1").points, D("33.00"))
        self.assertEqual(line(result, "3.2.2").points, D("10.00"))
        self.assertEqual(result.total, D("89.33"))
        self.assertEqual(result.grade(), "good")
        self.assertEqual(line(result, "1.1.1").band, "fully_met")

    def test_bands_wait_for_the_expert(self):
        result = score_card(PROJECT, self.facts(), {})
        self.assertFalse(result.complete)
        waiting = [p.params["key"] for p in result.problems]
        self.assertEqual(waiting[:2], ["1.1.1", "1.1.2"])
        self.assertIn("3.2.1/e2", waiting)

    def test_a_leaf_marked_not_applicable_rescales_its_siblings(self):
        entries = self.entries()
        entries["2.1.1"] = {"not_applicable": True, "note": "未涉及资金分配"}
        result = score_card(PROJECT, self.facts(), entries)
        self.assertEqual(line(result, "2.1.2").effective_weight, D(7))
        self.assertEqual(line(result, "2.1.2").points, D("6.30"))

    def test_manual_points_on_a_rescaled_leaf_scale_with_it(self):
        rows = [
            {"code": "1", "title": "甲", "weight": "40", "method": "manual"},
            {"code": "2", "title": "乙", "weight": "40", "method": "manual"},
            {"code": "3", "title": "丙", "weight": "20", "method": "manual"},
        ]
        entries = {
            "1": {"points": "30"},
            "2": {"points": "40"},
            "3": {"not_applicable": True, "note": "本年度未涉及"},
        }
        result = score_card(rows, CardFacts(), entries)
        self.assertEqual(line(result, "1").points, D("37.50"))
        self.assertEqual(line(result, "1").explanation.code, "score_manual_rescaled")
        self.assertEqual(
            line(result, "1").explanation.text,
            "30 of 40 points, entered by hand, rescaled to 50: 37.50",
        )
        self.assertEqual(line(result, "2").points, D("50.00"))
        self.assertEqual(result.total, D("87.50"))


class TestEntries(unittest.TestCase):
    def codes(self, entries, rows=PROJECT, facts=None):
        facts = facts or TestProjectScorecard().facts()
        return [v.code for v in validate_entries(rows, entries, facts)]

    def test_valid(self):
        self.assertEqual(self.codes(TestProjectScorecard().entries()), [])
        self.assertEqual(self.codes(None), [])

    def test_unknown_keys(self):
        self.assertEqual(self.codes({"9": {"percent": 1}}), ["scorecard_entry_unknown"])
        self.assertEqual(
            self.codes({"1": {"percent": 1}}), ["scorecard_entry_unknown"]
        )  # a group
        # an indicator under a leaf that does not score it
        self.assertEqual(self.codes({"3.1.1/e1": {}}), ["scorecard_entry_unknown"])
        self.assertEqual(
            self.codes({"1.1.1": {"colour": 1}}), ["scorecard_entry_unknown_keys"]
        )
        self.assertEqual(self.codes([]), ["scorecard_entries_not_an_object"])
        self.assertEqual(self.codes({"1.1.1": 5}), ["scorecard_entry_not_an_object"])

    def test_ranges(self):
        self.assertEqual(
            self.codes({"1.1.1": {"percent": "100.01"}}),
            ["scorecard_entry_out_of_range"],
        )
        self.assertEqual(
            self.codes({"1.1.1": {"percent": "-1"}}), ["scorecard_entry_out_of_range"]
        )
        self.assertEqual(
            self.codes({"1.1.1": {"percent": "abc"}}), ["scorecard_entry_out_of_range"]
        )
        manual = UNIT
        facts = scoring.CardFacts()
        self.assertEqual(self.codes({"1.2.1": {"points": "5"}}, manual, facts), [])
        self.assertEqual(
            self.codes({"1.2.1": {"points": "5.01"}}, manual, facts),
            ["scorecard_entry_out_of_range"],
        )

    def test_what_a_formula_computes_is_not_entered(self):
        self.assertEqual(
            self.codes({"3.1.1": {"points": "5"}}), ["scorecard_entry_computed"]
        )
        self.assertEqual(
            self.codes({"3.1.1/q1": {"percent": "90"}}), ["scorecard_entry_computed"]
        )
        self.assertEqual(
            self.codes({"1.1.1": {"points": "5"}}), ["scorecard_entry_computed"]
        )

    def test_not_applicable_needs_a_reason(self):
        self.assertEqual(
            self.codes({"3.1.1/q1": {"not_applicable": True}}),
            ["scorecard_not_applicable_needs_reason"],
        )
        self.assertEqual(
            self.codes({"3.1.1/q1": {"not_applicable": True, "note": "取消"}}), []
        )
        self.assertEqual(
            self.codes({"3.1.1/q1": {"not_applicable": "yes", "note": "x"}}),
            ["scorecard_not_applicable_not_boolean"],
        )

    def test_invalid_entries_never_count_as_points(self):
        result = score_card(
            PROJECT, TestProjectScorecard().facts(), {"1.1.1": {"percent": "500"}}
        )
        self.assertEqual(line(result, "1.1.1").status, "cannot_score")


class TestOverride(unittest.TestCase):
    def test_a_different_score_needs_a_reason(self):
        (violation,) = validate_override(D("87.30"), D("88"), "")
        self.assertEqual(violation.field, "score_override_reason")
        self.assertEqual(validate_override(D("87.30"), D("88"), "专家组复核调整"), [])
        self.assertEqual(validate_override(D("87.30"), D("87.3"), None), [])
        self.assertEqual(validate_override(None, D("88"), None), [])
        self.assertEqual(validate_override(D("87.30"), None, None), [])


class TestSettings(unittest.TestCase):
    def test_validation(self):
        self.assertEqual(scoring.validate_scoring_settings(ScoringSettings()), [])
        bad = ScoringSettings(explanation_below_rate=D("101"), approx_tolerance=D("-1"))
        self.assertEqual(
            [v.field for v in scoring.validate_scoring_settings(bad)],
            ["explanation_below_rate", "approx_tolerance"],
        )


if __name__ == "__main__":
    unittest.main()
