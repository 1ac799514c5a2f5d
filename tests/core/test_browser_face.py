"""The bureau's face in a real browser: colours, logo and footer as the
browser applies them, the tabs a reader clicks, and no sideways scrolling
at phone width."""

from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import PHONE
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import BrowserTestCase

BUREAU_BLUE = "rgb(29, 79, 145)"


class TestFaceInTheBrowser(BrowserTestCase):
    def nav_titles(self):
        return [a.text for a in self.find_all("#portal-globalnav > li > a")]

    def test_the_bureaus_identity_is_what_the_browser_draws(self):
        self.open()
        self.assertEqual(
            self.computed_style(".navbar-barceloneta", "background-color"),
            BUREAU_BLUE,
        )
        self.assertEqual(
            self.computed_style("#portal-footer-wrapper", "background-color"),
            "rgb(20, 39, 63)",
        )
        self.assertTrue(
            self.computed_style("body", "font-family").startswith('"Noto Sans CJK SC"')
        )
        logo = self.find("#portal-logo img")
        self.assertIn("changde-perfmgmt-logo.svg", logo.get_attribute("src"))
        self.assertGreater(
            self.driver.execute_script("return arguments[0].naturalWidth", logo), 0
        )
        footer = self.find("#portal-footer-wrapper").text
        self.assertIn("常德市财政局", footer)
        self.assertIn("预算绩效管理科", footer)
        self.assertNotIn("Plone 基金会", footer)
        self.assertNotIn("Powered by Plone", footer)
        self.assertEqual(self.driver.title, "常德市预算绩效管理")
        self.assertEqual(self.find("h1").text, "常德市预算绩效管理")
        self.screenshot("face-home-anonymous")

    def test_each_reader_sees_and_follows_their_tabs(self):
        self.open()
        self.assertEqual(self.nav_titles(), ["首页", "绩效评价", "绩效管理专栏"])
        self.login(UNIT_A_USER)
        self.open()
        titles = self.nav_titles()
        self.assertIn("运行监控", titles)
        self.assertNotIn("内部点评", titles)
        self.assertNotIn("结果应用", titles)
        self.login(OFFICE_USER)
        self.open()
        titles = self.nav_titles()
        for title in ("运行监控", "绩效评价", "结果应用", "整改", "负面清单"):
            self.assertIn(title, titles)
        self.assertIn("内部点评", titles)
        self.find("#portal-globalnav li.perfmgmt-monitoring > a").click()
        self.wait_until(lambda d: d.current_url.endswith("/monitoring"))
        crumbs = [li.text for li in self.find_all("#portal-breadcrumbs li")]
        self.assertEqual(crumbs, ["首页", "运行监控"])
        self.assertEqual(self.find("h1").text, "运行监控")
        self.screenshot("face-monitoring-office")

    def test_no_horizontal_scrolling_at_phone_width(self):
        pages = ("", "evaluation", "monitoring", "negative-list", "expert-library")
        self.set_width(*PHONE)
        self.open()
        self.assertEqual(self.horizontal_overflow(), 0, "home, anonymous")
        self.screenshot("face-home-anonymous-390")
        self.login(OFFICE_USER)
        for path in pages:
            self.open(path)
            self.assertEqual(self.horizontal_overflow(), 0, f"/{path}, office")
        self.screenshot("face-expert-library-office-390")
