"""The public feedback form on the performance column (collective.easyform):
anyone sends an opinion, only the office reads them (functional)."""

import unittest

import transaction
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.testing.zope import Browser

from changde.perfmgmt.evaluation.feedback import FORM_ID
from changde.perfmgmt.evaluation.feedback import SAVER
from changde.perfmgmt.evaluation.feedback import feedback_form
from changde.perfmgmt.evaluation.folders import evaluation_folder
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import PASSWORD
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import create_city


class TestFeedbackForm(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        create_city(self.portal)
        self.folder = evaluation_folder(self.portal)
        self.form = feedback_form(self.folder)
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
        browser.getControl(
            name="form.widgets.report"
        ).value = "2025年义务教育专项重点评价"
        browser.getControl(
            name="form.widgets.comments"
        ).value = "建议公开更多指标数据。"
        browser.getControl(name="form.buttons.submit").click()
        self.assertIn("感谢您的反馈", browser.contents)
        saved = self.saved()
        self.assertEqual(len(saved), 1)
        self.assertEqual(saved[0]["comments"], "建议公开更多指标数据。")

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
