"""The reporting rules without Zope: one leader, the offices in order, the
progress notes, copying a measure, the goal form's table, the report's
sections when a module is missing or the year is empty."""

import datetime
import unittest
from decimal import Decimal

from changde.perfmgmt.reporting.rules import figures
from changde.perfmgmt.reporting.rules import goal_form
from changde.perfmgmt.reporting.rules import measures


def codes(violations):
    return [violation.code for violation in violations]


class TestLeader(unittest.TestCase):
    def test_one_name(self):
        self.assertEqual(measures.leader_violations("郑维菊"), [])
        self.assertEqual(measures.leader_violations(" Zheng Weiju "), [])
        # a name with 和 in it is one name
        self.assertEqual(measures.leader_violations("王和平"), [])

    def test_required(self):
        for value in (None, "", "   "):
            self.assertEqual(
                codes(measures.leader_violations(value)), ["measure_leader_required"]
            )

    def test_two_names_are_refused(self):
        for value in ("郑维菊、杨天生", "郑维菊,杨天生", "郑维菊;杨天生", "A and B"):
            violations = measures.leader_violations(value)
            self.assertEqual(codes(violations), ["measure_one_leader_only"], value)
            self.assertEqual(violations[0].params["count"], 2)
            self.assertEqual(violations[0].field, "leader")


class TestOffices(unittest.TestCase):
    def test_order_kept_first_leads(self):
        offices = [" 绩效科", "各支出科室", "", "办公室 "]
        self.assertEqual(
            measures.clean_offices(offices), ["绩效科", "各支出科室", "办公室"]
        )
        self.assertEqual(measures.lead_office(offices), "绩效科")
        self.assertEqual(measures.offices_violations(offices), [])

    def test_at_least_one(self):
        self.assertEqual(
            codes(measures.offices_violations(["", " "])), ["measure_office_required"]
        )
        self.assertIsNone(measures.lead_office([]))

    def test_no_office_twice(self):
        self.assertEqual(
            codes(measures.offices_violations(["绩效科", "绩效科"])),
            ["measure_office_twice"],
        )


class TestNumbersAndStatus(unittest.TestCase):
    def test_number(self):
        self.assertEqual(measures.number_violations(1), [])
        for value in (0, -1, True, "1", 1.0):
            self.assertEqual(
                codes(measures.number_violations(value)), ["measure_number_invalid"]
            )
        self.assertEqual(
            codes(measures.number_violations(3, taken=(1, 3))), ["measure_number_taken"]
        )

    def test_status(self):
        for status in measures.STATUSES:
            self.assertEqual(measures.status_violations(status), [])
        self.assertEqual(
            codes(measures.status_violations("finished")), ["measure_status_unknown"]
        )
        self.assertEqual(
            measures.status_counts(["done", "done", "delayed", "x"]),
            {"not_started": 0, "in_progress": 0, "done": 2, "delayed": 1},
        )


class TestProgressNotes(unittest.TestCase):
    def test_notes_newest_first(self):
        notes, violations = measures.parse_progress_notes(
            [
                {"date": "2019-06-01", "text": "第一轮监控", "evidence": []},
                {
                    "date": datetime.date(2019, 11, 20),
                    "text": " 第二轮监控 ",
                    "evidence": "monitoring/2019-2\nhttps://example.org/a.pdf\n",
                },
            ]
        )
        self.assertEqual(violations, [])
        self.assertEqual(
            [n.date.isoformat() for n in notes], ["2019-11-20", "2019-06-01"]
        )
        self.assertEqual(notes[0].text, "第二轮监控")
        self.assertEqual(
            notes[0].evidence, ("monitoring/2019-2", "https://example.org/a.pdf")
        )

    def test_bad_rows_write_nothing(self):
        notes, violations = measures.parse_progress_notes(
            [
                {"date": "2019-13-01", "text": "x"},
                {"date": "2019-01-01", "text": ""},
                {"date": "2019-01-01", "text": "x", "evidence": ["not a link"]},
                "a string",
            ]
        )
        self.assertEqual(notes, [])
        self.assertEqual(
            [(v.code, v.field) for v in violations],
            [
                ("measure_note_date_invalid", "progress_notes.0.date"),
                ("measure_note_text_required", "progress_notes.1.text"),
                ("measure_note_link_invalid", "progress_notes.2.evidence"),
                ("measure_note_not_an_object", "progress_notes.3"),
            ],
        )


class TestCopy(unittest.TestCase):
    def test_next_year_title(self):
        self.assertEqual(
            measures.next_year_title("2019年度工作方案", 2019, 2020), "2020年度工作方案"
        )
        self.assertEqual(
            measures.next_year_title("工作方案", 2019, 2020), "工作方案(2020年)"
        )

    def test_copied_measure_starts_again(self):
        copy = measures.copied_measure(
            {
                "number": 9,
                "title": "加强运行监控",
                "text": "…",
                "leader": "郑维菊",
                "offices": ["绩效科", " 预算科", ""],
                "status": "done",
                "progress_notes": [{"date": "2019-01-01", "text": "x"}],
                "module": "monitoring",
                "link": "monitoring",
            }
        )
        self.assertEqual(copy["status"], "not_started")
        self.assertEqual(copy["progress_notes"], [])
        self.assertEqual(copy["offices"], ["绩效科", "预算科"])
        self.assertEqual(copy["leader"], "郑维菊")


class TestGoalForm(unittest.TestCase):
    def test_targets(self):
        self.assertEqual(goal_form.target_text("ge", "20", "所"), "≥20所")
        self.assertEqual(goal_form.target_text("le", 10, None), "≤10")
        self.assertEqual(
            goal_form.target_text("qualitative", "明显改善", ""), "明显改善"
        )
        self.assertEqual(goal_form.weight_text(Decimal("20.00")), "20")
        self.assertEqual(goal_form.wan(Decimal("3600000")), "360")
        self.assertEqual(goal_form.wan(Decimal("12345")), "1.23")
        self.assertEqual(goal_form.wan(None), "")

    def test_rows_grouped_by_level(self):
        rows = goal_form.indicator_rows(
            [
                {"level1": "产出指标", "level2": "数量指标", "title": "a"},
                {"level1": "效益指标", "level2": "社会效益指标", "title": "b"},
                {"level1": "产出指标", "level2": "质量指标", "title": "c"},
                {"level1": "产出指标", "level2": "数量指标", "title": "d"},
            ]
        )
        self.assertEqual([r["title"] for r in rows], ["a", "d", "c", "b"])
        self.assertEqual(
            [(r["level1"], r["level2"]) for r in rows],
            [
                ("产出指标", "数量指标"),
                ("", ""),
                ("", "质量指标"),
                ("效益指标", "社会效益指标"),
            ],
        )

    def test_notice_number(self):
        self.assertEqual(goal_form.notice_number(2026, 3), "常财绩反〔2026〕3号")
        self.assertEqual(
            goal_form.chinese_date(datetime.date(2026, 11, 5)), "2026年11月5日"
        )


class TestSections(unittest.TestCase):
    def test_empty_year_says_so_and_missing_modules_are_named(self):
        sections = figures.draft_sections(
            2031, "city_government", {}, {"publicity": None, "assessment": None}
        )
        text = "".join(p for s in sections for p in s.paragraphs)
        self.assertIn("系统中尚无2031年度", text)
        self.assertIn("宣传与培训模块尚未启用", text)
        self.assertIn("考核模块尚未启用", text)
        self.assertEqual(sections[1].heading, "一、预算绩效管理覆盖情况")
        self.assertFalse(figures.has_data({}))

    def test_numbers_carry_their_reference(self):
        found = {
            "goals_projects": figures.Figure("goals_projects", "项目数", 12),
            "goals_amount": figures.Figure(
                "goals_amount", "资金", Decimal("360.5"), "万元"
            ),
        }
        for key in (
            "goals_special_funds",
            "goals_special_amount",
            "goals_municipal_special",
            "goals_special_cap",
            "goals_indicators",
            "goals_quantifiable",
            "goals_quantifiable_share",
        ):
            found[key] = figures.Figure(key, key, 1)
        figures.number_figures(found)
        sections = figures.draft_sections(
            2026, "npc_standing_committee", found, {"projects_declared": 12}
        )
        goals = next(s for s in sections if s.id == "goals")
        self.assertIn("全市共12[1]个项目", goals.paragraphs[0])
        self.assertIn("涉及资金360.5万元[2]", goals.paragraphs[0])
        self.assertIn("市人大常委会", sections[0].paragraphs[0])

    def test_trainings_held_and_planned(self):
        def publicity(planned):
            found = {
                key: figures.Figure(key, key, value)
                for key, value in (
                    ("publicity_news", 3),
                    ("publicity_work_meeting", 1),
                    ("publicity_internal_review_meeting", 2),
                    ("training_events", 4),
                    ("training_planned", planned),
                )
            }
            figures.number_figures(found)
            sections = figures.draft_sections(
                2026, "city_government", found, {"publicity": {}}
            )
            return next(s for s in sections if s.id == "publicity").paragraphs[0]

        self.assertEqual(
            publicity(0),
            "本年度发布绩效管理新闻3[1]篇,召开工作布置会1[2]次、内部点评会2[3]次,"
            "举办培训4[4]期。",
        )
        self.assertIn("举办培训4[4]期,另已安排培训1[5]期。", publicity(1))

    def test_values(self):
        self.assertEqual(figures.value_text(None), "—")
        self.assertEqual(figures.Figure("rate", "执行率", None, "%").text, "—")
        self.assertEqual(
            figures.Figure("rate", "执行率", Decimal("70.84"), "%").text, "70.84%"
        )
        self.assertEqual(figures.value_text(True), "是")
        self.assertEqual(figures.value_text(12000), "12,000")
        self.assertEqual(figures.value_text(Decimal("85.50")), "85.5")
        self.assertEqual(figures.wan_yuan(Decimal("3600000")), Decimal("360.00"))
        self.assertIsNone(figures.rate(1, 0))
