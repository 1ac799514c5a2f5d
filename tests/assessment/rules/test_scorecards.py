"""Scorecard templates: rows, the tree, weights adding up at each level
(refused when not), the shipped defaults, and which template a report gets."""

import unittest
from decimal import Decimal

from changde.perfmgmt.assessment.defaults import default_templates
from changde.perfmgmt.assessment.rules import scorecards
from changde.perfmgmt.assessment.rules.scorecards import build_tree
from changde.perfmgmt.assessment.rules.scorecards import normalized_rows
from changde.perfmgmt.assessment.rules.scorecards import pick_template
from changde.perfmgmt.assessment.rules.scorecards import validate_criteria


def row(code, title, weight, method=None, formula=None):
    return {
        "code": code,
        "title": title,
        "weight": weight,
        "method": method,
        "formula": formula,
    }


HUNAN_TOP = [
    row("1", "项目决策", "20"),
    row("1.1", "科学决策", "10", "band"),
    row("1.2", "绩效目标", "10", "band"),
    row("2", "项目管理", "10", "manual"),
    row("3", "项目绩效", "70", "formula", "output_indicators"),
]


def codes(violations):
    return [violation.code for violation in violations]


class TestDefaults(unittest.TestCase):
    def test_the_three_shipped_templates_are_valid(self):
        templates = default_templates()
        self.assertEqual(
            [template["kind"] for template in templates],
            ["self", "key", "unit_overall"],
        )
        for template in templates:
            self.assertEqual(
                validate_criteria(template["criteria"]), [], template["id"]
            )

    def test_the_self_evaluation_weights_of_the_practice(self):
        (self_evaluation, _project, _unit) = default_templates()
        tree = build_tree(self_evaluation["criteria"])
        self.assertEqual(
            [(c.title, c.weight, c.formula) for c in tree],
            [
                ("预算执行率", Decimal(10), "execution_rate"),
                ("产出指标", Decimal(50), "output_indicators"),
                ("效益指标", Decimal(30), "outcome_indicators"),
                ("满意度指标", Decimal(10), "satisfaction_indicators"),
            ],
        )

    def test_the_hunan_scorecard_of_the_requirements(self):
        project = default_templates()[1]
        tree = build_tree(project["criteria"])
        self.assertEqual(
            [(c.title, c.weight) for c in tree],
            [
                ("项目决策", Decimal(20)),
                ("项目管理", Decimal(10)),
                ("项目绩效", Decimal(70)),
            ],
        )
        weights = {c.title: c.weight for c in scorecards.walk(tree)}
        for title, weight in (
            ("科学决策", 10),
            ("必要性", 5),
            ("可行性", 5),
            ("绩效目标", 10),
            ("明确性", 5),
            ("合理性", 5),
            ("资金管理", 7),
            ("资金分配", 3),
            ("资金使用", 4),
            ("项目执行", 3),
            ("执行规范", 3),
            ("项目完成", 20),
            ("数量", 5),
            ("质量", 5),
            ("时效", 5),
            ("成本", 5),
            ("项目效益", 50),
            ("服务对象满意度", 10),
        ):
            self.assertEqual(weights[title], Decimal(weight), title)

    def test_the_unit_wide_scorecard(self):
        unit = default_templates()[2]
        tree = build_tree(unit["criteria"])
        self.assertEqual(
            [(c.title, c.weight) for c in tree],
            [
                ("部门决策", Decimal(25)),
                ("综合管理", Decimal(30)),
                ("部门绩效", Decimal(45)),
            ],
        )
        performance = tree[2]
        self.assertEqual(
            [(c.title, c.weight) for c in performance.children],
            [
                ("履职成效", Decimal(20)),
                ("可持续发展能力", Decimal(15)),
                ("满意度", Decimal(10)),
            ],
        )


class TestValidation(unittest.TestCase):
    def test_valid_rows(self):
        self.assertEqual(validate_criteria(HUNAN_TOP), [])

    def test_top_level_not_adding_up_to_100_is_refused(self):
        rows = [dict(r) for r in HUNAN_TOP]
        rows[4]["weight"] = "69"
        (violation,) = validate_criteria(rows)
        self.assertEqual(violation.code, "criteria_top_weights_not_100")
        self.assertEqual(violation.field, "criteria")
        self.assertEqual(violation.params["sum"], Decimal(99))

    def test_101_is_refused_too(self):
        rows = [dict(r) for r in HUNAN_TOP]
        rows[4]["weight"] = "71"
        self.assertEqual(
            codes(validate_criteria(rows)), ["criteria_top_weights_not_100"]
        )

    def test_a_group_whose_children_do_not_add_up_to_its_weight(self):
        rows = [dict(r) for r in HUNAN_TOP]
        rows[2]["weight"] = "9.99"
        (violation,) = validate_criteria(rows)
        self.assertEqual(violation.code, "criteria_group_weights_mismatch")
        self.assertEqual(violation.params["code"], "1")
        self.assertEqual(violation.params["sum"], Decimal("19.99"))
        self.assertEqual(violation.params["weight"], Decimal(20))
        self.assertIn("19.99", violation.text)

    def test_decimal_weights_that_add_up_exactly(self):
        rows = [
            row("1", "甲", "33.33", "manual"),
            row("2", "乙", "33.33", "manual"),
            row("3", "丙", "33.34", "manual"),
        ]
        self.assertEqual(validate_criteria(rows), [])

    def test_weights_out_of_range(self):
        for weight in ("0", "-5", "100.01", "abc", None, True):
            rows = [row("1", "甲", weight, "manual")]
            self.assertIn(
                "criterion_weight_invalid", codes(validate_criteria(rows)), weight
            )

    def test_codes(self):
        for code in ("0", "1.", ".1", "1..2", "a", "1.0", "", None):
            rows = [row(code, "甲", "100", "manual")]
            self.assertEqual(
                codes(validate_criteria(rows))[:1], ["criterion_code_invalid"], code
            )
        rows = [row("1", "甲", "50", "manual"), row("1", "乙", "50", "manual")]
        self.assertEqual(codes(validate_criteria(rows)), ["criterion_code_duplicate"])
        rows = [row("1", "甲", "100", "manual"), row("2.1", "乙", "5", "manual")]
        self.assertIn("criterion_parent_missing", codes(validate_criteria(rows)))

    def test_rows_name_their_number(self):
        rows = [row("1", "甲", "100", "manual"), row("2", " ", "5", "manual")]
        (violation,) = validate_criteria(rows)
        self.assertEqual(violation.code, "criterion_title_required")
        self.assertEqual(violation.params["row"], 2)

    def test_leaves_need_a_method_and_formulas_a_known_formula(self):
        rows = [row("1", "甲", "100")]
        self.assertEqual(codes(validate_criteria(rows)), ["criterion_method_invalid"])
        rows = [row("1", "甲", "100", "formula", "magic")]
        self.assertEqual(codes(validate_criteria(rows)), ["criterion_formula_invalid"])

    def test_a_group_needs_no_method(self):
        rows = [row("1", "甲", "100", "manual"), row("1.1", "乙", "100", "band")]
        self.assertEqual(validate_criteria(rows), [])
        (group,) = build_tree(rows)
        self.assertIsNone(group.method)

    def test_not_a_list_not_objects_unknown_keys(self):
        self.assertEqual(codes(validate_criteria("x")), ["criteria_not_a_list"])
        self.assertEqual(codes(validate_criteria([1])), ["criterion_not_an_object"])
        rows = [{**row("1", "甲", "100", "manual"), "colour": "red"}]
        self.assertEqual(codes(validate_criteria(rows)), ["criterion_unknown_keys"])

    def test_empty(self):
        self.assertEqual(validate_criteria([]), [])
        self.assertEqual(
            codes(validate_criteria([], allow_empty=False)), ["criteria_empty"]
        )
        with self.assertRaises(ValueError):
            build_tree([])


class TestTree(unittest.TestCase):
    def test_code_order(self):
        rows = [row(str(n), f"第{n}项", "10", "manual") for n in range(10, 0, -1)]
        tree = build_tree(rows)
        self.assertEqual([c.code for c in tree], [str(n) for n in range(1, 11)])

    def test_normalized_rows(self):
        rows = [row("2", "乙", 60, "manual"), row("1", "甲", "40", "band")]
        self.assertEqual(
            normalized_rows(rows),
            [
                {
                    "code": "1",
                    "title": "甲",
                    "weight": "40",
                    "method": "band",
                    "formula": None,
                    "description": "",
                },
                {
                    "code": "2",
                    "title": "乙",
                    "weight": "60",
                    "method": "manual",
                    "formula": None,
                    "description": "",
                },
            ],
        )


class TestPickTemplate(unittest.TestCase):
    templates = [
        ("self-2025", "self", 2025),
        ("self-2027", "self", 2027),
        ("key-2026", "key", 2026),
    ]

    def test_the_years_own(self):
        self.assertEqual(pick_template(self.templates, "self", 2027), "self-2027")

    def test_else_the_latest_earlier(self):
        self.assertEqual(pick_template(self.templates, "self", 2026), "self-2025")
        self.assertEqual(pick_template(self.templates, "self", 2030), "self-2027")

    def test_else_the_earliest_later(self):
        self.assertEqual(pick_template(self.templates, "self", 2020), "self-2025")

    def test_none_of_the_kind(self):
        self.assertIsNone(pick_template(self.templates, "unit_overall", 2026))


if __name__ == "__main__":
    unittest.main()
