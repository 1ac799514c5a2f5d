"""Full-text search finds Chinese words (R-P4): Plone's lexicon splits CJK text
into bigrams, so a word inside a title is found without spaces around it
(functional: the site's search over REST)."""

import unittest

import transaction
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import UNIT_B_USER
from changde.perfmgmt.testing import create_city
from changde.perfmgmt.testing import create_project
from changde.perfmgmt.testing import rest_call


class TestChineseSearch(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        city = create_city(self.portal)
        create_project(
            city["unit_a"],
            id="edu",
            title="义务教育均衡发展专项资金",
            project_code="EDU-2026-001",
        )
        create_project(city["unit_a"], id="road", title="农村公路提质改造")
        transaction.commit()

    def search(self, text, user=OFFICE_USER):
        response = rest_call(
            "GET",
            f"{self.portal.absolute_url()}/@search",
            user,
            params={"SearchableText": text, "portal_type": "BudgetProject"},
        )
        self.assertEqual(response.status_code, 200, response.text)
        return sorted(
            item["@id"].rsplit("/", 1)[-1] for item in response.json()["items"]
        )

    def test_a_word_inside_a_chinese_title_is_found(self):
        for word in ("教育", "义务教育", "均衡发展", "专项资金", "提质改造"):
            with self.subTest(word=word):
                expected = ["road"] if word == "提质改造" else ["edu"]
                self.assertEqual(self.search(word), expected)

    def test_the_code_and_the_words_of_the_goal_are_found(self):
        # create_project's goal: 完成 20 所学校改造。
        self.assertEqual(self.search("学校改造"), ["edu", "road"])
        self.assertEqual(self.search("EDU-2026-001"), ["edu"])

    def test_a_word_not_in_any_title_finds_nothing(self):
        self.assertEqual(self.search("医疗卫生"), [])

    def test_search_keeps_tenancy(self):
        self.assertEqual(self.search("教育", user=UNIT_B_USER), [])
