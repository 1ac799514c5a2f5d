"""Each role's workbench in a real browser: it shows the role's numbers, each
number links to the list behind it (the list view and its filters), and a
phone has no horizontal scrolling."""

from urllib.parse import parse_qs
from urllib.parse import urlparse

from tests.dashboard.base import CITY_BROWSER_TESTING
from tests.dashboard.base import RETURN_REASON
from tests.dashboard.base import YEAR

from changde.perfmgmt.testing import DISTRICT_USER
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import PHONE
from changde.perfmgmt.testing import REVIEWER_USER
from changde.perfmgmt.testing import UNIT_B_USER
from changde.perfmgmt.testing import BrowserTestCase


class TestWorkbenchInTheBrowser(BrowserTestCase):
    layer = CITY_BROWSER_TESTING
    create_city = False

    def workbench(self, user, home=False):
        """The user's workbench: on the home page (the front page after
        signing in) or the page @@workbench."""
        self.login(user)
        self.open(f"?year={YEAR}" if home else f"@@workbench?year={YEAR}")
        return self.find(".perfmgmt-workbench")

    def link(self, css):
        """``(text, view, parameters)`` of the first link matching ``css``."""
        element = self.find(css)
        parsed = urlparse(element.get_attribute("href"))
        return element.text, parsed.path.rsplit("/", 1)[-1], parse_qs(parsed.query)

    def follow(self, css):
        """Click the first link matching ``css`` and wait for the list it
        leads to: the titles of the list's rows (the first cell's link)."""
        element = self.find(css)
        href = element.get_attribute("href")
        element.click()
        self.wait_until(
            lambda driver: driver.current_url == href,
            message=f"the link {href} was not followed",
        )
        self.wait_until(
            lambda driver: self.find_all(".perfmgmt-list-count"),
            message=f"{href} shows no list",
        )
        return [
            row.text
            for row in self.find_all("table.perfmgmt-list tbody tr td:first-child a")
        ]

    def test_office_on_the_home_page(self):
        self.workbench(OFFICE_USER, home=True)
        text, view, params = self.link(
            "tr[data-kind=projects_to_review] a.perfmgmt-number"
        )
        self.assertEqual(text, "1")
        self.assertEqual(view, "@@list-projects")
        self.assertEqual(params, {"year": [str(YEAR)], "review_state": ["submitted"]})
        text, view, params = self.link(".perfmgmt-workbench-special-funds a")
        self.assertEqual(text, "1")
        self.assertEqual(params["special_fund"], ["1"])
        self.assertEqual(params["review_state"], ["approved"])
        rounds = self.find_all(".perfmgmt-workbench-rounds tbody tr")
        self.assertEqual(len(rounds), 2)
        self.screenshot("workbench-office")
        # the number leads to a list of as many projects
        titles = self.follow("tr[data-kind=projects_to_review] a.perfmgmt-number")
        self.assertEqual(len(titles), 1)

    def test_reviewer(self):
        self.workbench(REVIEWER_USER)
        rows = self.find_all(".perfmgmt-workbench-queue tbody th a")
        # the oldest first: a3 was submitted before w2 was reviewed
        self.assertEqual(
            [row.text for row in rows], ["市直学校信息化建设", "武陵区学前教育补助"]
        )
        text, view, params = self.link(".perfmgmt-workbench-reviewer a.perfmgmt-number")
        self.assertEqual((text, view, params), ("2", "@@review-queue", {}))
        self.assertFalse(self.find_all(".perfmgmt-workbench-office"))
        # the queue the number leads to holds the same projects
        titles = self.follow(".perfmgmt-workbench-reviewer a.perfmgmt-number")
        self.assertEqual(
            sorted(titles), sorted(["市直学校信息化建设", "武陵区学前教育补助"])
        )

    def test_unit_on_a_phone(self):
        self.set_width(PHONE[0])
        self.workbench(UNIT_B_USER)
        self.assertEqual(self.find(".perfmgmt-return-reason").text, RETURN_REASON)
        text, view, params = self.link(
            ".perfmgmt-workbench-states [data-state=returned] a"
        )
        self.assertEqual((text, view), ("1", "@@list-projects"))
        self.assertEqual(params["review_state"], ["returned"])
        self.assertIn("unit", params)
        self.assertEqual(self.horizontal_overflow(), 0)
        self.screenshot("workbench-unit-phone")
        titles = self.follow(".perfmgmt-workbench-states [data-state=returned] a")
        self.assertEqual(len(titles), 1)

    def test_district(self):
        self.workbench(DISTRICT_USER)
        # the workbench is the home page's: 首页 is marked, not 驾驶舱
        self.wait_until(
            lambda driver: (
                "current"
                in self.find("#portal-globalnav li.index_html").get_attribute("class")
            ),
            message="the tab 首页 was not marked",
        )
        dashboard = self.find("#portal-globalnav li.perfmgmt-dashboard")
        self.assertNotIn("current", dashboard.get_attribute("class"))
        sections = self.find_all(".perfmgmt-workbench-tenant")
        self.assertEqual([s.get_attribute("data-tenant") for s in sections], ["wuling"])
        text, view, params = self.link(
            ".perfmgmt-workbench-states [data-state=approved] a"
        )
        self.assertEqual(text, "1")
        self.assertEqual(params["jurisdiction"], ["wuling"])
        self.assertEqual(
            len(self.find_all(".perfmgmt-workbench-self-evaluations li")), 1
        )
        titles = self.follow(".perfmgmt-workbench-states [data-state=approved] a")
        self.assertEqual(len(titles), 1)
        # w1, approved; not w2, reviewed
        self.assertNotIn("武陵区学前教育补助", titles)
