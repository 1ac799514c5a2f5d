"""The workbench and the dashboard show no internals (R-P4): on the demo site,
as each demo role, what a person reads of ``@@workbench`` (and the home page's
workbench) and of ``@@dashboard`` has no UID, id or vocabulary token, no JSON,
no English word and no year with a thousands separator (functional; the
rules of what is internal are core's no-internals test's)."""

import unittest

import transaction
from lxml import html
from plone.app.testing import TEST_USER_ID
from plone.app.testing import applyProfile
from plone.app.testing import setRoles
from plone.testing.zope import Browser
from tests.core.test_no_internals import DEMO_PASSWORD
from tests.core.test_no_internals import internals

from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING

#: the demo's signed-in people (anonymous visitors are refused both pages)
ROLES = ("office", "reviewer", "shibenji-jiaoyu", "wulingqu-staff")
#: page → what of it a person reads (its own content, not the theme's chrome)
PAGES = {
    "": "//*[contains(concat(' ', @class, ' '), ' perfmgmt-workbench ')]",
    "@@workbench": "//h1[contains(@class, 'documentFirstHeading')]"
    " | //*[contains(concat(' ', @class, ' '), ' perfmgmt-workbench ')]",
    "@@dashboard": "//*[@id='content']",
}


def readable_text(body, xpath):
    tree = html.fromstring(body)
    for element in tree.xpath("//script|//style|//template"):
        element.drop_tree()
    return " ".join(part.text_content() for part in tree.xpath(xpath))


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
        browser.addHeader("Authorization", f"Basic {user}:{DEMO_PASSWORD}")
        return browser

    def test_no_internals(self):
        problems = []
        read = 0
        for user in ROLES:
            browser = self.browser(user)
            for page, xpath in PAGES.items():
                browser.open(f"{self.portal.absolute_url()}/{page}")
                status = browser.headers.get("status", "")
                if not status.startswith("200") or "login" in browser.url:
                    continue
                text = readable_text(browser.contents, xpath)
                if text.strip():
                    read += 1
                for finding in internals(text):
                    problems.append(f"{user} {page or 'home'}: {finding}")
        # every role has a workbench (home page and page); the office and
        # the district at least a dashboard
        self.assertGreaterEqual(read, 10)
        self.assertFalse(problems, "\n" + "\n".join(sorted(set(problems))))
