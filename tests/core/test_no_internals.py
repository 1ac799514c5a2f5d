"""No page a person reads shows internals (R-P4): the demo site's items of
every type, their pages and the lists, opened as each demo role and as an
anonymous visitor, show no UID, no id or vocabulary token, no JSON, no
English word, no year with a thousands separator (functional).

What is read is the page's heading and its content (``#content-core``): the
chrome around it (toolbar, byline, footer) is the theme's."""

import re
import unittest

import transaction
from lxml import html
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import applyProfile
from plone.app.testing import setRoles
from plone.testing.zope import Browser

from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING

DEMO_PASSWORD = "demo-password"
#: the demo's people (None: an anonymous visitor)
ROLES = (None, "office", "reviewer", "shibenji-jiaoyu", "wulingqu-staff")
#: how many items of each type are opened
PER_TYPE = 2
#: pages of a type besides its default view
NAMED_VIEWS = {
    "EvaluationFolder": (
        "result-application",
        "rectification-overview",
        "missing-self-evaluations",
    ),
}
#: pages at the site root
SITE_PAGES = (
    "@@list-projects",
    "@@list-monitoring-records",
    "@@list-reports",
    "@@list-rectification-items",
    "@@list-negative-list",
    "@@review-queue",
    "@@coverage",
)
#: Latin words people here read as they are
ALLOWED_WORDS = {"Excel", "PDF", "Word", "RSS", "Atom", "iCal"}
#: a web address or a file name (a material's link, an attachment) is shown as it is
ADDRESS = re.compile(
    r"https?://\S+|[\w\u4e00-\u9fff.-]+\.(?:txt|pdf|docx?|xlsx?|pptx?|zip|ics|png|jpg)\b",
    re.IGNORECASE,
)

UID = re.compile(r"\b[0-9a-f]{32}\b")
JSON = re.compile(r'[\[{]\s*"[^"]*"\s*:|\\u[0-9a-fA-F]{4}')
#: 2,026 (a year shown as a number); an amount of 2,026 元 is money
SEPARATED_YEAR = re.compile(r"(?<![\d,.])(?:1,9|2,[01])\d{2}(?![\d,.]|\s*元)")
WORD = re.compile(r"[A-Za-z][A-Za-z_]{2,}")


def internals(text):
    """What in ``text`` a person should not read: a list of findings."""
    found = []
    found += [f"UID {m}" for m in UID.findall(text)]
    found += [f"JSON {m}" for m in JSON.findall(text)]
    found += [f"year {m}" for m in SEPARATED_YEAR.findall(text)]
    for word in WORD.findall(ADDRESS.sub(" ", text)):
        # an acronym of the trade (MQI, PPP) is read as it is
        if word in ALLOWED_WORDS or word.isupper():
            continue
        found.append(f"word {word}")
    return found


def readable_text(body):
    """The heading and the content of a page, as text."""
    tree = html.fromstring(body)
    for element in tree.xpath("//script|//style|//template"):
        element.drop_tree()
    parts = tree.xpath(
        "//h1[contains(@class, 'documentFirstHeading')] | //*[@id='content-core']"
    )
    return " ".join(part.text_content() for part in parts)


class TestRules(unittest.TestCase):
    def test_what_counts_as_internal(self):
        self.assertEqual(internals("项目 2026 年，金额 5,000,000 元，MQI 80 分"), [])
        self.assertTrue(internals("等级 good"))
        self.assertTrue(internals("shibenji"))
        self.assertTrue(internals("0123456789abcdef0123456789abcdef"))
        self.assertTrue(internals('{"a": 1}'))
        self.assertTrue(internals("\\u5e02"))
        self.assertTrue(internals("预算年度 2,026"))
        self.assertEqual(internals("金额 2,026 元，5,000,000 元"), [])
        self.assertTrue(internals("key_evaluation_good"))
        self.assertEqual(internals("见 https://www.mof.gov.cn/yss 与 培训要点.txt"), [])
        self.assertEqual(internals("订阅 RSS 或 Atom，导出 iCal"), [])


class TestNoInternals(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        applyProfile(self.portal, "changde.perfmgmt:demo")
        transaction.commit()

    def browser(self, user):
        browser = Browser(self.layer["app"])
        browser.handleErrors = True
        browser.raiseHttpErrors = False
        browser.addHeader("Accept-Language", "zh-cn")
        if user:
            browser.addHeader("Authorization", f"Basic {user}:{DEMO_PASSWORD}")
        return browser

    def urls(self):
        catalog = api.portal.get_tool("portal_catalog")
        types = sorted(set(catalog.uniqueValuesFor("portal_type")))
        urls = [f"{self.portal.absolute_url()}/{page}" for page in SITE_PAGES]
        for portal_type in types:
            brains = catalog.unrestrictedSearchResults(
                portal_type=portal_type, sort_on="getId"
            )[:PER_TYPE]
            for brain in brains:
                url = brain.getURL()
                urls.append(url)
                urls += [f"{url}/@@{name}" for name in NAMED_VIEWS.get(portal_type, ())]
        return urls

    def test_no_page_shows_internals(self):
        problems = []
        opened = 0
        urls = self.urls()
        for user in ROLES:
            browser = self.browser(user)
            for url in urls:
                browser.open(url)
                status = browser.headers.get("status", "")
                if not status.startswith("200") or "login" in browser.url:
                    continue
                if "text/html" not in browser.headers.get("Content-Type", ""):
                    continue
                opened += 1
                for finding in internals(readable_text(browser.contents)):
                    problems.append(f"{user or 'anonymous'} {url}: {finding}")
        self.assertGreater(opened, 50)
        self.assertFalse(problems, "\n" + "\n".join(sorted(set(problems))))
