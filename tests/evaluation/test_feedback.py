"""The public feedback form on the performance column (collective.easyform):
anyone sends an opinion on a published report, chosen from the published
ones (the report's page links to the form with it chosen); only the office
reads them (functional)."""

import unittest

import transaction
from plone.testing.zope import Browser
from tests.evaluation.base import create_report
from tests.evaluation.base import do
from tests.evaluation.base import set_up_city

from changde.perfmgmt.evaluation.feedback import FORM_ID
from changde.perfmgmt.evaluation.feedback import SAVER
from changde.perfmgmt.evaluation.feedback import feedback_form
from changde.perfmgmt.evaluation.folders import evaluation_folder
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import PASSWORD
from changde.perfmgmt.testing import UNIT_A_USER


class TestFeedbackForm(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        _city, projects, _members = set_up_city(self.portal)
        self.folder = evaluation_folder(self.portal)
        self.form = feedback_form(self.folder)
        self.published = do(
            create_report(projects["a1"], id="pub", title="义务教育专项重点评价"),
            "submit",
            "approve",
            "feed_back",
            "publish",
        )
        self.draft = create_report(projects["b1"], id="draft", title="未公开的评价")
        transaction.commit()

    def browser(self, user=None):
        browser = Browser(self.layer["app"])
        browser.handleErrors = False
        browser.raiseHttpErrors = False
        if user is not None:
            browser.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
        browser.addHeader("Accept-Language", "zh-cn")
        return browser

    def saved(self):
        transaction.begin()
        saver = self.form.__parent__[FORM_ID]
        from collective.easyform.api import get_actions

        return get_actions(saver)[SAVER].getSavedFormInput()

    def test_created_on_install_next_to_the_reports(self):
        self.assertEqual(self.folder[FORM_ID].portal_type, "EasyForm")

    def test_an_anonymous_visitor_sends_an_opinion(self):
        browser = self.browser()
        browser.open(self.form.absolute_url())
        self.assertIn("公众意见反馈", browser.contents)
        control = browser.getControl(name="form.widgets.report:list")
        # a choice of the published reports only
        self.assertEqual(
            [value for value in control.options if value != "--NOVALUE--"],
            [self.published.UID()],
        )
        control.value = [self.published.UID()]
        browser.getControl(
            name="form.widgets.comments"
        ).value = "建议公开更多指标数据。"
        browser.getControl(name="form.buttons.submit").click()
        self.assertIn("感谢您的反馈", browser.contents)
        saved = self.saved()
        self.assertEqual(len(saved), 1)
        self.assertEqual(saved[0]["comments"], "建议公开更多指标数据。")
        # the saved feedback names the report
        self.assertEqual(saved[0]["report"], "义务教育专项重点评价（2026）")

    def test_the_report_page_links_to_the_form_with_the_report_chosen(self):
        browser = self.browser()
        browser.open(self.published.absolute_url())
        browser.getLink(url="/feedback?").click()
        control = browser.getControl(name="form.widgets.report:list")
        self.assertEqual(control.value, [self.published.UID()])
        browser.getControl(name="form.widgets.comments").value = "很好。"
        browser.getControl(name="form.buttons.submit").click()
        self.assertEqual(self.saved()[0]["report"], "义务教育专项重点评价（2026）")

    def test_an_unpublished_report_cannot_be_named(self):
        browser = self.browser()
        browser.open(
            f"{self.form.absolute_url()}?form.widgets.report={self.draft.UID()}"
        )
        control = browser.getControl(name="form.widgets.report:list")
        self.assertNotIn(self.draft.UID(), control.options)
        self.assertNotIn("未公开的评价", browser.contents)

    def test_an_empty_opinion_is_refused_and_nothing_saved(self):
        browser = self.browser()
        browser.open(self.form.absolute_url())
        browser.getControl(name="form.buttons.submit").click()
        self.assertNotIn("感谢您的反馈", browser.contents)
        self.assertEqual(self.saved(), [])

    def test_only_the_office_reads_the_opinions(self):
        url = f"{self.form.absolute_url()}/actions/{SAVER}/@@data"
        for user in (None, UNIT_A_USER):
            browser = self.browser(user)
            browser.handleErrors = True
            browser.open(url)
            self.assertTrue(
                "/login" in browser.url or "insufficient-privileges" in browser.url,
                browser.url,
            )
        browser = self.browser(OFFICE_USER)
        browser.open(url)
        self.assertEqual(browser.headers["status"].split()[0], "200")
