"""The daily flow in Chromium (R-P1): a unit declares a special fund with
ten indicators in one form and submits it; a reviewer finds it in the queue
and returns it with a reason; the unit reads the reason, fixes the project
and submits it again; the reviewer passes the goal review and approves it.
Nobody types a URL: each step starts from a tab, a list or a button."""

from plone import api
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from changde.perfmgmt.testing import REVIEWER_USER
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import BrowserTestCase

PROJECT = "智慧校园建设专项"
REASON = "满意度指标的目标值偏低，请调整为不低于 95%。"
#: ten quantifiable indicators: (level 1, level 2, name, target, unit)
INDICATORS = [
    ("产出指标", "数量指标", "建成智慧教室数量", "120", "间"),
    ("产出指标", "数量指标", "接入学校数量", "40", "所"),
    ("产出指标", "数量指标", "教师培训人次", "2000", "人次"),
    ("产出指标", "质量指标", "设备验收合格率", "100", "%"),
    ("产出指标", "质量指标", "平台可用率", "99", "%"),
    ("产出指标", "时效指标", "项目按期完工率", "95", "%"),
    ("产出指标", "时效指标", "资金拨付及时率", "100", "%"),
    ("产出指标", "成本指标", "每间教室建设成本", "3", "万元"),
    ("效益指标", "社会效益指标", "数字化教学覆盖率", "90", "%"),
    ("满意度指标", "服务对象满意度指标", "师生满意度", "85", "%"),
]


class TestDeclareReturnApprove(BrowserTestCase):
    def press(self, element, loads=True):
        """Click ``element`` as a person would after scrolling to it, and wait
        for the page the click may load."""
        old = self.driver.find_element(By.TAG_NAME, "html")
        self.driver.execute_script(
            "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();",
            element,
        )
        if loads:
            self.wait_until(lambda d: old.id != d.find_element(By.TAG_NAME, "html").id)
        self.wait_until(
            lambda d: d.execute_script("return document.readyState") == "complete"
        )

    def click_link(self, href_part):
        self.press(self.find(f"a[href*='{href_part}']"))

    def click(self, css):
        self.press(self.find(css))

    def text(self):
        return self.find("body").text

    def fill_row(self, row, values):
        level1, level2, title, target, unit = values
        Select(
            row.find_element(By.CSS_SELECTOR, "select[name$='level1:records']")
        ).select_by_visible_text(level1)
        Select(
            row.find_element(By.CSS_SELECTOR, "select[name$='level2:records']")
        ).select_by_visible_text(level2)
        for name, value in (
            ("title", title),
            ("target_value", target),
            ("unit", unit),
            ("weight", "10"),
        ):
            field = row.find_element(By.CSS_SELECTOR, f"input[name$='{name}:records']")
            field.clear()
            field.send_keys(value)

    def declare(self):
        self.login(UNIT_A_USER)
        self.open()
        self.click_link("@@my-unit")
        self.assertIn("市教育局", self.text())
        self.click("a.perfmgmt-add-project")
        self.find("#form-widgets-IBasic-title").send_keys(PROJECT)
        self.find("#form-widgets-year").send_keys("2026")
        self.press(self.find("#form-widgets-is_special_fund-0"), loads=False)
        self.find("#form-widgets-amount").send_keys("2400000")
        self.driver.execute_script(
            "var html = '<p>建成智慧教室 120 间，覆盖 40 所学校。</p>';"
            "if (window.tinymce && tinymce.activeEditor) {"
            "  tinymce.activeEditor.setContent(html); tinymce.triggerSave(); }"
            "else { document.getElementById('form-widgets-performance_goal')"
            ".value = html; }"
        )
        for _ in range(len(INDICATORS) - 1):
            self.press(
                self.find(".perfmgmt-add-row"), loads=False
            )  # a copy, no round trip
        rows = self.find_all("tbody.perfmgmt-indicator-body tr")
        self.assertEqual(len(rows), len(INDICATORS))
        for row, values in zip(rows, INDICATORS, strict=True):
            self.fill_row(row, values)
        self.screenshot("flow-1-declare-form")
        self.click("#form-buttons-save")
        self.assertIn("项目已保存为草稿", self.text())
        self.assertIn("已满足工作方案规定的全部条件", self.text())
        self.assertEqual(len(self.find_all(".perfmgmt-indicator-table tbody tr")), 10)
        self.screenshot("flow-2-project-page")
        self.click("button.perfmgmt-transition-submit")
        self.assertIn("项目已提交", self.text())
        self.assertIn("已提交", self.find(".perfmgmt-state").text)

    def project(self):
        return self.city["unit_a"][self.city["unit_a"].objectIds()[0]]

    def test_declare_return_fix_resubmit_approve(self):
        self.declare()
        # the reviewer finds it in the queue and returns it with a reason
        self.login(REVIEWER_USER)
        self.open()
        self.click_link("@@review-queue")
        self.assertIn(PROJECT, self.text())
        self.screenshot("flow-3-review-queue")
        self.press(self.find("table.perfmgmt-list").find_element(By.LINK_TEXT, PROJECT))
        self.click("a.perfmgmt-transition-return")
        self.find("textarea[name='comment']").send_keys(REASON)
        self.click("[name='form.submitted']")
        self.assertIn(REASON, self.text())  # still readable, with the reason
        self.screenshot("flow-4-returned")
        # the unit reads the reason on its page and on the project, fixes it
        self.login(UNIT_A_USER)
        self.open()
        self.click_link("@@my-unit")
        self.assertIn(REASON, self.find(".perfmgmt-returned").text)
        self.screenshot("flow-5-unit-page-returned")
        self.press(self.find(".perfmgmt-returned").find_element(By.LINK_TEXT, PROJECT))
        self.assertIn(REASON, self.find(".perfmgmt-return-reason").text)
        self.click("a.perfmgmt-edit")
        rows = self.find_all("tbody.perfmgmt-indicator-body tr")
        target = rows[9].find_element(
            By.CSS_SELECTOR, "input[name$='target_value:records']"
        )
        target.clear()
        target.send_keys("95")
        self.click("#form-buttons-save")
        self.click("button.perfmgmt-transition-submit")
        self.assertIn("项目已提交", self.text())
        # the reviewer passes the goal review and approves
        self.login(REVIEWER_USER)
        self.open()
        self.click_link("@@review-queue")
        self.press(self.find("table.perfmgmt-list").find_element(By.LINK_TEXT, PROJECT))
        self.click("button.perfmgmt-transition-review")
        self.assertIn("已通过目标审核", self.text())
        self.click("button.perfmgmt-transition-approve")
        self.assertIn("项目已批准", self.text())
        self.screenshot("flow-6-approved")
        project = self.project()
        project._p_jar.sync()
        self.assertEqual(api.content.get_state(project), "approved")
        self.assertEqual(project.objectValues()[9].target_value, "95")

    def test_a_refused_row_keeps_everything_typed(self):
        self.login(UNIT_A_USER)
        self.open(f"{self.city['unit_a'].absolute_url()}")
        self.click("a.perfmgmt-add-project")
        self.find("#form-widgets-IBasic-title").send_keys(PROJECT)
        self.find("#form-widgets-year").send_keys("2026")
        self.find("#form-widgets-amount").send_keys("2400000")
        self.press(self.find(".perfmgmt-add-row"), loads=False)
        rows = self.find_all("tbody.perfmgmt-indicator-body tr")
        self.fill_row(rows[0], INDICATORS[0])
        self.fill_row(rows[1], ("产出指标", "数量指标", "接入学校数量", "很多", "所"))
        self.click("#form-buttons-save")
        self.assertIn("1 个指标有错误", self.text())
        row = self.find_all("tbody.perfmgmt-indicator-body tr")[1]
        self.assertIn("table-danger", row.get_attribute("class"))
        self.assertIn("不是数字", row.text)
        self.assertEqual(
            row.find_element(
                By.CSS_SELECTOR, "input[name$='target_value:records']"
            ).get_attribute("value"),
            "很多",
        )
        self.screenshot("flow-refused-row")
        self.set_width(390)
        self.assertLessEqual(self.horizontal_overflow(), 0)
        self.screenshot("flow-refused-row-phone")
        self.set_width(1366)
