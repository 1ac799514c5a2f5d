"""The library types, their folders, pinyin order, vocabularies (integration)."""

import unittest

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory

from changde.perfmgmt.libraries.members import assignable_members
from changde.perfmgmt.libraries.members import library_members
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING

from .base import add_expert


class TestFolders(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]

    def test_install_creates_the_four_folders(self):
        expected = {
            "expert-library": ("ExpertLibrary", "专家库"),
            "agency-library": ("AgencyLibrary", "中介机构库"),
            "supervision-library": ("SupervisionLibrary", "监督指导库"),
            "internal-review": ("InternalReviewFolder", "内部点评"),
        }
        for id, (portal_type, title) in expected.items():
            folder = self.portal[id]
            self.assertEqual((folder.portal_type, folder.Title()), (portal_type, title))

    def test_install_again_creates_nothing_twice(self):
        from changde.perfmgmt.libraries.setuphandlers import ensure_folders

        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        before = sorted(self.portal.objectIds())
        ensure_folders(self.portal)
        self.assertEqual(sorted(self.portal.objectIds()), before)

    def test_registry_defaults(self):
        registry = api.portal.get_registry_record
        prefix = "changde.perfmgmt.libraries"
        self.assertEqual(registry(f"{prefix}.rounds_per_year"), 5)
        self.assertEqual(registry(f"{prefix}.excellent_min"), 3)
        self.assertEqual(registry(f"{prefix}.excellent_max"), 5)
        self.assertEqual(registry(f"{prefix}.elimination_min_ratings"), 3)
        self.assertEqual(str(registry(f"{prefix}.elimination_share")), "0.10")
        self.assertEqual(registry(f"{prefix}.elimination_minimum_count"), 1)
        self.assertEqual(str(registry(f"{prefix}.weight_goal_completion")), "25")


class TestMembers(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.experts = self.portal["expert-library"]

    def test_members_listed_by_pinyin(self):
        for name in ("张三", "李四", "王五", "艾青", "Zhou Li"):
            add_expert(self.experts, name)
        names = [brain.Title for brain in library_members(self.experts)]
        self.assertEqual(names, ["艾青", "李四", "王五", "张三", "Zhou Li"])

    def test_new_member_is_private_and_active(self):
        expert = add_expert(self.experts, "张三", expertise=["财政", "教育"])
        self.assertEqual(api.content.get_state(expert), "private")
        self.assertEqual(expert.status, "active")
        brain = api.content.find(UID=expert.UID())[0]
        # the status is the office's: not in the catalog's metadata
        self.assertNotIn("library_status", brain.__record_schema__)
        self.assertEqual(
            len(api.content.find(UID=expert.UID(), library_removed=False)), 1
        )
        self.assertEqual(brain.library_level, "municipal")
        self.assertEqual(brain.library_specialties, "财政、教育")

    def test_assignable_members_exclude_removed(self):
        add_expert(self.experts, "张三")
        add_expert(self.experts, "李四", status="removed")
        add_expert(self.experts, "王五", status="proposed_for_removal")
        names = [brain.Title for brain in assignable_members("Expert")]
        self.assertEqual(names, ["王五", "张三"])
        factory = getUtility(IVocabularyFactory, "changde.perfmgmt.AssignableExperts")
        self.assertEqual([term.title for term in factory(self.portal)], names)

    def test_agencies_and_supervision_members(self):
        agency = api.content.create(
            container=self.portal["agency-library"],
            type="Agency",
            title="湖南华信会计师事务所",
            level="provincial",
            qualifications=["会计师事务所执业证书"],
        )
        self.assertEqual(agency.status, "active")
        factory = getUtility(IVocabularyFactory, "changde.perfmgmt.AssignableAgencies")
        self.assertEqual([t.title for t in factory(self.portal)], [agency.title])
        member = api.content.create(
            container=self.portal["supervision-library"],
            type="SupervisionMember",
            title="陈明",
            category="npc_deputy",
        )
        brain = api.content.find(UID=member.UID())[0]
        self.assertEqual(brain.supervision_category, "npc_deputy")

    def test_members_only_in_their_library(self):
        allowed = {
            library: [fti.getId() for fti in self.portal[library].allowedContentTypes()]
            for library in ("expert-library", "agency-library", "supervision-library")
        }
        self.assertEqual(
            allowed,
            {
                "expert-library": ["Expert"],
                "agency-library": ["Agency"],
                "supervision-library": ["SupervisionMember"],
            },
        )


class TestDemo(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])

    def test_demo_libraries_and_round_idempotent(self):
        from changde.perfmgmt.core.demo import load_demo
        from changde.perfmgmt.libraries.members import elimination_proposal

        counts = load_demo(self.portal, only=["libraries"])
        self.assertEqual(counts["Expert"], 5)
        self.assertEqual(counts["Agency"], 3)
        self.assertEqual(counts["SupervisionMember"], 5)
        self.assertEqual(counts["InternalReviewRound"], 1)
        review_round = self.portal["internal-review"]["2026-round-1"]
        self.assertEqual(review_round.reports[0]["total"], "87.25")
        _members, result = elimination_proposal(
            self.portal["expert-library"], year=2026
        )
        self.assertEqual([p.member_id for p in result.proposed], ["li-na"])
        self.assertEqual(load_demo(self.portal, only=["libraries"]), {})
