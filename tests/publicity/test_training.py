"""Training (R-M2): each training gets protected sign-up and feedback forms
(collective.easyform) that follow its state; a unit's staff signs up naming
the unit and gives feedback; the office ticks attendance and sees it by
district and unit, the feedback's averages, and both in Excel; nobody else
sees any of it (functional)."""

import datetime
import io
import unittest

import transaction
from openpyxl import load_workbook
from plone import api
from tests.publicity.base import as_manager
from tests.publicity.base import browser
from tests.publicity.base import create_training
from tests.publicity.base import days_from_today
from tests.publicity.base import hidden_from
from tests.publicity.base import status
from tests.publicity.base import warm_up
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

from changde.perfmgmt.publicity import training
from changde.perfmgmt.publicity.column import section
from changde.perfmgmt.publicity.public_forms import is_protected
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import create_city


class TestTrainingForms(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        as_manager(self.portal)
        self.section = section("training")

    def test_a_new_training_gets_its_protected_forms(self):
        event = create_training(self.section, published=False)
        for form_id in (training.SIGNUP_ID, training.FEEDBACK_ID):
            form = event[form_id]
            self.assertEqual(form.portal_type, "EasyForm")
            self.assertTrue(is_protected(form))
            self.assertTrue(form.exclude_from_nav)

    def test_the_forms_are_named_after_the_training(self):
        event = create_training(self.section, title="政策培训")
        self.assertEqual(event["signup"].Title(), "报名:政策培训")
        event.title = "政策与实务培训"
        notify(ObjectModifiedEvent(event))
        self.assertEqual(event["signup"].Title(), "报名:政策与实务培训")
        self.assertEqual(event["feedback"].Title(), "培训反馈:政策与实务培训")

    def test_a_copied_training_starts_without_the_originals_data(self):
        event = create_training(self.section)
        training.saver_of(event["signup"]).addDataRow(
            {"name": "张三", "organisation": "other", "phone": "1"}
        )
        (row_id,) = [row["id"] for row in training.signups(event)]
        training.set_attendance(event, attended=[row_id])
        copy = api.content.copy(source=event, target=self.section, id="copy")
        self.assertEqual(training.signups(copy), [])
        self.assertEqual(list(training.attended_ids(copy)), [])
        self.assertEqual(len(training.signups(event)), 1)

    def test_the_forms_follow_the_training_under_a_site_workflow(self):
        # `make start` sites give EasyForm the site's default workflow
        workflow = api.portal.get_tool("portal_workflow")
        workflow.setChainForPortalTypes(("EasyForm",), "simple_publication_workflow")
        event = create_training(self.section, published=False)
        form = event["signup"]
        self.assertEqual(api.content.get_state(form), "private")
        api.content.transition(obj=event, transition="publish")
        self.assertEqual(api.content.get_state(form), "published")
        api.content.transition(obj=event, transition="retract")
        self.assertEqual(api.content.get_state(form), "private")

    def test_attendance_ticks_only_sign_ups_of_the_training(self):
        event = create_training(self.section)
        saver = training.saver_of(event["signup"])
        saver.addDataRow({"name": "甲", "organisation": "other", "phone": "1"})
        saver.addDataRow({"name": "乙", "organisation": "other", "phone": "2"})
        first, second = [row["id"] for row in training.signups(event)]
        self.assertEqual(training.set_attendance(event, attended=[first, 42]), [42])
        self.assertEqual(list(training.attended_ids(event)), [])
        self.assertEqual(training.set_attendance(event, attended=[first, second]), [])
        training.set_attendance(event, absent=[second])
        self.assertEqual(
            [(row["name"], row["attended"]) for row in training.signups(event)],
            [("甲", True), ("乙", False)],
        )

    def test_year_and_dates_are_in_the_catalog(self):
        event = create_training(self.section, id="t", days=0)
        (brain,) = api.content.find(portal_type="TrainingEvent", getId="t")
        self.assertEqual(brain.year, event.start.year)
        self.assertIsNotNone(brain.start)
        self.assertIsNotNone(brain.end)


class TestSignUpAndFeedback(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        as_manager(self.portal)
        self.city = create_city(self.portal)
        self.section = section("training")
        self.event = create_training(self.section, id="spring", days=3)
        self.started = create_training(
            self.section, id="started", days=0, title="绩效评价实务培训"
        )
        self.draft = create_training(
            self.section, id="draft", days=10, title="未发布的培训", published=False
        )
        transaction.commit()
        warm_up(self.layer)

    def sign_up(self, browser_, url, name="李四", organisation="shibenji/unit-a"):
        browser_.open(url)
        browser_.getControl(name="form.widgets.name").value = name
        browser_.getControl(name="form.widgets.organisation:list").value = [
            organisation
        ]
        browser_.getControl(name="form.widgets.phone").value = "0736-7200000"
        browser_.getControl(name="form.buttons.submit").click()
        return browser_

    def test_a_units_staff_signs_up_with_the_unit_chosen(self):
        staff = browser(self.layer, UNIT_A_USER)
        staff.open(self.event.absolute_url())
        self.assertIn("我要报名", staff.contents)
        staff.getLink("我要报名").click()
        control = staff.getControl(name="form.widgets.organisation:list")
        self.assertEqual(control.value, ["shibenji/unit-a"])
        staff.getControl(name="form.widgets.name").value = "王五"
        staff.getControl(name="form.widgets.phone").value = "13800000000"
        staff.getControl(name="form.buttons.submit").click()
        self.assertIn("报名成功", staff.contents)
        transaction.begin()
        (row,) = training.signups(self.event)
        self.assertEqual(row["name"], "王五")
        self.assertEqual(row["jurisdiction_title"], "市本级")
        self.assertEqual(row["unit_title"], "市教育局")
        self.assertFalse(row["attended"])

    def test_the_organisations_are_the_citys_districts_and_units(self):
        visitor = browser(self.layer)
        visitor.open(self.event["signup"].absolute_url())
        options = visitor.getControl(name="form.widgets.organisation:list").options
        self.assertEqual(
            [o for o in options if o != "--NOVALUE--"],
            [
                "shibenji",
                # pinyin: 市教育局 (jiao) before 市卫健委 (wei)
                "shibenji/unit-a",
                "shibenji/unit-b",
                "wuling",
                "wuling/unit-w",
                "other",
            ],
        )

    def test_sign_up_without_a_name_is_refused_and_nothing_saved(self):
        visitor = browser(self.layer)
        self.sign_up(visitor, self.event["signup"].absolute_url(), name="   ")
        self.assertNotIn("报名成功", visitor.contents)
        # z3c.form's own message (it strips white space), or the guard's
        self.assertTrue(
            "缺少必需的输入" in visitor.contents or "请填写此项" in visitor.contents
        )
        transaction.begin()
        self.assertEqual(training.signups(self.event), [])

    def test_sign_up_names_a_unit_or_the_outside_organisation(self):
        visitor = browser(self.layer)
        url = self.event["signup"].absolute_url()
        self.sign_up(visitor, url, organisation="--NOVALUE--")
        self.assertIn("请选择您所在的单位或区县市", visitor.contents)
        self.sign_up(visitor, url, organisation="other")
        self.assertIn("请填写您所在单位的名称", visitor.contents)
        transaction.begin()
        self.assertEqual(training.signups(self.event), [])

    def test_sign_up_closes_after_the_deadline(self):
        self.event.signup_deadline = datetime.date.today() - datetime.timedelta(days=2)
        transaction.commit()
        visitor = browser(self.layer)
        visitor.open(self.event.absolute_url())
        self.assertNotIn("我要报名", visitor.contents)
        self.assertIn("报名已截止", visitor.contents)
        # the form itself refuses too
        self.sign_up(visitor, self.event["signup"].absolute_url())
        self.assertIn("报名已于", visitor.contents)
        transaction.begin()
        self.assertEqual(training.signups(self.event), [])

    def test_feedback_opens_when_the_training_starts(self):
        visitor = browser(self.layer)
        visitor.open(self.event.absolute_url())
        self.assertNotIn("培训反馈", visitor.contents)
        visitor.open(self.started.absolute_url())
        visitor.getLink("培训反馈").click()
        for name, value in (
            ("rating_content", "5"),
            ("rating_lecturer", "4"),
            ("rating_organisation", "4"),
        ):
            visitor.getControl(name=f"form.widgets.{name}").value = [value]
        visitor.getControl(name="form.widgets.comments").value = "希望多讲案例。"
        visitor.getControl(name="form.buttons.submit").click()
        self.assertIn("感谢您的反馈", visitor.contents)
        # an early feedback form refuses
        visitor.open(self.event["feedback"].absolute_url())
        for name in ("rating_content", "rating_lecturer", "rating_organisation"):
            visitor.getControl(name=f"form.widgets.{name}").value = ["3"]
        visitor.getControl(name="form.buttons.submit").click()
        self.assertIn("培训开始后", visitor.contents)
        transaction.begin()
        summary = training.feedback_summary(self.started)
        self.assertEqual(summary["responses"], 1)
        self.assertEqual(str(summary["overall"]), "4.33")
        self.assertEqual(training.feedback_summary(self.event)["responses"], 0)

    def test_a_draft_training_and_its_forms_are_hidden(self):
        visitor = browser(self.layer)
        for url in (
            self.draft.absolute_url(),
            self.draft["signup"].absolute_url(),
            self.draft["feedback"].absolute_url(),
        ):
            visitor.open(url)
            self.assertTrue(hidden_from(visitor, "未发布的培训"), url)

    def test_the_office_ticks_attendance_and_sees_it_by_district_and_unit(self):
        visitor = browser(self.layer)
        url = self.event["signup"].absolute_url()
        self.sign_up(visitor, url, name="甲", organisation="shibenji/unit-a")
        self.sign_up(
            browser(self.layer), url, name="乙", organisation="shibenji/unit-a"
        )
        self.sign_up(browser(self.layer), url, name="丙", organisation="wuling")
        office = browser(self.layer, OFFICE_USER)
        office.open(f"{self.event.absolute_url()}/@@attendance")
        self.assertEqual(status(office), 200)
        ids = [row["id"] for row in training.signups(self.event)]
        office.getControl(name="attended:list").value = [str(ids[0]), str(ids[2])]
        office.getControl(name="form.buttons.save").click()
        self.assertIn("出勤情况已保存", office.contents)
        transaction.begin()
        summary = training.attendance(self.event)
        self.assertEqual((summary["signed_up"], summary["attended"]), (3, 2))
        shibenji, wuling = summary["jurisdictions"]
        self.assertEqual(
            (shibenji["title"], shibenji["signed_up"], shibenji["attended"]),
            ("市本级", 2, 1),
        )
        self.assertEqual(shibenji["units"][0]["title"], "市教育局")
        self.assertEqual((wuling["title"], wuling["attended"]), ("武陵区", 1))
        # the training's page shows it to the office
        office.open(self.event.absolute_url())
        self.assertIn("报名 <strong>3</strong> 人", office.contents)
        self.assertIn("市教育局", office.contents)

    def test_excel_of_attendance_and_feedback(self):
        self.sign_up(
            browser(self.layer), self.event["signup"].absolute_url(), name="=1+1"
        )
        office = browser(self.layer, OFFICE_USER)
        office.open(f"{self.event.absolute_url()}/@@attendance.xlsx")
        self.assertEqual(status(office), 200)
        workbook = load_workbook(io.BytesIO(office.contents))
        signups, by_unit = workbook.worksheets
        self.assertEqual(signups["A1"].value, "姓名")
        # a name typed as a formula stays text
        self.assertEqual(signups["A2"].value, "=1+1")
        self.assertEqual(signups["A2"].data_type, "s")
        self.assertEqual(by_unit["A2"].value, "市本级")
        office.open(f"{self.started.absolute_url()}/@@training-feedback.xlsx")
        self.assertEqual(status(office), 200)

    def test_nobody_but_the_office_sees_sign_ups_attendance_or_feedback(self):
        self.sign_up(browser(self.layer), self.event["signup"].absolute_url())
        for user in (None, UNIT_A_USER):
            visitor = browser(self.layer, user)
            for view in (
                "@@attendance",
                "@@attendance.xlsx",
                "@@training-feedback",
                "@@training-feedback.xlsx",
                "signup/actions/saver/@@data",
                "signup/saveddata",
            ):
                visitor.open(f"{self.event.absolute_url()}/{view}")
                self.assertNotIn("0736-7200000", visitor.contents, (user, view))
                self.assertTrue(
                    status(visitor) in (401, 403, 404)
                    or "/login" in visitor.url
                    or "insufficient-privileges" in visitor.url,
                    (user, view, visitor.url),
                )
            visitor.open(self.event.absolute_url())
            self.assertNotIn("报名与出勤", visitor.contents)
            self.assertNotIn("0736-7200000", visitor.contents)


class TestTrainingOutsideTheColumn(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        as_manager(self.portal)

    def test_only_the_training_section_holds_trainings(self):
        news = section("news")
        with self.assertRaises(api.exc.InvalidParameterError):
            api.content.create(
                container=news,
                type="TrainingEvent",
                id="x",
                title="x",
                start=days_from_today(1),
                end=days_from_today(1, 17),
            )
        self.assertEqual(
            [fti.getId() for fti in section("training").allowedContentTypes()],
            ["TrainingEvent", "TrainingMaterial"],
        )
