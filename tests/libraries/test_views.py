"""The libraries in the Classic UI: pages, the rating form, elimination,
Excel import and export, scoring a review round (functional)."""

import datetime
import io
import re
import unittest

import transaction
from openpyxl import Workbook
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.testing.zope import Browser

from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import PASSWORD
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import create_city

from .base import add_experts


class TestLibraryPages(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        create_city(self.portal)
        self.library = self.portal["expert-library"]
        self.experts = add_experts(self.library)
        transaction.commit()

    def browser(self, user, language="zh-cn"):
        browser = Browser(self.layer["app"])
        browser.handleErrors = False
        browser.raiseHttpErrors = False
        if user:
            browser.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
        browser.addHeader("Accept-Language", language)
        return browser

    def test_library_page_lists_by_pinyin(self):
        browser = self.browser(UNIT_A_USER)
        browser.open(self.library.absolute_url())
        positions = [
            browser.contents.index(name) for name in ("李娜", "刘洋", "王芳", "张伟")
        ]
        self.assertEqual(positions, sorted(positions))
        self.assertNotIn("@@elimination", browser.contents)

    def test_member_page_hides_contact_from_unit_staff(self):
        url = self.experts["张伟"].absolute_url()
        browser = self.browser(UNIT_A_USER)
        browser.open(url)
        self.assertIn("张伟", browser.contents)
        self.assertNotIn("138-0000-0000", browser.contents)
        self.assertNotIn("评价项目 1", browser.contents)
        browser = self.browser(OFFICE_USER)
        browser.open(url)
        self.assertIn("138-0000-0000", browser.contents)
        self.assertIn("评价项目 1", browser.contents)

    def test_anonymous_refused(self):
        browser = self.browser(None)
        browser.handleErrors = True
        browser.open(self.library.absolute_url())
        self.assertNotIn("张伟", browser.contents)

    def test_rate_form(self):
        browser = self.browser(OFFICE_USER)
        browser.open(f"{self.experts['刘洋'].absolute_url()}/@@rate")
        browser.getControl(name="engagement").value = "2026年交通专项评价"
        browser.getControl(name="score").value = "150"
        browser.getControl(name="form.buttons.save").click()
        self.assertIn("150", browser.contents)
        browser.getControl(name="score").value = "81"
        browser.getControl(name="form.buttons.save").click()
        transaction.begin()
        ratings = self.experts["刘洋"].ratings
        self.assertEqual(ratings[-1]["score"], "81")
        self.assertEqual(ratings[-1]["rater"], OFFICE_USER)

    def test_elimination_page_confirms(self):
        browser = self.browser(OFFICE_USER)
        browser.open(f"{self.library.absolute_url()}/@@elimination")
        self.assertIn("李娜", browser.contents)
        lina = self.experts["李娜"].getId()
        wang = self.experts["王芳"].getId()
        # removing 王芳 (not proposed) without a reason is refused
        browser.getControl(name=f"decision_{wang}").value = ["remove"]
        browser.getControl(name="form.buttons.confirm").click()
        transaction.begin()
        self.assertEqual(self.experts["王芳"].status, "active")
        self.assertEqual(self.experts["李娜"].status, "active")
        browser.open(f"{self.library.absolute_url()}/@@elimination")
        browser.getControl(name=f"decision_{lina}").value = ["remove"]
        browser.getControl(name="form.buttons.confirm").click()
        transaction.begin()
        self.assertEqual(self.experts["李娜"].status, "removed")

    def test_import_form_all_or_nothing(self):
        workbook = Workbook()
        workbook.active.append(["姓名", "级别"])
        workbook.active.append(["赵敏", "省级"])
        workbook.active.append(["孙杰", "乡级"])
        data = io.BytesIO()
        workbook.save(data)
        browser = self.browser(OFFICE_USER)
        browser.open(f"{self.library.absolute_url()}/@@library-import")
        browser.getControl(name="file").add_file(
            data.getvalue(), "application/octet-stream", "experts.xlsx"
        )
        browser.getControl(name="form.buttons.import").click()
        self.assertIn("乡级", browser.contents)
        transaction.begin()
        self.assertEqual(len(self.library.objectIds()), 4)

    def test_export_download(self):
        browser = self.browser(OFFICE_USER)
        browser.open(f"{self.library.absolute_url()}/@@library-export")
        self.assertIn("spreadsheetml", browser.headers["Content-Type"])
        self.assertTrue(
            browser.contents.startswith(b"PK")
            if isinstance(browser.contents, bytes)
            else True
        )

    def test_review_round_scoring(self):
        review_round = api.content.create(
            container=self.portal["internal-review"],
            type="InternalReviewRound",
            id="round-1",
            title="2026年第1轮内部点评",
            year=2026,
            number=1,
            date=datetime.date(2026, 3, 20),
        )
        transaction.commit()
        browser = self.browser(OFFICE_USER)
        browser.open(f"{review_round.absolute_url()}/@@review-reports")
        browser.getControl(name="title_0").value = "教育专项评价报告"
        for criterion, value in (
            ("goal_completion", "90"),
            ("problem_depth", "80"),
            ("suggestion_feasibility", "70"),
            ("text_quality", "60"),
        ):
            browser.getControl(name=f"{criterion}_0").value = value
        browser.getControl(name="excellent_0").value = True
        browser.getControl(name="form.buttons.save").click()
        transaction.begin()
        self.assertEqual(review_round.reports[0]["total"], "75.00")
        browser.open(review_round.absolute_url())
        self.assertIn("75.00", browser.contents)
        browser.open(self.portal["internal-review"].absolute_url())
        self.assertTrue(re.search(r"已举行\s*1\s*轮", browser.contents))
