"""The public column as a visitor reads it: the portal leads to each section;
listings by year and kind; the published reports with grade and
rectification status; RSS/Atom per section; search, sitemap, share tags and
iCal — and drafts never show anywhere for anonymous visitors (functional)."""

import datetime
import gzip
import json
import re
import unittest
from urllib.parse import quote

import transaction
from plone import api
from tests.evaluation.base import create_report
from tests.evaluation.base import do
from tests.evaluation.base import set_up_city
from tests.publicity.base import browser
from tests.publicity.base import create_news
from tests.publicity.base import create_policy
from tests.publicity.base import create_training
from tests.publicity.base import sections
from tests.publicity.base import status
from tests.publicity.base import warm_up

from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import UNIT_A_USER

DRAFT_WORDS = ("未发布的动态", "未发布的培训", "草稿政策", "未公开的评价")


class TestPublicColumn(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        _city, projects, _members = set_up_city(self.portal)
        self.sections = found = sections(self.portal)
        self.policy = create_policy(found["policies"])
        create_policy(
            found["policies"], id="draft-policy", title="草稿政策", published=False
        )
        self.meeting = create_news(
            found["news"],
            id="meeting",
            kind="work_meeting",
            date=datetime.date(2026, 3, 15),
            description="部署全年预算绩效管理工作。",
        )
        create_news(
            found["news"],
            id="review",
            kind="internal_review_meeting",
            title="2025年度重点评价内部点评会",
            date=datetime.date(2025, 11, 20),
        )
        create_news(
            found["news"], id="draft-news", title="未发布的动态", published=False
        )
        self.training = create_training(found["training"], id="spring", days=5)
        create_training(
            found["training"],
            id="last",
            days=-30,
            title="往期培训班",
        )
        create_training(
            found["training"], id="draft", days=8, title="未发布的培训", published=False
        )
        self.report = create_report(
            projects["a1"], id="pub", title="义务教育专项重点评价"
        )
        # fed back with one item to rectify, then published
        api.content.create(
            container=self.report,
            type="RectificationItem",
            id="item-1",
            title="细化量化绩效指标",
            deadline=datetime.date(2026, 12, 31),
        )
        do(self.report, "submit", "approve", "feed_back", "publish")
        create_report(projects["b1"], id="draft-report", title="未公开的评价")
        transaction.commit()
        warm_up(self.layer)

    def test_the_portal_leads_to_each_section_in_one_click(self):
        visitor = browser(self.layer)
        visitor.open(self.portal.absolute_url() + "/column")
        self.assertEqual(status(visitor), 200)
        for title, section_id in (
            ("政策文件", "policies"),
            ("工作动态", "news"),
            ("评价报告", "reports"),
            ("培训", "training"),
            ("公众意见", "feedback"),
        ):
            link = visitor.getLink(title, index=0)
            self.assertTrue(link.url.endswith(f"/column/{section_id}"), link.url)
        self.assertIn(
            "常德市财政局贯彻湘办发〔2019〕10号文件工作方案", visitor.contents
        )
        self.assertIn("全市预算绩效管理工作布置会召开", visitor.contents)
        self.assertIn("义务教育专项重点评价", visitor.contents)
        self.assertIn("预算绩效管理业务培训", visitor.contents)
        # the reports of a year, one click away
        visitor.getLink("2026年").click()
        self.assertIn("/column/reports?year=2026", visitor.url)
        self.assertIn("义务教育专项重点评价", visitor.contents)
        for word in DRAFT_WORDS:
            self.assertNotIn(word, visitor.contents)

    def test_the_top_tab(self):
        visitor = browser(self.layer)
        visitor.open(self.portal.absolute_url())
        self.assertTrue(visitor.getLink("绩效管理专栏").url.endswith("/column"))

    def test_news_by_year_and_kind(self):
        visitor = browser(self.layer)
        url = self.sections["news"].absolute_url()
        visitor.open(f"{url}?year=2025")
        self.assertIn("2025年度重点评价内部点评会", visitor.contents)
        self.assertNotIn("全市预算绩效管理工作布置会召开", visitor.contents)
        visitor.open(f"{url}?publicity_kind=work_meeting")
        self.assertIn("全市预算绩效管理工作布置会召开", visitor.contents)
        self.assertNotIn("内部点评会</a>", visitor.contents)
        self.assertNotIn("未发布的动态", visitor.contents)
        # nonsense filters are ignored, not errors
        visitor.open(f"{url}?year=abc&publicity_kind=<script>&b_start=x")
        self.assertEqual(status(visitor), 200)
        self.assertNotIn("<script>", visitor.contents.split("<body", 1)[1])

    def test_policies_by_level(self):
        visitor = browser(self.layer)
        url = self.sections["policies"].absolute_url()
        visitor.open(f"{url}?policy_level=central")
        self.assertNotIn("常德市财政局贯彻湘办发", visitor.contents)
        visitor.open(f"{url}?policy_level=municipal")
        self.assertIn("常德市财政局贯彻湘办发", visitor.contents)
        self.assertNotIn("草稿政策", visitor.contents)
        # the office sees its drafts, marked
        office = browser(self.layer, OFFICE_USER)
        office.open(url)
        self.assertIn("草稿政策", office.contents)
        self.assertIn("中发〔2018〕34号", office.contents)

    def test_reports_with_grade_and_rectification_status(self):
        visitor = browser(self.layer)
        visitor.open(self.sections["reports"].absolute_url())
        self.assertIn("义务教育专项重点评价", visitor.contents)
        self.assertIn("整改中", visitor.contents)
        self.assertIn("良", visitor.contents)
        self.assertIn("?form.widgets.report=", visitor.contents)
        self.assertNotIn("未公开的评价", visitor.contents)
        # the items themselves stay private
        self.assertNotIn("细化量化绩效指标", visitor.contents)
        visitor.open(self.sections["reports"].absolute_url() + "?year=2025")
        self.assertNotIn("义务教育专项重点评价", visitor.contents)
        visitor.open(self.sections["reports"].absolute_url() + "?evaluation_kind=pre")
        self.assertNotIn("义务教育专项重点评价", visitor.contents)

    def test_training_calendar_upcoming_and_past(self):
        visitor = browser(self.layer)
        visitor.open(self.sections["training"].absolute_url())
        upcoming, past = visitor.contents.split("往期培训</h2>", 1)
        self.assertIn("预算绩效管理业务培训", upcoming)
        self.assertIn("往期培训班", past)
        self.assertNotIn("未发布的培训", visitor.contents)
        visitor.getLink("预算绩效管理业务培训").click()
        self.assertIn("常德市财政局五楼会议室", visitor.contents)
        self.assertIn("我要报名", visitor.contents)

    def test_the_training_in_ical(self):
        visitor = browser(self.layer)
        visitor.open(f"{self.training.absolute_url()}/ics_view")
        self.assertEqual(status(visitor), 200)
        self.assertIn("BEGIN:VEVENT", visitor.contents)
        self.assertIn("SUMMARY:预算绩效管理业务培训", visitor.contents)
        visitor.open(f"{self.sections['training'].absolute_url()}/ics_view")
        self.assertIn("预算绩效管理业务培训", visitor.contents)
        self.assertNotIn("未发布的培训", visitor.contents)

    def test_each_section_has_a_feed_without_drafts(self):
        visitor = browser(self.layer)
        for kind, expected, hidden in (
            ("news", "全市预算绩效管理工作布置会召开", "未发布的动态"),
            ("policies", "常德市财政局贯彻湘办发", "草稿政策"),
            ("reports", "义务教育专项重点评价", "未公开的评价"),
            ("training", "预算绩效管理业务培训", "未发布的培训"),
        ):
            for feed in ("RSS", "atom.xml", "rss.xml"):
                with self.subTest(kind=kind, feed=feed):
                    visitor.open(f"{self.sections[kind].absolute_url()}/{feed}")
                    self.assertEqual(status(visitor), 200)
                    xml = visitor.contents.decode("utf-8")
                    self.assertIn(expected, xml)
                    self.assertNotIn(hidden, xml)

    def test_the_site_search_finds_published_not_drafts(self):
        visitor = browser(self.layer)
        search = self.portal.absolute_url() + "/@@search?SearchableText="
        visitor.open(search + quote("工作布置会"))
        self.assertIn("全市预算绩效管理工作布置会召开", visitor.contents)
        for word in ("未发布的动态", "草稿政策", "未发布的培训"):
            visitor.open(search + quote(word))
            results = visitor.contents.split('id="search-results"')[-1]
            self.assertNotIn(word + "</a>", results)

    def test_the_sitemap_lists_the_column_not_the_drafts(self):
        visitor = browser(self.layer)
        visitor.open(self.portal.absolute_url() + "/sitemap.xml.gz")
        self.assertEqual(status(visitor), 200)
        xml = gzip.decompress(visitor.contents).decode("utf-8")
        # Plone answers an index of sitemaps: read them all
        for url in re.findall(r"<loc>([^<]+)</loc>", xml):
            visitor.open(url)
            xml += gzip.decompress(visitor.contents).decode("utf-8")
        self.assertIn("/column/news/meeting", xml)
        self.assertNotIn("draft-news", xml)
        self.assertNotIn("draft-policy", xml)

    def test_pages_are_shareable(self):
        visitor = browser(self.layer)
        visitor.open(self.meeting.absolute_url())
        self.assertIn(
            '<meta property="og:title" content="全市预算绩效管理工作布置会召开"',
            visitor.contents,
        )
        self.assertIn(
            '<meta property="og:description" content="部署全年预算绩效管理工作。"',
            visitor.contents,
        )
        self.assertIn(
            '<meta name="description" content="部署全年预算绩效管理工作。"',
            visitor.contents,
        )
        self.assertIn('name="viewport"', visitor.contents)
        self.assertIn("<title>全市预算绩效管理工作布置会召开", visitor.contents)

    def test_drafts_are_refused_to_anonymous_and_other_staff(self):
        for user in (None, UNIT_A_USER):
            visitor = browser(self.layer, user)
            for obj in (
                self.sections["news"]["draft-news"],
                self.sections["policies"]["draft-policy"],
                self.sections["training"]["draft"],
            ):
                visitor.open(obj.absolute_url())
                self.assertNotIn(obj.Title(), visitor.contents, (user, obj))

    def test_the_public_column_over_rest(self):
        import requests

        response = requests.get(
            f"{self.portal.absolute_url()}/@public-column",
            headers={"Accept": "application/json"},
            timeout=30,
        )
        self.assertEqual(response.status_code, 200, response.text)
        data = response.json()
        kinds = [section["kind"] for section in data["sections"]]
        self.assertEqual(kinds, ["policies", "news", "reports", "training", "feedback"])
        text = json.dumps(data, ensure_ascii=False)
        self.assertIn("全市预算绩效管理工作布置会召开", text)
        self.assertEqual(data["sections"][2]["years"], [2026])
        for word in DRAFT_WORDS:
            self.assertNotIn(word, text)
        # the content itself over REST: drafts refused
        response = requests.get(
            self.sections["news"]["draft-news"].absolute_url(),
            headers={"Accept": "application/json"},
            timeout=30,
        )
        self.assertEqual(response.status_code, 401)
        response = requests.get(
            f"{self.portal.absolute_url()}/@search",
            params={"SearchableText": "未发布"},
            headers={"Accept": "application/json"},
            timeout=30,
        )
        self.assertEqual(response.json()["items_total"], 0)
