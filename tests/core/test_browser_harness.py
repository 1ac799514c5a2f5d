"""The browser test harness itself: Chromium reaches the test site, a user of
the test city signs in, a screenshot is written."""

from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import BrowserTestCase


class TestBrowserHarness(BrowserTestCase):
    def test_anonymous_then_office_sees_the_site(self):
        self.open()
        self.assertIn(self.portal.title, self.driver.title)
        self.assertEqual(
            self.driver.execute_script("return navigator.language"), "zh-CN"
        )
        self.assertFalse(self.find_all("#personaltools-logout"))
        self.login(OFFICE_USER)
        self.open()
        self.assertTrue(self.find_all("#personaltools-logout"))
        path = self.screenshot("harness-office")
        self.assertTrue(path.exists())
        self.assertGreater(path.stat().st_size, 1000)
