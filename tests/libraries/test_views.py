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

from .base import THIS_YEAR
from .base import add_experts


class PageCase(unittest.TestCase):
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


class TestLibraryPages(PageCase):
    def test_library_page_lists_by_pinyin(self):
        browser = self.browser(UNIT_A_USER)
        browser.open(self.library.absolute_url())
        positions = [
            browser.contents.index(name) for name in ("李娜", "刘洋", "王芳", "张伟")
        ]
        self.assertEqual(positions, sorted(positions))
        self.assertNotIn("@@elimination", browser.contents)

    def test_the_toolbar_speaks_chinese(self):
        # type actions are translated in the plone domain (locales/*/plone.po)
        browser = self.browser(OFFICE_USER)
        browser.open(self.library.absolute_url())
        for chinese, english in (
            ("末位淘汰", "Elimination"),
            ("导入", "Import"),
            ("启用", "Active"),
        ):
            self.assertIn(chinese, browser.contents)
            self.assertNotIn(f">{english}<", browser.contents.replace(" ", ""))
        browser.open(self.experts["张伟"].absolute_url())
        self.assertIn("评分", browser.contents)
        self.assertNotIn(">Rate<", browser.contents.replace(" ", ""))

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


class TestMorePages(PageCase):
    def test_supervision_page_shows_the_five_groups(self):
        library = self.portal["supervision-library"]
        for name, category in (("陈明", "npc_deputy"), ("周红", "audit")):
            api.content.create(
                container=library,
                type="SupervisionMember",
                title=name,
                category=category,
            )
        transaction.commit()
        browser = self.browser(UNIT_A_USER)
        browser.open(library.absolute_url())
        html = browser.contents
        self.assertIn("五类成员覆盖情况", html)
        self.assertIn("尚未覆盖全部五类成员", html)
        for group, mark, count in (
            ("财经专家", "✗", 0),
            ("人大代表", "✓", 1),
            ("政协委员", "✗", 0),
            ("纪委监委委员", "✗", 0),
            ("审计部门同志", "✓", 1),
        ):
            self.assertTrue(
                re.search(
                    rf"{mark}</span>\s*<span>{group}</span>\s*\(\s*{count}\s*\)", html
                ),
                group,
            )
        for name, category in (
            ("何平", "cppcc_member"),
            ("唐军", "discipline_inspection"),
            ("彭兰", "finance_expert"),
        ):
            api.content.create(
                container=library,
                type="SupervisionMember",
                title=name,
                category=category,
            )
        transaction.commit()
        browser.open(library.absolute_url())
        self.assertIn("五类成员已全部覆盖", browser.contents)

    def test_correct_and_delete_a_rating(self):
        member = self.experts["张伟"]
        browser = self.browser(OFFICE_USER)
        browser.open(member.absolute_url())
        browser.getLink(url="@@rate?rating=r2").click()
        self.assertEqual(browser.getControl(name="score").value, "92")
        browser.getControl(name="score").value = "72"
        browser.getControl(name="form.buttons.save").click()
        transaction.begin()
        self.assertEqual([r["score"] for r in member.ratings], ["90", "72", "88"])
        self.assertEqual(member.ratings[1]["changed_by"], OFFICE_USER)
        browser.open(f"{member.absolute_url()}/@@rate?rating=r1")
        browser.getControl(name="form.buttons.delete").click()
        transaction.begin()
        self.assertEqual([r["score"] for r in member.ratings], ["72", "88"])
        browser.open(f"{member.absolute_url()}/@@rate?rating=r9")
        self.assertIn("该成员没有评分“r9”", browser.contents)

    def test_elimination_page_ranks_the_chosen_year(self):
        browser = self.browser(OFFICE_USER)
        browser.open(f"{self.library.absolute_url()}/@@elimination")
        self.assertIn("李娜", browser.contents)
        self.assertIn("提议淘汰", browser.contents)
        browser.open(
            f"{self.library.absolute_url()}/@@elimination?year={THIS_YEAR - 1}"
        )
        # nobody was rated last year
        self.assertNotIn("提议淘汰</span>", browser.contents)
        self.assertIn("评分次数不足", browser.contents)

    def test_anonymous_refused_the_office_pages(self):
        browser = self.browser(None)
        browser.handleErrors = True
        member = self.experts["张伟"]
        for url in (
            f"{member.absolute_url()}/@@rate",
            f"{self.library.absolute_url()}/@@elimination",
            f"{self.library.absolute_url()}/@@library-import",
            f"{self.library.absolute_url()}/@@library-export",
        ):
            browser.open(url)
            self.assertIn("/login", browser.url, url)
