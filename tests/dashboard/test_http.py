"""The dashboard over real HTTP: ``@dashboard`` answers the numbers of the
page, refuses anonymous and bad parameters with a 4xx naming the parameter;
the page carries a chart (with ECharts loaded on it alone) and a table for
each section; the Excel export holds the same numbers."""

import io
import json
import unittest

import requests
from lxml import html
from openpyxl import load_workbook
from tests.dashboard.base import CITY_FUNCTIONAL_TESTING
from tests.dashboard.base import YEAR

from changde.perfmgmt.testing import DISTRICT_USER
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import REVIEWER_USER
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import rest_call


class HttpTestCase(unittest.TestCase):
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


class TestRest(HttpTestCase):
    def test_office_gets_every_section(self):
        response = self.get("@dashboard", year=YEAR)
        self.assertEqual(response.status_code, 200, response.text)
        answer = response.json()
        self.assertEqual(answer["year"], YEAR)
        self.assertEqual(answer["special_funds"]["approved"], 1)
        first = answer["execution"]["rounds"][0]
        self.assertEqual(first["rate"], "56.40")
        self.assertEqual(first["light"], "red")
        self.assertEqual(answer["quantified"]["share"], "82.61")
        self.assertEqual(answer["rectification"]["rate"], "33.33")
        self.assertTrue(answer["@id"].endswith(f"@dashboard?year={YEAR}"))
        # titles in the reader's language
        kinds = {
            kind["id"]: kind["title"] for kind in answer["coverage"]["budget_kinds"]
        }
        self.assertEqual(kinds["government_debt"], "政府债务")

    def test_a_jurisdiction(self):
        answer = self.get("@dashboard", year=YEAR, jurisdiction="wuling").json()
        self.assertEqual(answer["jurisdiction"]["id"], "wuling")
        self.assertEqual(answer["quantified"]["indicators"], 6)

    def test_bad_parameters_name_the_parameter(self):
        for params, field in (
            ({"year": "abc"}, "year"),
            ({"year": "1999"}, "year"),
            ({"year": YEAR, "jurisdiction": "nowhere"}, "jurisdiction"),
        ):
            response = self.get("@dashboard", **params)
            self.assertEqual(response.status_code, 400, params)
            errors = response.json()["error"]["errors"]
            self.assertEqual([error["field"] for error in errors], [field])

    def test_anonymous_refused(self):
        response = self.get("@dashboard", user=None, year=YEAR)
        self.assertEqual(response.status_code, 401)

    def test_readers_get_their_numbers(self):
        unit = self.get("@dashboard", user=UNIT_A_USER, year=YEAR).json()
        self.assertEqual(unit["coverage"]["rows"], [])
        self.assertEqual(unit["execution"]["rounds"][0]["records"], 2)
        district = self.get("@dashboard", user=DISTRICT_USER, year=YEAR).json()
        self.assertEqual([j["id"] for j in district["jurisdictions"]], ["wuling"])
        self.assertIsNone(district["special_funds"])
        refused = self.get(
            "@dashboard", user=DISTRICT_USER, year=YEAR, jurisdiction="shibenji"
        )
        self.assertEqual(refused.status_code, 400)
        reviewer = self.get("@dashboard", user=REVIEWER_USER, year=YEAR).json()
        self.assertEqual(len(reviewer["coverage"]["rows"]), 2)


class TestPage(HttpTestCase):
    def page(self, user=OFFICE_USER, **params):
        response = self.get("@@dashboard", user=user, json_api=False, **params)
        self.assertEqual(response.status_code, 200)
        return html.fromstring(response.text)

    def test_a_chart_and_a_table_for_each_section(self):
        tree = self.page(year=YEAR)
        charts = tree.cssselect("[data-echarts-option]")
        sections = {chart.get("data-section") for chart in charts}
        self.assertEqual(
            sections,
            {
                "coverage",
                "special_funds",
                "execution-1",
                "execution-2",
                "grades",
                "rectification",
                "negative_list",
                "quantified",
            },
        )
        for chart in charts:
            option = json.loads(chart.get("data-echarts-option"))
            self.assertTrue(option["series"], chart.get("data-section"))
        tables = {
            table.get("data-section")
            for table in tree.cssselect("table.perfmgmt-dashboard-table")
        }
        self.assertTrue(sections.issubset(tables), sections - tables)

    def test_echarts_is_loaded_on_the_dashboard_only(self):
        tree = self.page(year=YEAR)
        scripts = [script.get("src") or "" for script in tree.cssselect("script")]
        echarts = [src for src in scripts if "echarts.min.js" in src]
        self.assertEqual(len(echarts), 1, scripts)
        self.assertIn("++plone++changde.perfmgmt.dashboard/echarts/", echarts[0])
        self.assertTrue(any("dashboard.js" in src for src in scripts))
        self.assertFalse(
            any(
                src.startswith("http")
                and "echarts" in src
                and self.portal_url not in src
                for src in scripts
            )
        )
        front = self.get("", json_api=False).text
        self.assertNotIn("echarts.min.js", front)
        served = requests.get(
            echarts[0]
            if echarts[0].startswith("http")
            else f"{self.portal_url}/{echarts[0]}",
            timeout=60,
        )
        self.assertEqual(served.status_code, 200)
        self.assertIn("echarts", served.text[:5000].lower())

    def test_the_tab_and_the_canonical_address(self):
        # the tab leads to <site>/dashboard, the page's canonical address, so
        # that Plone's navigation marks 驾驶舱 there and not on the home page
        tree = self.page(year=YEAR)
        tab = tree.cssselect("#portal-globalnav li.perfmgmt-dashboard a")[0]
        self.assertEqual(tab.get("href"), f"{self.portal_url}/dashboard")
        canonical = tree.cssselect("link[rel=canonical]")
        self.assertEqual(
            [link.get("href") for link in canonical], [f"{self.portal_url}/dashboard"]
        )
        front = html.fromstring(self.get("", json_api=False).text)
        self.assertEqual(
            [link.get("href") for link in front.cssselect("link[rel=canonical]")],
            [self.portal_url],
        )
        self.assertEqual(self.get("dashboard", json_api=False).status_code, 200)

    def test_gaps_are_red_in_the_table(self):
        tree = self.page(year=YEAR)
        row = tree.cssselect("table[data-section=coverage] tr[data-key=wuling]")[0]
        gaps = row.cssselect("td.perfmgmt-gap")
        self.assertEqual(len(gaps), 2)

    def test_execution_table_equals_rest(self):
        tree = self.page(year=YEAR)
        answer = self.get("@dashboard", year=YEAR).json()
        for each in answer["execution"]["rounds"]:
            table = tree.cssselect(
                f"table[data-section=execution-{each['round_number']}]"
            )[0]
            for row in each["by_jurisdiction"]:
                cells = table.cssselect(f"tr[data-key={row['jurisdiction']}] td")
                self.assertEqual(cells[0].get("data-value"), str(row["records"]))
                self.assertEqual(cells[1].get("data-value"), row["rate"])

    def test_a_wrong_year_gets_a_message_not_an_error(self):
        tree = self.page(year="abc")
        self.assertTrue(tree.cssselect(".alert-warning"))

    def test_anonymous_is_sent_to_log_in(self):
        response = self.get("@@dashboard", user=None, json_api=False, year=YEAR)
        self.assertIn(response.status_code, (302, 401, 403))
        self.assertNotIn("perfmgmt-chart", response.text)

    def test_unit_staff_page_shows_only_its_numbers(self):
        tree = self.page(user=UNIT_A_USER, year=YEAR)
        self.assertFalse(tree.cssselect("#dashboard-jurisdiction"))
        (content,) = tree.cssselect("#content")
        self.assertNotIn("武陵区", content.text_content())


class TestExport(HttpTestCase):
    def workbook(self, user=OFFICE_USER, **params):
        response = self.get("@@dashboard-export", user=user, json_api=False, **params)
        self.assertEqual(response.status_code, 200)
        self.assertIn("spreadsheetml", response.headers["Content-Type"])
        return load_workbook(io.BytesIO(response.content))

    def test_every_section_a_sheet(self):
        workbook = self.workbook(year=YEAR)
        self.assertEqual(len(workbook.worksheets), 8)

    def test_one_section_with_the_numbers_of_rest(self):
        workbook = self.workbook(year=YEAR, section="quantified")
        answer = self.get("@dashboard", year=YEAR).json()["quantified"]
        sheet = workbook.worksheets[0]
        rows = list(sheet.iter_rows(min_row=2, values_only=True))
        self.assertEqual(
            [(row[0], row[1], row[2]) for row in rows[:-1]],
            [
                (row["title"], row["indicators"], row["quantified"])
                for row in answer["by_jurisdiction"]
            ],
        )
        self.assertEqual(str(rows[-1][3]), answer["share"])

    def test_a_unit_exports_its_own_numbers(self):
        workbook = self.workbook(user=UNIT_A_USER, year=YEAR, section="quantified")
        names = [
            row[1]
            for row in workbook.worksheets[1].iter_rows(min_row=2, values_only=True)
        ]
        self.assertEqual(names, ["市教育局"])

    def test_anonymous_refused(self):
        response = self.get("@@dashboard-export", user=None, json_api=False, year=YEAR)
        self.assertNotEqual(response.status_code, 200)
