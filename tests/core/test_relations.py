"""References are relations: stored as relations, chosen among what the user
may see, given over REST as a UID, a path or a URL and answered as a summary
(in full only for a reader who may see the item)."""

import unittest

import transaction
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from tests.evaluation.base import create_report
from tests.evaluation.base import do
from tests.evaluation.base import set_up_city
from z3c.relationfield.interfaces import IRelationValue
from zc.relation.interfaces import ICatalog
from zope.component import getUtility
from zope.intid.interfaces import IIntIds

from changde.perfmgmt.core.relations import reference_uid
from changde.perfmgmt.core.relations import relation_to
from changde.perfmgmt.core.relations import set_relation
from changde.perfmgmt.core.relations import target_of
from changde.perfmgmt.core.relations import target_uid
from changde.perfmgmt.core.relations import target_uids
from changde.perfmgmt.evaluation.content.evaluation_report import IEvaluationReport
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import RestClient


class TestRelations(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.city, self.projects, self.members = set_up_city(self.portal)

    def test_stored_as_relations_in_the_relation_catalog(self):
        report = create_report(self.projects["a1"], experts=[self.members["expert"]])
        self.assertTrue(IRelationValue.providedBy(report.project))
        self.assertEqual(target_of(report.project), self.projects["a1"])
        self.assertEqual(target_uids(report.experts), [self.members["expert"].UID()])
        catalog = getUtility(ICatalog)
        intids = getUtility(IIntIds)
        found = list(
            catalog.findRelations({"to_id": intids.getId(self.projects["a1"])})
        )
        self.assertEqual([r.from_object for r in found], [report])
        self.assertEqual([r.from_attribute for r in found], ["project"])

    def test_set_relation_and_reading_back(self):
        report = create_report(self.projects["a1"])
        set_relation(report, "project", self.projects["a2"].UID())
        self.assertEqual(target_uid(report.project), self.projects["a2"].UID())
        set_relation(report, "project", None)
        self.assertIsNone(target_of(report.project))
        self.assertIsNone(relation_to("a-uid-of-nothing"))
        # a UID stored before relations still reads
        self.assertEqual(target_of(self.projects["b1"].UID()), self.projects["b1"])

    def test_a_deleted_target_is_no_target(self):
        report = create_report(self.projects["a2"])
        api.content.delete(self.projects["a2"], check_linkintegrity=False)
        self.assertIsNone(target_of(report.project))
        self.assertIsNone(target_uid(report.project))

    def test_references_in_a_request(self):
        project = self.projects["a1"]
        path = "/" + "/".join(project.getPhysicalPath()[2:])
        for value in (
            project.UID(),
            path,
            project.absolute_url(),
            {"@id": project.absolute_url()},
            {"UID": project.UID()},
        ):
            self.assertEqual(reference_uid(value), project.UID(), value)
        self.assertIsNone(reference_uid("/no/such/item"))
        self.assertIsNone(reference_uid(""))

    def test_the_choices_are_what_the_user_may_see(self):
        source = IEvaluationReport["project"].source
        with api.env.adopt_user(username=UNIT_A_USER):
            self.assertIn(self.projects["a1"], source)
            self.assertNotIn(self.projects["b1"], source)
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.assertIn(self.projects["b1"], source)
        # and only of the type the field names
        self.assertNotIn(self.city["unit_a"], source)

    def test_removed_members_are_not_chosen(self):
        source = IEvaluationReport["experts"].value_type.source
        self.assertIn(self.members["expert"], source)
        self.assertNotIn(self.members["removed"], source)


class TestRelationsOverRest(RestClient, unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
    rest_user = OFFICE_USER
    rest_language = None

    def setUp(self):
        self.portal = self.layer["portal"]
        self.city, self.projects, self.members = set_up_city(self.portal)
        transaction.commit()
        self.folder_url = f"{self.portal.absolute_url()}/evaluation"

    def create(self, **fields):
        body = {
            "@type": "EvaluationReport",
            "title": "重点评价",
            "evaluation_kind": "key",
            "year": 2026,
            "score": "85",
            **fields,
        }
        return self.call("POST", self.folder_url, json=body)

    def test_a_uid_a_path_or_a_url(self):
        project = self.projects["a1"]
        path = "/" + "/".join(project.getPhysicalPath()[2:])
        for number, value in enumerate(
            (project.UID(), path, project.absolute_url()), start=1
        ):
            response = self.create(project=value, id=f"report-{number}")
            self.assertEqual(response.status_code, 201, response.text)
            summary = response.json()["project"]
            self.assertEqual(summary["@id"], project.absolute_url())
            self.assertEqual(summary["UID"], project.UID())
            self.assertEqual(summary["title"], project.Title())
            self.assertEqual(summary["@type"], "BudgetProject")

    def test_the_agency_and_experts_as_summaries(self):
        response = self.create(
            evaluator_agency=self.members["agency"].UID(),
            experts=[self.members["expert"].absolute_url()],
        )
        self.assertEqual(response.status_code, 201, response.text)
        answer = response.json()
        self.assertEqual(answer["evaluator_agency"]["title"], "湖南某会计师事务所")
        self.assertEqual(answer["experts"][0]["UID"], self.members["expert"].UID())
        self.assertFalse(answer["experts"][0]["removed"])

    def test_what_names_nothing_or_the_wrong_type_is_refused(self):
        for value in ("a-uid-of-nothing", "/no/such/item", self.city["unit_a"].UID()):
            response = self.create(project=value)
            self.assertEqual(response.status_code, 400, (value, response.text))
        self.assertEqual(
            self.create(experts=[self.members["removed"].UID()]).status_code, 400
        )
        transaction.begin()
        reports = [
            obj
            for obj in self.portal["evaluation"].objectValues()
            if obj.portal_type == "EvaluationReport"
        ]
        self.assertEqual(reports, [])

    def test_a_reader_who_may_not_see_the_item_gets_its_name_only(self):
        report = create_report(self.projects["a1"], id="published")
        do(report, "submit", "approve", "feed_back", "publish")
        transaction.commit()
        answer = self.call("GET", report.absolute_url(), user=None).json()
        self.assertIsNone(answer["project"]["@id"])
        self.assertEqual(answer["project"]["title"], self.projects["a1"].Title())
        self.assertNotIn("review_state", answer["project"])
        answer = self.call("GET", report.absolute_url()).json()
        self.assertEqual(answer["project"]["@id"], self.projects["a1"].absolute_url())


class TestPickerLanguage(unittest.TestCase):
    """The pickers' words: @@plonejsi18n answers the zh_CN catalogue of
    Plone's widgets for a page whose language is zh-cn."""

    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def widgets_catalog(self, language):
        import json

        from zope.interface import alsoProvides

        from changde.perfmgmt.interfaces import IChangdePerfmgmtLayer

        request = self.layer["request"]
        alsoProvides(request, IChangdePerfmgmtLayer)
        view = self.layer["portal"].restrictedTraverse("@@plonejsi18n")
        view(domain="widgets", language=language)
        return json.loads(request.response.getBody() or b"null")

    def test_catalog_language(self):
        from changde.perfmgmt.core.browser.i18njs import catalog_language

        self.assertEqual(catalog_language("zh-cn"), "zh_CN")
        self.assertEqual(catalog_language("en"), "en")
        self.assertIsNone(catalog_language(None))

    def test_the_content_browser_speaks_chinese(self):
        catalog = self.widgets_catalog("zh-cn")
        self.assertEqual(catalog["Select"], "选择")
        self.assertEqual(catalog["Search"], "搜索")  # Plone's own, merged
