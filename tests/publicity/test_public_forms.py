"""Bad input on the public forms — the evaluation module's feedback form on
published reports, reused, and a training's sign-up: empty, 100,000
characters, script tags, a robot filling the honeypot, a flood from one
address. Each gets a clear message and nothing is saved (functional)."""

import unittest

import transaction
from plone import api
from tests.evaluation.base import create_report
from tests.evaluation.base import do
from tests.evaluation.base import set_up_city
from tests.publicity.base import browser
from tests.publicity.base import create_training
from tests.publicity.base import warm_up

from changde.perfmgmt.evaluation.feedback import SAVER
from changde.perfmgmt.evaluation.feedback import feedback_form
from changde.perfmgmt.evaluation.folders import evaluation_folder
from changde.perfmgmt.publicity import training
from changde.perfmgmt.publicity.column import section
from changde.perfmgmt.publicity.public_forms import HONEYPOT
from changde.perfmgmt.publicity.public_forms import saved_items
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING


class TestFeedbackFormGuard(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        _city, projects, _members = set_up_city(self.portal)
        self.form = feedback_form(evaluation_folder(self.portal))
        self.report = do(
            create_report(projects["a1"], id="pub", title="义务教育专项重点评价"),
            "submit",
            "approve",
            "feed_back",
            "publish",
        )
        api.portal.set_registry_record("changde.perfmgmt.publicity.rate_limit", 3)
        transaction.commit()
        warm_up(self.layer)

    def saved(self):
        transaction.begin()
        return [row for _id, row in saved_items(self.form, SAVER)]

    def send(self, comments, browser_=None, **fields):
        visitor = browser_ or browser(self.layer)
        visitor.open(self.form.absolute_url())
        visitor.getControl(name="form.widgets.report:list").value = [self.report.UID()]
        visitor.getControl(name="form.widgets.comments").value = comments
        for name, value in fields.items():
            visitor.getControl(name=f"form.widgets.{name}").value = value
        visitor.getControl(name="form.buttons.submit").click()
        return visitor

    def assertRefused(self, visitor, message):
        self.assertNotIn("感谢您的反馈", visitor.contents)
        self.assertIn(message, visitor.contents)

    def test_a_good_opinion_is_saved_without_the_honeypot(self):
        visitor = self.send("建议公开更多指标数据。", name="张三")
        self.assertIn("感谢您的反馈", visitor.contents)
        (row,) = self.saved()
        self.assertEqual(row["comments"], "建议公开更多指标数据。")
        self.assertNotIn(HONEYPOT, row)

    def test_the_honeypot_is_hidden_from_people(self):
        visitor = browser(self.layer)
        visitor.open(self.form.absolute_url())
        self.assertIn("perfmgmt-honeypot", visitor.contents)
        self.assertIn("publicity.css", visitor.contents)

    def test_a_robot_filling_the_honeypot_is_refused(self):
        visitor = self.send("Buy cheap pills", homepage="http://spam.example")
        self.assertRefused(visitor, "提交未被接受")
        self.assertEqual(self.saved(), [])

    def test_100000_characters_are_refused_with_the_limit(self):
        visitor = self.send("很" * 100_000)
        self.assertRefused(visitor, "最多 2000 个字(您输入了 100000 个)")
        self.assertEqual(self.saved(), [])

    def test_a_name_too_long_is_refused(self):
        visitor = self.send("意见", name="名" * 201)
        self.assertRefused(visitor, "最多 200 个字")
        self.assertEqual(self.saved(), [])

    def test_script_tags_are_refused(self):
        for text in ("<script>alert(1)</script>", '<img src=x onerror="alert(1)">'):
            visitor = self.send(text)
            self.assertRefused(visitor, "不接受 HTML 标签和脚本")
            self.assertNotIn("<script>alert(1)</script>", visitor.contents)
        visitor = self.send("很好", name="<b>张三</b>")
        self.assertRefused(visitor, "不接受 HTML 标签和脚本")
        self.assertEqual(self.saved(), [])

    def test_an_empty_opinion_is_refused(self):
        visitor = self.send("")
        self.assertNotIn("感谢您的反馈", visitor.contents)
        self.assertEqual(self.saved(), [])

    def test_a_flood_from_one_address_is_stopped(self):
        for number in range(3):
            visitor = self.send(f"第 {number + 1} 条意见")
            self.assertIn("感谢您的反馈", visitor.contents)
        visitor = self.send("第 4 条意见")
        self.assertRefused(visitor, "每 10 分钟最多 3 次")
        self.assertEqual(len(self.saved()), 3)

    def test_the_form_keeps_no_address(self):
        self.send("意见")
        transaction.begin()
        from zope.annotation.interfaces import IAnnotations

        from changde.perfmgmt.publicity.public_forms import SUBMISSIONS_KEY

        (key,) = IAnnotations(self.form)[SUBMISSIONS_KEY].keys()
        self.assertNotIn("127.0.0.1", repr(key))
        self.assertEqual(len(key[1]), 32)


class TestSignUpGuard(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        set_up_city(self.portal)
        self.event = create_training(section("training"), id="t", days=5)
        transaction.commit()
        warm_up(self.layer)

    def test_a_script_in_the_note_is_refused_and_nothing_saved(self):
        visitor = browser(self.layer)
        visitor.open(self.event["signup"].absolute_url())
        visitor.getControl(name="form.widgets.name").value = "张三"
        visitor.getControl(name="form.widgets.organisation:list").value = ["other"]
        visitor.getControl(name="form.widgets.organisation_other").value = "某事务所"
        visitor.getControl(name="form.widgets.phone").value = "123"
        visitor.getControl(name="form.widgets.note").value = "<script>x()</script>"
        visitor.getControl(name="form.buttons.submit").click()
        self.assertNotIn("报名成功", visitor.contents)
        self.assertIn("不接受 HTML 标签和脚本", visitor.contents)
        transaction.begin()
        self.assertEqual(training.signups(self.event), [])
