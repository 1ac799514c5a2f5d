"""The demo profile: Changde's jurisdictions, units, library, projects in every
state, one blocked draft per gate, the demo users; idempotent (integration)."""

import unittest

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import applyProfile
from plone.app.testing import setRoles

from changde.perfmgmt.core import demo
from changde.perfmgmt.declaration import gates
from changde.perfmgmt.declaration.rules.budgets import FOUR_BUDGETS
from changde.perfmgmt.declaration.settings import DEFAULT_INDICATOR_LEVELS
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING

#: the 13 districts, counties, county-level city and management zones
LOCAL_JURISDICTIONS = {
    "wulingqu": ("武陵区", "district"),
    "dingchengqu": ("鼎城区", "district"),
    "anxiangxian": ("安乡县", "county"),
    "hanshouxian": ("汉寿县", "county"),
    "lixian": ("澧县", "county"),
    "linlixian": ("临澧县", "county"),
    "taoyuanxian": ("桃源县", "county"),
    "shimenxian": ("石门县", "county"),
    "jinshishi": ("津市市", "county_city"),
    "xihuguanliqu": ("西湖管理区", "management_zone"),
    "xidongtingguanliqu": ("西洞庭管理区", "management_zone"),
    "jingkaiqu": ("常德经济技术开发区", "management_zone"),
    "liuyehudujiaqu": ("柳叶湖旅游度假区", "management_zone"),
}

BLOCKED = {
    "jiaoshi-nengli-tisheng": "gate_indicators_missing",
    "jiankang-changde-xuanchuan": "gate_performance_goal_missing",
    "weisheng-rencai-zhuanxiang": "gate_special_fund_too_few_quantifiable_indicators",
    "shi-yizhong-xinxiaoqu": "gate_pre_evaluation_not_passed",
    "chengxiang-gongjiao-zhuanxiang": "gate_management_measure_missing",
}


def find(**query):
    catalog = api.portal.get_tool("portal_catalog")
    return catalog.unrestrictedSearchResults(**query)


def projects(**query):
    return {brain.getId: brain for brain in find(portal_type="BudgetProject", **query)}


class TestDemo(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        applyProfile(self.portal, "changde.perfmgmt:demo")

    def test_jurisdictions_with_their_kinds(self):
        municipal = self.portal["shibenji"]
        self.assertEqual(municipal.portal_type, "Jurisdiction")
        self.assertEqual((municipal.Title(), municipal.kind), ("市本级", "municipal"))
        for id, (title, kind) in LOCAL_JURISDICTIONS.items():
            jurisdiction = self.portal[id]
            self.assertEqual(jurisdiction.portal_type, "Jurisdiction")
            self.assertEqual((jurisdiction.Title(), jurisdiction.kind), (title, kind))
        self.assertEqual(len(find(portal_type="Jurisdiction")), 14)
        self.assertEqual(self.portal["wulingqu"].region_code, "430702")

    def test_budget_units_with_codes_and_staff_groups(self):
        unit = self.portal["shibenji"]["jiaoyuju"]
        self.assertEqual(unit.Title(), "市教育局")
        self.assertEqual(unit.unit_code, "101001")
        self.assertEqual(unit.staff_group, "perfmgmt-shibenji-jiaoyuju-staff")
        titles = [u.Title() for u in self.portal["shibenji"].objectValues()]
        self.assertIn("市卫生健康委员会", titles)
        self.assertIn("市交通运输局", titles)
        self.assertEqual(self.portal["wulingqu"]["jiaoyuju"].Title(), "武陵区教育局")
        for id in LOCAL_JURISDICTIONS:
            units = self.portal[id].objectValues()
            self.assertIn(len(units), (2, 3), id)
        codes = [
            brain.getObject().unit_code for brain in find(portal_type="BudgetUnit")
        ]
        self.assertEqual(len(codes), len(set(codes)))

    def test_indicator_library(self):
        library = self.portal["indicator-library"]
        self.assertEqual(library.portal_type, "IndicatorLibrary")
        self.assertEqual(library.Title(), "指标库")
        templates = library.objectValues()
        self.assertGreaterEqual(len(templates), 8)
        self.assertEqual({t.sector for t in templates}, {"教育", "卫生", "交通"})
        for template in templates:
            self.assertIn(
                f"{template.level1}/{template.level2}", DEFAULT_INDICATOR_LEVELS
            )

    def test_projects_in_every_state(self):
        approved = projects(review_state="approved")
        self.assertGreaterEqual(len(approved), 5)
        self.assertIn("xueqian-jiaoyu-zhuanxiang", approved)
        self.assertTrue(approved["xueqian-jiaoyu-zhuanxiang"].is_special_fund)
        self.assertGreaterEqual(len(projects(review_state="submitted")), 2)
        self.assertEqual(
            list(projects(review_state="reviewed")), ["nongcun-gonglu-zhuanxiang"]
        )
        self.assertIn(
            "91",
            self.portal.unrestrictedTraverse(
                "shibenji/jiaotongju/nongcun-gonglu-zhuanxiang"
            ).Description(),
        )
        for brain in find(portal_type="BudgetProject"):
            if brain.year == 2027:
                # the evaluation demo's refused declaration of a listed project
                self.assertTrue(brain.getId.endswith(f"-{brain.year}"), brain.getId)
                self.assertEqual(brain.review_state, "draft")
                continue
            self.assertEqual(brain.year, 2026)

    def test_every_transition_of_the_demo_ran(self):
        states = {
            "submit": "submitted",
            "review": "reviewed",
            "approve": "approved",
            "return": "returned",
        }
        found = {id: brain.review_state for id, brain in projects(year=2026).items()}
        specs = demo.content_entries("declaration", "BudgetProject")
        self.assertEqual(len(found), len(specs))
        for spec in specs:
            transitions = spec.get("transitions", ())
            expected = states[transitions[-1]] if transitions else "draft"
            self.assertEqual(found[spec["id"]], expected, spec["id"])

    def test_returned_project_has_the_reason(self):
        (brain,) = projects(review_state="returned").values()
        project = brain.getObject()
        workflow = api.portal.get_tool("portal_workflow")
        history = workflow.getInfoFor(project, "review_history")
        self.assertEqual(history[-1]["action"], "return")
        self.assertIn("绩效目标不够清晰", history[-1]["comments"])

    def test_each_blocked_draft_violates_exactly_its_gate(self):
        drafts = projects(review_state="draft")
        for id, code in BLOCKED.items():
            project = drafts[id].getObject()
            codes = [v.code for v in gates.submission_violations(project)]
            self.assertEqual(codes, [code], id)
            self.assertIn(code, project.Description())
        ready = drafts["zhihui-jiaoyu-pingtai"].getObject()
        self.assertEqual(gates.submission_violations(ready), [])

    def test_projects_that_moved_passed_the_gates(self):
        for brain in find(portal_type="BudgetProject"):
            if brain.review_state == "draft":
                continue
            self.assertEqual(gates.submission_violations(brain.getObject()), [])

    def test_coverage_of_the_budget_kinds(self):
        municipal = {
            b.budget_kind
            for b in projects(
                path="/".join(self.portal["shibenji"].getPhysicalPath())
            ).values()
        }
        self.assertTrue(set(FOUR_BUDGETS) <= municipal)
        wuling = {
            b.budget_kind
            for b in projects(
                path="/".join(self.portal["wulingqu"].getPhysicalPath()),
                review_state="approved",
            ).values()
        }
        self.assertEqual(wuling, {"general_public", "government_fund"})

    def test_demo_users_in_their_groups(self):
        expected = {
            "office": "perfmgmt-office",
            "reviewer": "perfmgmt-reviewers",
            "shibenji-jiaoyu": self.portal["shibenji"]["jiaoyuju"].staff_group,
            "wulingqu-staff": self.portal["wulingqu"].staff_group,
        }
        passwords = {
            e["user"]: e["password"] for e in demo.entries("core") if "user" in e
        }
        request = self.layer["request"]
        for username, group in expected.items():
            user = api.user.get(username=username)
            self.assertIsNotNone(user, username)
            groups = [g.getId() for g in api.group.get_groups(username=username)]
            self.assertIn(group, groups, username)
            self.assertIsNotNone(
                self.portal.acl_users.authenticate(
                    username, passwords[username], request
                ),
                username,
            )

    def test_unit_staff_see_their_own_unit_only(self):
        with api.env.adopt_user(username="shibenji-jiaoyu"):
            paths = {b.getPath() for b in api.content.find(portal_type="BudgetProject")}
        self.assertTrue(paths)
        for path in paths:
            self.assertIn("/shibenji/jiaoyuju/", path)

    def test_running_it_again_creates_nothing(self):
        before = len(find())
        groups = len(api.group.get_groups())
        users = len(api.user.get_users())
        self.assertEqual(demo.load_demo(self.portal), {})
        applyProfile(self.portal, "changde.perfmgmt:demo")
        self.assertEqual(len(find()), before)
        self.assertEqual(len(api.group.get_groups()), groups)
        self.assertEqual(len(api.user.get_users()), users)
