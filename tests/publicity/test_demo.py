"""The demo's column (the files in publicity/demo/, read by core.demo):
policies published (the city's work plan in full), news and meetings, an
upcoming and a past training with materials, sign-ups, attendance and
feedback, drafts that stay drafts, opinions on the published report;
idempotent (integration)."""

import unittest

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import applyProfile
from plone.app.testing import setRoles

from changde.perfmgmt.core.demo import load_demo
from changde.perfmgmt.publicity import public_feedback
from changde.perfmgmt.publicity import training
from changde.perfmgmt.publicity.column import section
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING


class TestPublicityDemo(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        applyProfile(self.portal, "changde.perfmgmt:demo")

    def state(self, obj):
        return api.content.get_state(obj)

    def test_the_demo_column(self):
        # one test: loading the demo takes long
        self.check_policies()
        self.check_the_publicity_record()
        self.check_trainings()
        self.check_opinions()
        self.assertEqual(load_demo(self.portal, only=["publicity"]), {})
        past = section("training")["practice-training"]
        self.assertEqual(len(training.signups(past)), 4)
        self.assertEqual(len(public_feedback.feedback_rows()), 2)

    def check_policies(self):
        policies = section("policies")
        self.assertEqual(self.state(policies["zhongfa-2018-34"]), "published")
        self.assertIn("演示摘要", policies["zhongfa-2018-34"].text.raw)
        plan = policies["changde-work-plan-2019"]
        self.assertEqual(self.state(plan), "published")
        self.assertIn("加强培训", plan.text.raw)

    def check_the_publicity_record(self):
        brains = api.content.find(portal_type="PublicityItem", year=2026)
        kinds = sorted(brain.publicity_kind for brain in brains)
        self.assertEqual(
            kinds,
            ["internal_review_meeting", "news", "news", "work_meeting"],
        )
        self.assertEqual(self.state(section("news")["draft-news"]), "draft")

    def check_trainings(self):
        folder = section("training")
        upcoming = folder["spring-training"]
        self.assertTrue(training.is_upcoming(upcoming))
        self.assertTrue(training.signup_open(upcoming))
        (lecturer,) = upcoming.lecturers
        self.assertEqual(lecturer.to_object.Title(), "张伟")
        past = folder["practice-training"]
        self.assertFalse(training.is_upcoming(past))
        summary = training.attendance(past)
        self.assertEqual((summary["signed_up"], summary["attended"]), (4, 3))
        self.assertEqual(training.feedback_summary(past)["responses"], 3)
        self.assertEqual(
            sorted(past.objectIds()), ["feedback", "mof-guide", "signup", "slides"]
        )
        self.assertEqual(past["slides"].file.filename, "重点评价实务要点.txt")
        self.assertEqual(self.state(folder["draft-training"]), "draft")

    def check_opinions(self):
        rows = public_feedback.feedback_rows()
        self.assertEqual(len(rows), 2)
        self.assertEqual({row["year"] for row in rows}, {2026})
        self.assertEqual(sum(row["answered"] for row in rows), 1)
