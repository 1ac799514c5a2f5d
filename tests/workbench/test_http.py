"""The workbench over real HTTP: ``@workbench`` answers the numbers of the
page for the signed-in user and refuses anonymous; the page ``@@workbench``
shows each role its numbers as links to the lists."""

import unittest

from lxml import html
from tests.dashboard.base import CITY_FUNCTIONAL_TESTING
from tests.dashboard.base import RETURN_REASON
from tests.dashboard.base import YEAR

from changde.perfmgmt.testing import DISTRICT_USER
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import REVIEWER_USER
from changde.perfmgmt.testing import UNIT_B_USER
from changde.perfmgmt.testing import rest_call


class WorkbenchHttpTestCase(unittest.TestCase):
    layer = CITY_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal_url = self.layer["portal"].absolute_url()

    def get(self, path, user=OFFICE_USER, json_api=True, **params):
        """GET ``path`` of the site through the suite's one REST client (as a
        browser asks for a page when ``json_api`` is false)."""
        return rest_call(
            "GET",
            f"{self.portal_url}/{path}",
            user,
            "zh-cn",
            params=params,
            headers={} if json_api else {"Accept": "text/html,*/*"},
            allow_redirects=False,
        )


class TestRest(WorkbenchHttpTestCase):
    def test_office(self):
        response = self.get("@workbench", year=YEAR)
        self.assertEqual(response.status_code, 200, response.text)
        answer = response.json()
        self.assertEqual(answer["year"], YEAR)
        self.assertEqual(answer["office"]["special_funds"]["approved"], 1)
        self.assertEqual(answer["office"]["rectification"]["rate"], "33.33")
        self.assertIsNone(answer["reviewer"])

    def test_unit_gets_its_own_section_only(self):
        answer = self.get("@workbench", user=UNIT_B_USER, year=YEAR).json()
        self.assertIsNone(answer["office"])
        (section,) = answer["units"]
        self.assertEqual(section["returned"][0]["reason"], RETURN_REASON)

    def test_anonymous_refused(self):
        self.assertEqual(self.get("@workbench", user=None).status_code, 401)

    def test_bad_year(self):
        response = self.get("@workbench", year="20x6")
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.json()["error"]["errors"][0]["field"], "year")


class TestPage(WorkbenchHttpTestCase):
    def page(self, user, **params):
        response = self.get("@@workbench", user=user, json_api=False, **params)
        self.assertEqual(response.status_code, 200)
        return html.fromstring(response.text)

    def test_office_numbers_link_to_lists(self):
        tree = self.page(OFFICE_USER, year=YEAR)
        links = [
            link.get("href")
            for link in tree.cssselect(".perfmgmt-workbench-office a.perfmgmt-number")
        ]
        self.assertTrue(links)
        self.assertTrue(
            all(
                "/@@list-" in href
                or "/@@review-queue" in href
                or "result-application" in href
                for href in links
            ),
            links,
        )

    def test_reviewer_queue(self):
        tree = self.page(REVIEWER_USER, year=YEAR)
        rows = tree.cssselect(".perfmgmt-workbench-queue tbody tr")
        self.assertEqual(len(rows), 2)
        self.assertFalse(tree.cssselect(".perfmgmt-workbench-office"))

    def test_district_sees_its_jurisdiction(self):
        tree = self.page(DISTRICT_USER, year=YEAR)
        sections = tree.cssselect(".perfmgmt-workbench-tenant")
        self.assertEqual([s.get("data-tenant") for s in sections], ["wuling"])
        self.assertNotIn("市教育局", tree.text_content())

    def test_unit_sees_the_return_reason(self):
        tree = self.page(UNIT_B_USER, year=YEAR)
        reasons = [q.text_content() for q in tree.cssselect(".perfmgmt-return-reason")]
        self.assertEqual(reasons, [RETURN_REASON])

    def test_a_wrong_year_is_a_message(self):
        tree = self.page(OFFICE_USER, year="abc")
        self.assertTrue(tree.cssselect(".perfmgmt-workbench .alert-warning"))


class TestHomePage(WorkbenchHttpTestCase):
    def test_the_home_page_shows_a_signed_in_users_workbench_first(self):
        response = self.get("", user=OFFICE_USER, json_api=False)
        self.assertEqual(response.status_code, 200)
        tree = html.fromstring(response.text)
        viewlets = tree.cssselect(".perfmgmt-home-viewlets > *")
        self.assertTrue(viewlets)
        self.assertIn("perfmgmt-workbench", viewlets[0].get("class"))
        self.assertTrue(tree.cssselect(".perfmgmt-workbench-office"))

    def test_not_for_anonymous(self):
        response = self.get("", user=None, json_api=False)
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("perfmgmt-workbench", response.text)

    def test_the_year_selector_stays_on_the_home_page(self):
        tree = html.fromstring(self.get("", user=UNIT_B_USER, json_api=False).text)
        (form,) = tree.cssselect("form.perfmgmt-workbench-year")
        self.assertNotIn("@@workbench", form.get("action"))
