"""Tests of changde.perfmgmt.libraries.rules.import_export (plain unittest, no Zope)."""

import unittest

from changde.perfmgmt.libraries.rules.import_export import duplicate_name_violations
from changde.perfmgmt.libraries.rules.import_export import import_plan_violations
from changde.perfmgmt.libraries.rules.import_export import normalise_library_row
from changde.perfmgmt.libraries.rules.import_export import present_columns


class TestLibraryRows(unittest.TestCase):
    def test_expert_row_by_headers_and_labels(self):
        values, violations = normalise_library_row(
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
            values, violations = normalise_library_row(
                "agency", {"title": "某事务所", "level": "市级", key: " firm-1 "}
            )
            self.assertEqual((values["user_id"], violations), ("firm-1", []))

    def test_required_invalid_and_unknown(self):
        _values, violations = normalise_library_row(
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
        values, violations = normalise_library_row(
            "supervision", {"title": "陈明", "category": "人大代表"}
        )
        self.assertEqual((values["category"], violations), ("npc_deputy", []))

    def test_too_long(self):
        _values, violations = normalise_library_row(
            "supervision", {"title": "x" * 201, "category": "audit"}
        )
        self.assertEqual([v.code for v in violations], ["library_row_too_long"])

    def test_unknown_kind(self):
        with self.assertRaises(ValueError):
            normalise_library_row("indicator", {})

    def test_duplicate_names(self):
        duplicates = duplicate_name_violations(["赵敏", "张伟", "赵敏", ""], ["张伟"])
        self.assertEqual(sorted(duplicates), [1, 2])
        self.assertEqual(duplicates[1].field, "title")


class TestImportPlan(unittest.TestCase):
    members = {
        "zhang-wei": ("张伟", "active"),
        "li-na": ("李娜", "removed"),
        "wang-fang": ("王芳", "proposed_for_removal"),
    }

    def check(self, rows):
        return {
            index: [(v.field, v.code) for v in violations]
            for index, violations in import_plan_violations(rows, self.members).items()
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
        violation = import_plan_violations(rows, self.members)[1][0]
        self.assertEqual(violation.params, {"value": "在库", "current": "已淘汰"})
        self.assertIn("末位淘汰", violation.text)

    def test_present_columns(self):
        self.assertEqual(
            present_columns(
                "expert", {"姓名": "张伟", "level": "省级", "编号": "x", "评分次数": 3}
            ),
            {"title", "level"},
        )
