"""The audit trail (R-P6): CMFEditions keeps versions of projects,
indicators, evaluation reports, rectification items and negative-list
entries from their first change on (the item as it was, then each change),
with who and when, and none at their creation; ``@history`` and the history
view show them with the workflow history and its comments; reverting is for
those who may change the item now (functional, real HTTP)."""

import unittest

import transaction
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.dexterity.utils import iterSchemataForType
from plone.dexterity.utils import resolveDottedName
from plone.testing.zope import Browser
from z3c.form.interfaces import IDataManager
from zope.component import getMultiAdapter
from zope.interface import Interface
from zope.interface import implementer
from zope.lifecycleevent import modified
from zope.schema import getFields

from changde.perfmgmt.core import versions
from changde.perfmgmt.core.versions import HISTORY_IDS
from changde.perfmgmt.core.versions import POLICY
from changde.perfmgmt.core.versions import IVersionedOnChange
from changde.perfmgmt.declaration.upgrades import to_1005
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import PASSWORD
from changde.perfmgmt.testing import REVIEWER_USER
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import UNIT_B_USER
from changde.perfmgmt.testing import RestClient
from changde.perfmgmt.testing import create_city
from changde.perfmgmt.testing import create_project

VERSIONED = (
    "BudgetProject",
    "Indicator",
    "EvaluationReport",
    "RectificationItem",
    "NegativeListEntry",
)


class AuditTestCase(RestClient, unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
    rest_user = UNIT_A_USER
    rest_language = "en"

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.city = create_city(self.portal)
        transaction.commit()

    def create_project(self):
        response = self.call(
            "POST",
            self.city["unit_a"].absolute_url(),
            json={
                "@type": "BudgetProject",
                "id": "roads",
                "title": "农村公路建设",
                "year": 2026,
                "budget_kind": "general_public",
                "amount": "3000000",
            },
        )
        self.assertEqual(response.status_code, 201, response.text)
        return response.json()["@id"]

    def versions(self, url, user=OFFICE_USER):
        response = self.call("GET", f"{url}/@history", user=user)
        self.assertEqual(response.status_code, 200, response.text)
        return [entry for entry in response.json() if entry["type"] == "versioning"]


class TestVersions(AuditTestCase):
    def test_every_type_on_record_is_versioned_from_its_first_change(self):
        repository = api.portal.get_tool("portal_repository")
        types = api.portal.get_tool("portal_types")
        for portal_type in VERSIONED:
            self.assertIn(portal_type, repository.getVersionableContentTypes())
            policies = repository.getPolicyMap().get(portal_type, [])
            self.assertIn(POLICY, policies, portal_type)
            self.assertIn("version_on_revert", policies, portal_type)
            self.assertNotIn("at_edit_autoversion", policies, portal_type)
            self.assertIn("plone.versioning", types[portal_type].behaviors)
        # the policy, the class's interface and the list above agree
        for portal_type, policies in repository.getPolicyMap().items():
            if POLICY not in policies:
                continue
            klass = resolveDottedName(types[portal_type].klass)
            self.assertTrue(
                IVersionedOnChange.implementedBy(klass),
                f"{portal_type} is mapped to {POLICY}: its class must provide "
                "IVersionedOnChange",
            )
            self.assertIn(portal_type, VERSIONED)

    def test_every_field_is_written_as_on_any_other_item(self):
        """A versioned item's fields get the data manager any other item's
        get (an attribute, a relation, an image), keeping version 0 first: a
        missing one stored a report's project as the object, not a
        relation."""
        types = api.portal.get_tool("portal_types")

        @implementer(Interface)
        class Other:
            pass

        for portal_type in VERSIONED:
            klass = resolveDottedName(types[portal_type].klass)
            item = klass()
            for schema in iterSchemataForType(portal_type):
                for name, field in getFields(schema).items():
                    manager = getMultiAdapter((item, field), IDataManager)
                    usual = getMultiAdapter((Other(), field), IDataManager)
                    self.assertIsInstance(manager, type(usual), f"{portal_type}.{name}")
                    self.assertIsInstance(manager, versions._KeepAsItWas, name)

    def test_creating_takes_no_version_and_no_history_id(self):
        """A creation touches neither CMFUid's counter nor the history
        storage: 100,000 indicators a year are mostly never changed."""
        url = self.create_project()
        transaction.begin()  # see what the request stored
        with api.env.adopt_roles(["Manager"]):
            project = create_project(self.city["unit_a"], id="school", indicators=3)
        transaction.commit()
        handler = api.portal.get_tool("portal_historyidhandler")
        for item in [self.city["unit_a"]["roads"], project, *project.objectValues()]:
            self.assertIsNone(handler.queryUid(item), item)
            self.assertIsNone(getattr(item, "version_id", None), item)
        self.assertEqual(self.versions(url), [])
        self.assertEqual(self.versions(project.absolute_url()), [])

    def test_the_amount_changed_twice_shows_both_versions_with_who_and_when(self):
        url = self.create_project()
        response = self.call(
            "PATCH", url, json={"amount": "3200000", "changeNote": "按预算调整"}
        )
        self.assertEqual(response.status_code, 204, response.text)
        response = self.call("PATCH", url, user=OFFICE_USER, json={"amount": "2800000"})
        self.assertEqual(response.status_code, 204, response.text)

        versions = self.versions(url)
        self.assertEqual(len(versions), 3, versions)
        by_number = {entry["version"]: entry for entry in versions}
        # version 0: the project as its creator left it, before the change
        self.assertEqual(by_number[0]["actor"]["id"], UNIT_A_USER)
        self.assertIn("before its first change", by_number[0]["comments"])
        self.assertEqual(by_number[1]["actor"]["id"], UNIT_A_USER)
        self.assertEqual(by_number[1]["comments"], "按预算调整")
        self.assertEqual(by_number[2]["actor"]["id"], OFFICE_USER)
        times = [by_number[number]["time"] for number in (0, 1, 2)]
        self.assertTrue(all(time.startswith("20") for time in times), times)
        self.assertEqual(times, sorted(times))
        amounts = [
            self.call("GET", f"{url}/@history/{number}", user=OFFICE_USER).json()[
                "amount"
            ]
            for number in (0, 1, 2)
        ]
        self.assertEqual(amounts, ["3000000", "3200000", "2800000"])

        # the unit reads its own project's history, another unit does not
        self.assertEqual(len(self.versions(url, user=UNIT_A_USER)), 3)
        for user in (UNIT_B_USER, REVIEWER_USER):  # reviewers see no drafts
            other = self.call("GET", f"{url}/@history", user=user)
            self.assertIn(other.status_code, (401, 403, 404), user)

    def test_a_change_in_the_edit_form_keeps_the_indicator_as_it_was(self):
        with api.env.adopt_roles(["Manager"]):
            project = create_project(self.city["unit_a"], id="school", indicators=1)
        transaction.commit()
        indicator = project["indicator-1"]
        browser = Browser(self.layer["app"])
        browser.handleErrors = False
        browser.addHeader("Authorization", f"Basic {UNIT_A_USER}:{PASSWORD}")
        browser.open(f"{indicator.absolute_url()}/@@edit")
        browser.getControl(name="form.widgets.target_value").value = "25"
        browser.getControl(name="form.buttons.save").click()
        versions = self.versions(indicator.absolute_url())
        self.assertEqual([entry["version"] for entry in versions], [1, 0])
        before = self.call("GET", f"{indicator.absolute_url()}/@history/0").json()
        after = self.call("GET", f"{indicator.absolute_url()}/@history/1").json()
        self.assertEqual((before["target_value"], after["target_value"]), ("20", "25"))
        self.assertEqual(versions[0]["actor"]["id"], UNIT_A_USER)

    def test_a_change_made_by_code_is_versioned_after_it(self):
        with api.env.adopt_roles(["Manager"]):
            project = create_project(self.city["unit_a"], id="school")
        transaction.commit()
        project.amount = project.amount + 1
        modified(project)
        transaction.commit()
        repository = api.portal.get_tool("portal_repository")
        self.assertEqual(len(repository.getHistoryMetadata(project)), 1)
        # created and changed in one transaction: still no version
        with api.env.adopt_roles(["Manager"]):
            other = create_project(self.city["unit_a"], id="other")
            other.amount = other.amount + 1
            modified(other)
        transaction.commit()
        self.assertFalse(repository.getHistoryMetadata(other))

    def test_first_changes_take_no_number_from_cmfuids_counter(self):
        """Under load every first version wrote CMFUid's one counter and
        concurrent changes conflicted: the items and their folders get
        history ids drawn at random instead, and their versions work."""
        with api.env.adopt_roles(["Manager"]):
            project = create_project(self.city["unit_a"], id="school", indicators=2)
        transaction.commit()
        generator = api.portal.get_tool("portal_uidgenerator")
        counter = generator._uid_counter
        url = project.absolute_url()
        response = self.call("PATCH", url, json={"amount": "3200000"})
        self.assertEqual(response.status_code, 204, response.text)
        for indicator in project.objectValues():
            response = self.call(
                "PATCH", indicator.absolute_url(), json={"target_value": "30"}
            )
            self.assertEqual(response.status_code, 204, response.text)
        transaction.begin()  # see what the requests stored
        modified(project)  # a change by code
        transaction.commit()
        self.assertEqual(generator._uid_counter, counter)

        handler = api.portal.get_tool("portal_historyidhandler")
        low, high = HISTORY_IDS
        items = [self.city["unit_a"], project, *project.objectValues()]
        ids = [handler.queryUid(item) for item in items]
        self.assertTrue(all(low <= hid < high for hid in ids), ids)
        self.assertEqual(len(set(ids)), len(ids))
        self.assertEqual(handler.queryObject(ids[1]), project)
        self.assertEqual([entry["version"] for entry in self.versions(url)], [2, 1, 0])
        for indicator in project.objectValues():
            versions = self.versions(indicator.absolute_url())
            self.assertEqual([entry["version"] for entry in versions], [1, 0])

    def test_the_history_page_lists_the_versions_and_compares_them(self):
        url = self.create_project()
        self.call("PATCH", url, json={"amount": "3200000"})
        browser = Browser(self.layer["app"])
        browser.handleErrors = False
        browser.addHeader("Accept-Language", "zh-cn")
        browser.addHeader("Authorization", f"Basic {OFFICE_USER}:{PASSWORD}")
        browser.open(f"{url}/@@historyview")
        self.assertIn(UNIT_A_USER, browser.contents)
        self.assertIn("@@history?", browser.contents)  # compare two versions
        browser.open(f"{url}/@@history?one=1&two=0")  # what changed
        self.assertIn("3200000", browser.contents)

    def test_workflow_comments_are_in_the_history(self):
        project = create_project(self.city["unit_a"], id="school", indicators=3)
        transaction.commit()
        url = project.absolute_url()
        response = self.call(
            "POST", f"{url}/@workflow/submit", json={"comment": "请审核"}
        )
        self.assertEqual(response.status_code, 200, response.text)
        history = self.call("GET", f"{url}/@history", user=OFFICE_USER).json()
        transitions = [entry for entry in history if entry["type"] == "workflow"]
        self.assertIn("请审核", [entry["comments"] for entry in transitions])


class TestRevert(AuditTestCase):
    def test_reverting_is_for_those_who_may_change_the_item_now(self):
        project = create_project(self.city["unit_a"], id="school", indicators=3)
        transaction.commit()
        url = project.absolute_url()
        self.call("PATCH", url, json={"amount": "3200000"})
        transaction.begin()
        workflow = api.portal.get_tool("portal_workflow")
        for transition in ("submit", "review", "approve"):
            workflow.doActionFor(project, transition)
        transaction.commit()

        response = self.call("PATCH", f"{url}/@history", json={"version": 1})
        self.assertEqual(response.status_code, 403, response.text)
        self.assertEqual(response.json()["error"]["type"], "Forbidden")
        self.assertEqual(self.call("GET", url).json()["amount"], "3200000")

        response = self.call(
            "PATCH", f"{url}/@history", user=OFFICE_USER, json={"version": 99}
        )
        self.assertEqual(response.status_code, 400, response.text)
        response = self.call(
            "PATCH", f"{url}/@history", user=OFFICE_USER, json={"version": 0}
        )
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(self.call("GET", url).json()["amount"], "1000000")


class TestUpgrade(AuditTestCase):
    def test_the_upgrade_sets_the_policies(self):
        repository = api.portal.get_tool("portal_repository")
        types = [
            each
            for each in repository.getVersionableContentTypes()
            if each not in ("BudgetProject", "Indicator")
        ]
        repository.setVersionableContentTypes(types)
        for portal_type in ("BudgetProject", "Indicator"):  # as on main before
            for policy in list(repository.getPolicyMap().get(portal_type, [])):
                repository.removePolicyFromContentType(portal_type, policy)
        repository.removePolicy(POLICY)
        to_1005(api.portal.get_tool("portal_setup"))
        self.assertIn("BudgetProject", repository.getVersionableContentTypes())
        self.assertEqual(
            sorted(repository.getPolicyMap()["Indicator"]),
            [POLICY, "version_on_revert"],
        )
