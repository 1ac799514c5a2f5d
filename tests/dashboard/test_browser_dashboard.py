"""The dashboard in a real browser: the charts render (ECharts instances with
data), the numbers of a chart and of its table equal those of ``@dashboard``,
the jurisdiction filter works, and a phone has no horizontal scrolling."""

import requests
from tests.dashboard.base import CITY_BROWSER_TESTING
from tests.dashboard.base import YEAR

from changde.perfmgmt.testing import DISTRICT_USER
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import PASSWORD
from changde.perfmgmt.testing import PHONE
from changde.perfmgmt.testing import BrowserTestCase

#: The data of every chart of the page, once ECharts has drawn them.
CHART_DATA = """
var answer = {};
document.querySelectorAll('[data-echarts-option]').forEach(function (element) {
  var chart = window.echarts && window.echarts.getInstanceByDom(element);
  if (!chart) { return; }
  answer[element.getAttribute('data-section')] = chart.getOption().series.map(
    function (series) {
      return series.data.map(function (item) {
        return (item !== null && typeof item === 'object' && !Array.isArray(item))
          ? item.value : item;
      });
    });
});
return answer;
"""


class TestDashboardInTheBrowser(BrowserTestCase):
    layer = CITY_BROWSER_TESTING
    create_city = False

    def rest(self, user=OFFICE_USER, **params):
        response = requests.get(
            f"{self.portal_url}/@dashboard",
            params={"year": YEAR, **params},
            headers={"Accept": "application/json", "Accept-Language": "zh-cn"},
            auth=(user, PASSWORD),
            timeout=60,
        )
        self.assertEqual(response.status_code, 200, response.text)
        return response.json()

    def charts(self):
        self.wait_until(
            lambda driver: driver.execute_script(
                "return !!window.echarts && document.querySelectorAll("
                "'[data-echarts-option]').length > 0 && Array.prototype.every.call("
                "document.querySelectorAll('[data-echarts-option]'), function (e) {"
                " return !!window.echarts.getInstanceByDom(e); })"
            ),
            message="the charts were not drawn",
        )
        return self.driver.execute_script(CHART_DATA)

    def table_values(self, section):
        return self.driver.execute_script(
            "return Array.prototype.map.call(document.querySelectorAll("
            "'table[data-section=\"' + arguments[0] + '\"] tbody tr'), function (row) {"
            " return [row.getAttribute('data-key')].concat(Array.prototype.map.call("
            "row.querySelectorAll('td'), function (cell) {"
            " return cell.getAttribute('data-value'); })); });",
            section,
        )

    def test_charts_render_and_equal_rest(self):
        self.login(OFFICE_USER)
        self.open(f"@@dashboard?year={YEAR}")
        data = self.charts()
        answer = self.rest()
        first = answer["execution"]["rounds"][0]
        # the chart lists the jurisdictions bottom up (the first on top)
        rates = [float(row["rate"]) for row in reversed(first["by_jurisdiction"])]
        self.assertEqual(data["execution-1"], [rates])
        table = self.table_values("execution-1")
        self.assertEqual(
            table,
            [
                [
                    row["jurisdiction"],
                    str(row["records"]),
                    row["rate"],
                    str(row["below_target"]),
                    str(row["suspension"]),
                ]
                for row in first["by_jurisdiction"]
            ],
        )
        shares = [
            float(row["share"])
            for row in reversed(answer["quantified"]["by_jurisdiction"])
        ]
        self.assertEqual(data["quantified"], [shares])
        self.assertEqual(data["special_funds"], [[answer["special_funds"]["approved"]]])
        self.screenshot("dashboard-office")

    def test_jurisdiction_filter(self):
        self.login(OFFICE_USER)
        self.open(f"@@dashboard?year={YEAR}")
        self.charts()
        # Plone's navigation marks the tab 驾驶舱, not 首页 (the site root)
        self.wait_until(
            lambda driver: (
                "current"
                in self.find("#portal-globalnav li.perfmgmt-dashboard").get_attribute(
                    "class"
                )
            ),
            message="the tab 驾驶舱 was not marked",
        )
        home = self.find("#portal-globalnav li.index_html").get_attribute("class")
        self.assertNotIn("current", home)
        from selenium.webdriver.support.ui import Select

        Select(self.find("#dashboard-jurisdiction")).select_by_value("wuling")
        self.find(".perfmgmt-dashboard-filter button[type=submit]").click()
        self.wait_until(lambda driver: "jurisdiction=wuling" in driver.current_url)
        self.charts()
        keys = [row[0] for row in self.table_values("coverage")]
        self.assertEqual(keys, ["wuling"])

    def test_a_district_on_a_phone(self):
        self.login(DISTRICT_USER)
        self.set_width(PHONE[0])
        self.open(f"@@dashboard?year={YEAR}")
        self.charts()
        self.assertEqual(self.horizontal_overflow(), 0)
        self.assertEqual([row[0] for row in self.table_values("coverage")], ["wuling"])
        self.assertFalse(self.find_all("#dashboard-jurisdiction"))
        self.screenshot("dashboard-district-phone")
