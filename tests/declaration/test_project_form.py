"""The project's add and edit forms with the indicator table (functional):
rows typed or picked from the library, per-row messages, nothing written on
a refusal, nothing typed lost; the indicator's own forms go back to the
project; a submitted project's edit page says why it is read-only."""

import unittest
from decimal import Decimal

import transaction
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.testing.zope import Browser

from changde.perfmgmt.declaration.rules import indicators as rules
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
from changde.perfmgmt.testing import PASSWORD
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import create_city
from changde.perfmgmt.testing import create_project

ROW = "indicators.{}:records"


class FormTestCase(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.city = create_city(self.portal)
        self.unit = self.city["unit_a"]
        library = api.content.create(
            container=self.portal, type="IndicatorLibrary", id="library", title="指标库"
        )
        self.template = api.content.create(
            container=library,
            type="IndicatorTemplate",
            id="gaizao",
            title="改造薄弱学校数量",
            level1="产出指标",
            level2="数量指标",
            comparator="ge",
            unit="所",
            sector="教育",
        )
        transaction.commit()

    def browser(self, user=UNIT_A_USER, language="zh-cn"):
        browser = Browser(self.layer["app"])
        browser.handleErrors = False
        browser.raiseHttpErrors = False
        browser.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
        browser.addHeader("Accept-Language", language)
        return browser

    def fill_project(self, browser, title="智慧校园建设"):
        browser.getControl(name="form.widgets.IBasic.title").value = title
        browser.getControl(name="form.widgets.year").value = "2026"
        browser.getControl(name="form.widgets.amount").value = "800000"
        browser.getControl(
            name="form.widgets.performance_goal"
        ).value = "<p>建成 10 所智慧校园。</p>"

    def fill_row(self, browser, index, title, target="20", weight="10", **cells):
        values = {
            "level1": "产出指标",
            "level2": "数量指标",
            "title": title,
            "comparator": "ge",
            "target_value": target,
            "unit": "所",
            "weight": weight,
            **cells,
        }
        for name, value in values.items():
            control = browser.getControl(name=ROW.format(name), index=index)
            control.value = (
                [value] if name in ("level1", "level2", "comparator") else value
            )

    def tick(self, browser, name, index, selected=True):
        """Checkboxes of one name are one control in the test browser."""
        control = browser.getControl(name=ROW.format(name))
        control.controls[index].selected = selected

    def add_rows(self, browser, count):
        for _ in range(count):
            browser.getControl(name="indicators_add_row").click()

    def projects(self):
        transaction.begin()
        return [
            obj
            for obj in self.unit.objectValues()
            if obj.portal_type == "BudgetProject"
        ]


class TestAddForm(FormTestCase):
    def open_add_form(self, browser):
        browser.open(f"{self.unit.absolute_url()}/++add++BudgetProject")
        self.assertIn("perfmgmt-indicator-rows", browser.contents)

    def test_offers_only_the_fields_a_unit_fills(self):
        browser = self.browser()
        self.open_add_form(browser)
        for name in (
            "IShortName.id",
            "exclude_from_nav",
            "versioning_enabled",
            "changeNote",
        ):
            self.assertNotIn(name, browser.contents)
        self.assertNotIn("form.widgets.is_new_major", browser.contents)
        self.assertNotIn("Summary", browser.contents)
        self.assertNotIn("text/x-web-textile", browser.contents)

    def test_a_project_with_its_indicators_in_one_form(self):
        browser = self.browser()
        self.open_add_form(browser)
        self.fill_project(browser)
        self.add_rows(browser, 2)
        self.fill_row(browser, 0, "改造学校数量")
        self.fill_row(
            browser,
            1,
            "师生满意度",
            target="90",
            unit="%",
            level1="满意度指标",
            level2="服务对象满意度指标",
        )
        self.fill_row(
            browser,
            2,
            "校园环境",
            target="持续改善",
            unit="",
            weight="",
            level1="效益指标",
            level2="生态效益指标",
            comparator="qualitative",
        )
        self.tick(browser, "quantifiable", 2, False)
        browser.getControl(name="form.buttons.save").click()
        (project,) = self.projects()
        self.assertEqual(browser.url, project.absolute_url() + "/view")
        indicators = project.objectValues()
        self.assertEqual(
            [i.title for i in indicators], ["改造学校数量", "师生满意度", "校园环境"]
        )
        self.assertEqual(indicators[0].weight, Decimal("10"))
        self.assertEqual(indicators[1].level2, "服务对象满意度指标")
        self.assertFalse(indicators[2].quantifiable)
        self.assertIsNone(indicators[2].weight)
        # the page shows the table: target with comparator and unit, weight
        self.assertIn("≥ 20 所", " ".join(browser.contents.split()))
        self.assertIn("保存为草稿", browser.contents)

    def test_a_bad_row_writes_nothing_and_keeps_what_was_typed(self):
        browser = self.browser()
        self.open_add_form(browser)
        self.fill_project(browser)
        self.add_rows(browser, 1)
        self.fill_row(browser, 0, "改造学校数量")
        self.fill_row(browser, 1, "新增学位数", target="很多", weight="120")
        browser.getControl(name="form.buttons.save").click()
        self.assertEqual(self.projects(), [])
        contents = browser.contents
        self.assertIn("1 个指标有错误", contents)
        self.assertIn("“很多”不是数字", contents)
        self.assertIn("权重应在 0 至 100 之间", contents)
        # what was typed is still there, project fields and rows alike
        self.assertEqual(
            browser.getControl(name="form.widgets.IBasic.title").value, "智慧校园建设"
        )
        self.assertEqual(
            browser.getControl(name=ROW.format("title"), index=0).value, "改造学校数量"
        )
        self.assertEqual(
            browser.getControl(name=ROW.format("target_value"), index=1).value, "很多"
        )
        # fixed, it saves
        self.fill_row(browser, 1, "新增学位数", target="3000", weight="20")
        browser.getControl(name="form.buttons.save").click()
        (project,) = self.projects()
        self.assertEqual(len(project.objectIds()), 2)

    def test_level2_must_belong_to_level1(self):
        browser = self.browser()
        self.open_add_form(browser)
        self.fill_project(browser)
        self.fill_row(
            browser, 0, "改造学校数量", level1="满意度指标", level2="数量指标"
        )
        browser.getControl(name="form.buttons.save").click()
        self.assertIn("不是“满意度指标”下的二级指标", browser.contents)
        self.assertEqual(self.projects(), [])

    def test_a_refused_project_field_keeps_the_rows(self):
        browser = self.browser()
        self.open_add_form(browser)
        self.fill_project(browser)
        browser.getControl(name="form.widgets.amount").value = "-5"
        self.fill_row(browser, 0, "改造学校数量")
        browser.getControl(name="form.buttons.save").click()
        self.assertIn("金额不能为负数", browser.contents)
        self.assertEqual(
            browser.getControl(name=ROW.format("title"), index=0).value, "改造学校数量"
        )
        self.assertEqual(self.projects(), [])

    def test_rows_picked_from_the_library(self):
        browser = self.browser()
        self.open_add_form(browser)
        self.fill_project(browser)
        self.fill_row(browser, 0, "自拟指标")
        browser.getControl(name="library_pick:list").value = [self.template.UID()]
        browser.getControl(name="indicators_add_picked").click()
        self.assertEqual(
            browser.getControl(name=ROW.format("title"), index=1).value,
            "改造薄弱学校数量",
        )
        self.assertEqual(
            browser.getControl(name=ROW.format("unit"), index=1).value, "所"
        )
        # the picked row has no target yet: a quantifiable one needs it
        browser.getControl(name="form.buttons.save").click()
        self.assertIn("可量化指标须填写数值型目标值", browser.contents)
        self.assertEqual(self.projects(), [])
        browser.getControl(name=ROW.format("target_value"), index=1).value = "15"
        browser.getControl(name="form.buttons.save").click()
        (project,) = self.projects()
        self.assertEqual(
            [i.title for i in project.objectValues()], ["自拟指标", "改造薄弱学校数量"]
        )


class TestEditForm(FormTestCase):
    def setUp(self):
        super().setUp()
        self.project = create_project(self.unit, id="p", indicators=2)
        self.project.manage_setLocalRoles(UNIT_A_USER, ["Owner"])
        transaction.commit()

    def test_change_delete_and_add_rows(self):
        browser = self.browser()
        browser.open(f"{self.project.absolute_url()}/edit")
        self.assertEqual(
            browser.getControl(name=ROW.format("title"), index=1).value, "指标 2"
        )
        browser.getControl(name=ROW.format("target_value"), index=0).value = "25"
        self.tick(browser, "delete", 1)
        self.fill_row(browser, 2, "新指标", target="5")
        browser.getControl(name="form.buttons.save").click()
        transaction.begin()
        titles = [i.title for i in self.project.objectValues()]
        self.assertEqual(titles, ["指标 1", "新指标"])
        self.assertEqual(self.project["indicator-1"].target_value, "25")
        brain = api.content.find(UID=self.project["indicator-1"].UID())[0]
        self.assertEqual(brain.target_value, "25")

    def test_a_refused_row_changes_nothing(self):
        browser = self.browser()
        browser.open(f"{self.project.absolute_url()}/edit")
        browser.getControl(name=ROW.format("target_value"), index=0).value = "25"
        browser.getControl(name=ROW.format("weight"), index=1).value = "-1"
        browser.getControl(name="form.buttons.save").click()
        self.assertIn("权重应在 0 至 100 之间", browser.contents)
        transaction.begin()
        self.assertEqual(self.project["indicator-1"].target_value, "20")

    def test_a_row_of_another_project_is_refused(self):
        other = create_project(self.city["unit_b"], id="other", indicators=1)
        transaction.commit()
        browser = self.browser()
        browser.open(f"{self.project.absolute_url()}/edit")
        browser.getControl(name=ROW.format("uid"), index=0).value = other[
            "indicator-1"
        ].UID()
        browser.getControl(name="form.buttons.save").click()
        self.assertIn("不是本项目的指标", browser.contents)

    def test_a_submitted_project_says_why_it_is_read_only(self):
        api.content.transition(obj=self.project, transition="submit")
        transaction.commit()
        browser = self.browser()
        browser.open(f"{self.project.absolute_url()}/edit")
        self.assertEqual(browser.headers["status"], "403 Forbidden")
        self.assertIn("已提交", browser.contents)
        self.assertIn("退回", browser.contents)
        self.assertNotIn("form.widgets.amount", browser.contents)


class TestIndicatorForms(FormTestCase):
    def setUp(self):
        super().setUp()
        self.project = create_project(self.unit, id="p", indicators=1)
        transaction.commit()

    def test_saving_an_indicator_returns_to_the_project(self):
        browser = self.browser()
        browser.open(f"{self.project['indicator-1'].absolute_url()}/edit")
        browser.getControl(name="form.widgets.target_value").value = "30"
        browser.getControl(name="form.buttons.save").click()
        self.assertEqual(browser.url, self.project.absolute_url())
        browser.open(f"{self.project.absolute_url()}/++add++Indicator")
        browser.getControl(name="form.widgets.IBasic.title").value = "新增学位"
        browser.getControl(name="form.widgets.level1:list").value = [
            "产出指标".encode().hex()
        ]
        browser.getControl(name="form.widgets.level2:list").value = [
            "数量指标".encode().hex()
        ]
        browser.getControl(name="form.widgets.target_value").value = "300"
        browser.getControl(name="form.buttons.save").click()
        self.assertEqual(browser.url, self.project.absolute_url())


class TestRowRule(unittest.TestCase):
    """The rule of one row, without Zope."""

    pairs = ("产出指标/数量指标", "满意度指标/服务对象满意度指标")

    def codes(self, **row):
        values = {
            "title": "改造学校数量",
            "level1": "产出指标",
            "level2": "数量指标",
            "comparator": "ge",
            "weight": "10",
            "quantifiable": True,
            "target_value": "20",
            **row,
        }
        return [
            v.code
            for v in rules.validate_indicator_row(level_pairs=self.pairs, **values)
        ]

    def test_a_right_row(self):
        self.assertEqual(self.codes(), [])

    def test_each_cell(self):
        self.assertEqual(self.codes(title=" "), ["indicator_title_required"])
        self.assertEqual(self.codes(level1=""), ["indicator_level1_required"])
        self.assertEqual(self.codes(level2=None), ["indicator_level2_required"])
        self.assertEqual(
            self.codes(level1="满意度指标"), ["indicator_level2_not_under_level1"]
        )
        self.assertEqual(self.codes(weight="100.01"), ["indicator_weight_out_of_range"])
        self.assertEqual(self.codes(weight="100"), [])
        self.assertEqual(self.codes(weight=""), [])
        self.assertEqual(
            self.codes(target_value="x"), ["indicator_target_not_a_number"]
        )
        self.assertEqual(
            self.codes(quantifiable=False, comparator="qualitative", target_value="好"),
            [],
        )


class TestLevelsOverRest(FormTestCase):
    """The level rule of the table holds for an indicator posted over REST."""

    def test_level2_outside_level1_is_refused(self):
        import requests

        project = create_project(self.unit, id="p", indicators=0)
        transaction.commit()
        response = requests.post(
            project.absolute_url(),
            headers={"Accept": "application/json", "Accept-Language": "zh-CN"},
            auth=(UNIT_A_USER, PASSWORD),
            json={
                "@type": "Indicator",
                "title": "改造学校数量",
                "level1": "满意度指标",
                "level2": "数量指标",
                "quantifiable": True,
                "comparator": "ge",
                "target_value": "20",
            },
            timeout=30,
        )
        self.assertEqual(response.status_code, 400, response.text)
        (error,) = response.json()["errors"]
        self.assertEqual(error["code"], "indicator_level2_not_under_level1")
        self.assertEqual(error["field"], "level2")
        self.assertEqual(error["message"], "“数量指标”不是“满意度指标”下的二级指标。")
        transaction.begin()
        self.assertEqual(project.objectIds(), [])
