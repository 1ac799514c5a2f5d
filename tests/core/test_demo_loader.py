"""The demo data loader (changde.perfmgmt.core.demo): every module's data files
read, entries of each kind, the tags, values read through the schema, later
steps only for what the run created (integration)."""

import unittest
from decimal import Decimal

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.app.textfield.value import RichTextValue
from plone.dexterity.utils import iterSchemataForType
from zope.schema import getFieldNames

from changde.perfmgmt.core import demo
from changde.perfmgmt.core.rules.clock import today_in_china
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING

CALLS = []


def record_call(*args):
    CALLS.append(args)


CITY = """
- type: Jurisdiction
  id: city
  title: 市本级
  kind: municipal
  contents:
  - {type: BudgetUnit, id: unit, title: 市教育局, unit_code: "101001"}
"""

PROJECT = """
- type: BudgetProject
  in: /city/unit
  id: project
  title: 项目
  year: !current_year
  budget_kind: general_public
  amount: "1200.50"
  performance_goal: <p>目标</p>
  contents:
  - {type: Indicator, id: indicator-1, title: 指标, weight: "100"}
"""


class TestDataFiles(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def test_every_module_in_profile_order(self):
        self.assertEqual(
            demo.modules()[:5],
            ["core", "declaration", "monitoring", "libraries", "evaluation"],
        )

    def test_every_content_entry_names_fields_of_its_type(self):
        for module in demo.modules():
            for entry in demo.content_entries(module):
                fields = set()
                for schema in iterSchemataForType(entry["type"]):
                    fields.update(getFieldNames(schema))
                names = set(entry) - set(demo.CONTENT_KEYS)
                with self.subTest(module=module, id=entry["id"]):
                    self.assertTrue(fields, f"no type {entry['type']}")
                    self.assertEqual(names - fields, set())

    def test_every_entry_is_of_a_known_kind(self):
        for module in demo.modules():
            for entry in demo.entries(module):
                with self.subTest(module=module, entry=str(entry)[:60]):
                    self.assertEqual(
                        len({"type", "at", "user", "call"} & set(entry)), 1
                    )

    def test_a_file_is_a_list(self):
        self.assertEqual(demo.parse(""), [])
        with self.assertRaises(ValueError):
            demo.parse("type: Jurisdiction")

    def test_tags(self):
        (entry,) = demo.parse(
            "- a: !uid /city\n  b: !current_year\n  c: !query {portal_type: X}"
        )
        self.assertEqual(entry["a"], demo.Uid("/city"))
        self.assertIsInstance(entry["b"], demo.CurrentYear)
        self.assertEqual(entry["c"], demo.Query({"portal_type": "X"}))


class TestLoading(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])

    def load(self, text):
        return demo.load_entries(self.portal, demo.parse(text))

    def test_content_with_contents_counted(self):
        counts = self.load(CITY)
        self.assertEqual(counts, {"Jurisdiction": 1, "BudgetUnit": 1})
        self.assertEqual(self.portal["city"]["unit"].unit_code, "101001")

    def test_values_read_through_the_schema(self):
        self.load(CITY + PROJECT)
        project = self.portal["city"]["unit"]["project"]
        self.assertEqual(project.amount, Decimal("1200.50"))
        self.assertEqual(project.year, today_in_china().year)
        self.assertIsInstance(project.performance_goal, RichTextValue)
        self.assertEqual(project.performance_goal.raw, "<p>目标</p>")
        self.assertEqual(project["indicator-1"].weight, Decimal(100))

    def test_an_unknown_field_is_refused(self):
        with self.assertRaises(ValueError) as raised:
            self.load(CITY.replace("kind: municipal", "kind: municipal\n  colour: red"))
        self.assertIn("colour", str(raised.exception))

    def test_idempotent_and_missing_children_created(self):
        self.load(CITY)
        api.content.delete(self.portal["city"]["unit"])
        self.assertEqual(self.load(CITY), {"BudgetUnit": 1})
        self.assertEqual(self.load(CITY), {})

    def test_transitions_and_later_steps_only_for_what_the_run_created(self):
        text = (
            CITY
            + PROJECT.replace("  contents:", "  transitions: [submit]\n  contents:")
            + """
- at: /city/unit/project
  description: 第二步
"""
        )
        self.load(text)
        project = self.portal["city"]["unit"]["project"]
        self.assertEqual(api.content.get_state(project), "submitted")
        self.assertEqual(project.Description(), "第二步")
        project.description = "改过"
        self.load(text)
        self.assertEqual(project.Description(), "改过")

    def test_a_transition_not_available_stops_the_item(self):
        self.load(
            CITY
            + PROJECT.replace("  contents:", "  transitions: [approve]\n  contents:")
        )
        project = self.portal["city"]["unit"]["project"]
        self.assertEqual(api.content.get_state(project), "draft")

    def test_uid_and_query(self):
        self.load(CITY)
        text = """
- type: Document
  id: page
  title: !uid /city/unit
  description: !query {portal_type: BudgetUnit, id: unit}
"""
        self.load(text)
        unit_uid = self.portal["city"]["unit"].UID()
        self.assertEqual(self.portal["page"].title, unit_uid)
        self.assertEqual(self.portal["page"].description, unit_uid)

    def test_a_query_must_find_one(self):
        with self.assertRaises(ValueError):
            self.load("- {type: Document, id: p, title: !query {portal_type: Nothing}}")

    def test_users(self):
        self.load(CITY)
        counts = self.load(
            """
- user: clerk
  fullname: 填报人员
  password: secret-password
  staff_of: [/city/unit]
"""
        )
        self.assertEqual(counts, {"users": 1})
        groups = [g.getId() for g in api.group.get_groups(username="clerk")]
        self.assertIn(self.portal["city"]["unit"].staff_group, groups)

    def test_copy_of(self):
        self.load(CITY + PROJECT)
        self.load(
            """
- type: BudgetProject
  in: /city/unit
  id: project-next
  copy_of: /city/unit/project
  year: 2099
"""
        )
        copy = self.portal["city"]["unit"]["project-next"]
        self.assertEqual(copy.year, 2099)
        self.assertIn("indicator-1", copy)

    def test_call(self):
        CALLS.clear()
        self.load(f"- {{call: {__name__}.record_call, args: [!current_year '', 2]}}")
        self.assertEqual(CALLS, [(today_in_china().year, 2)])
