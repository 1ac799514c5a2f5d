"""In the browser: a visitor goes from the front page to the column and, in
one click each, to the policies, the news, the published reports of a year
and the training calendar; a unit's staff signs up for a training with the
unit chosen and gives feedback; the office sees the attendance by district
and unit. At desktop and phone width, nothing wider than the window."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select
from tests.evaluation.base import create_report
from tests.evaluation.base import do
from tests.evaluation.base import set_up_city
from tests.publicity.base import as_manager
from tests.publicity.base import create_news
from tests.publicity.base import create_policy
from tests.publicity.base import create_training

from changde.perfmgmt.publicity.column import section
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import PHONE
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import BrowserTestCase


def press(driver, element):
    """Click ``element`` as a person would, once it is scrolled to the
    middle of the window (not under the toolbar or the page's foot)."""
    driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element
    )
    element.click()


class TestVisitorPath(BrowserTestCase):
    create_city = False

    def setUp(self):
        super().setUp()
        _city, projects, _members = set_up_city(self.portal)
        found = {kind: section(kind) for kind in ("policies", "news", "training")}
        create_policy(found["policies"])
        create_news(found["news"], kind="work_meeting")
        create_training(found["training"], id="spring", days=7)
        do(
            create_report(projects["a1"], id="pub", title="义务教育专项重点评价"),
            "submit",
            "approve",
            "feed_back",
            "publish",
        )

    def click(self, text):
        press(self.driver, self.find_all_links(text)[0])
        self.wait_until(
            lambda d: d.execute_script("return document.readyState") == "complete"
        )

    def find_all_links(self, text):
        links = self.driver.find_elements(By.PARTIAL_LINK_TEXT, text)
        self.assertTrue(links, f"no link {text!r} on {self.driver.current_url}")
        return [link for link in links if link.is_displayed()] or links

    def back_to_column(self):
        self.open("column")

    def test_the_home_page_is_the_public_portal_for_visitors(self):
        """Anonymous visitors land on the portal: the column's sections, one
        click each from the home page."""
        for width in (1366, PHONE[0]):
            with self.subTest(width=width):
                self.set_width(width)
                self.open()
                (portal,) = self.find_all("section.perfmgmt-public-portal")
                self.assertIn("绩效管理专栏", portal.text)
                for link, expected in (
                    ("常德市财政局贯彻湘办发", "贯彻湘办发"),
                    ("培训日历", "预算绩效管理业务培训"),
                ):
                    self.open()
                    self.click(link)
                    self.assertIn(expected, self.driver.page_source)
                self.assertEqual(self.horizontal_overflow(), 0)

    def test_from_the_front_page_to_each_section(self):
        for width in (1366, PHONE[0]):
            with self.subTest(width=width):
                self.set_width(width)
                self.open()
                # the top tab (on a phone, behind the menu button)
                (tab,) = self.find_all("#portal-globalnav a[href$='/column']")
                self.assertEqual(
                    tab.get_attribute("textContent").strip(), "绩效管理专栏"
                )
                self.driver.get(tab.get_attribute("href"))
                self.assertIn("/column", self.driver.current_url)
                self.assertEqual(self.horizontal_overflow(), 0)
                for link, expected in (
                    ("常德市财政局贯彻湘办发", "贯彻湘办发"),
                    ("全市预算绩效管理工作布置会召开", "各区县市财政局、市直预算单位"),
                    ("2026年", "义务教育专项重点评价"),
                    ("培训日历", "预算绩效管理业务培训"),
                ):
                    self.back_to_column()
                    self.click(link)
                    self.assertIn(expected, self.driver.page_source)
                    self.assertEqual(self.horizontal_overflow(), 0, link)
                self.assertIn("/column/training", self.driver.current_url)
                self.assertIn("往期培训", self.driver.page_source)


class TestStaffSignUpAndFeedback(BrowserTestCase):
    def setUp(self):
        super().setUp()
        as_manager(self.portal)
        self.event = create_training(section("training"), id="spring", days=3)
        self.started = create_training(
            section("training"), id="today", days=0, title="绩效评价实务培训"
        )

    def test_the_staff_signs_up_and_gives_feedback_and_the_office_sees_it(self):
        self.login(UNIT_A_USER)
        self.set_width(PHONE[0])
        self.open("column/training/spring")
        press(self.driver, self.find(".perfmgmt-signup"))
        self.wait_until(lambda d: "signup" in d.current_url)
        unit = Select(self.find("#form-widgets-organisation"))
        chosen = unit.first_selected_option.get_attribute("value")
        self.assertEqual(chosen, "shibenji/unit-a")
        self.assertFalse(self.find("#formfield-form-widgets-homepage").is_displayed())
        self.assertEqual(self.horizontal_overflow(), 0)
        self.find("#form-widgets-name").send_keys("王五")
        self.find("#form-widgets-phone").send_keys("13800000000")
        press(self.driver, self.find("#form-buttons-submit"))
        self.wait_until(lambda d: "报名成功" in d.page_source)

        self.open("column/training/today")
        press(self.driver, self.find(".perfmgmt-give-feedback"))
        self.wait_until(lambda d: "feedback" in d.current_url)
        for name, value in (
            ("rating_content", "5"),
            ("rating_lecturer", "4"),
            ("rating_organisation", "4"),
        ):
            radio = self.find(f"input[name='form.widgets.{name}'][value='{value}']")
            self.driver.execute_script("arguments[0].click();", radio)
        self.find("#form-widgets-comments").send_keys("希望多讲案例。")
        press(self.driver, self.find("#form-buttons-submit"))
        self.wait_until(lambda d: "感谢您的反馈" in d.page_source)

        self.login(OFFICE_USER)
        self.set_width(1366)
        self.open("column/training/spring/@@attendance")
        rows = self.find_all(".perfmgmt-attendance-summary tbody tr")
        self.assertEqual([row.text.split()[0] for row in rows], ["市本级", "市教育局"])
        checkbox = self.find("input[name='attended:list']")
        press(self.driver, checkbox)
        press(self.driver, self.find("[name='form.buttons.save']"))
        self.wait_until(lambda d: "出勤情况已保存" in d.page_source)
        self.assertIn("到场 1 人", self.find("#content-core").text)
        self.open("column/training/today/@@training-feedback")
        self.assertIn("4.33", self.find(".perfmgmt-overall").text)
