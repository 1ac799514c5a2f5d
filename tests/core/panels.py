"""What the control panel tests of every module share: a city, the office's
browser in zh-cn, the stored settings, and @controlpanels over HTTP."""

import unittest

import transaction
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.registry.interfaces import IRegistry
from plone.testing.zope import Browser
from zope.component import getUtility

from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import PASSWORD
from changde.perfmgmt.testing import create_city
from changde.perfmgmt.testing import rest_call


class ControlPanelTestCase(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
    #: the configlet id ("perfmgmt-evaluation"): the page and the REST panel
    panel = None
    #: the registry prefix of the panel's settings
    prefix = None
    #: the language REST answers in
    rest_language = "en"

    def setUp(self):
        self.portal = self.layer["portal"]
        self.portal_url = self.portal.absolute_url()
        if self.panel:
            self.url = f"{self.portal_url}/@@{self.panel}-controlpanel"
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        create_city(self.portal)
        transaction.commit()

    def browser(self, user=OFFICE_USER, language="zh-cn"):
        browser = Browser(self.layer["app"])
        browser.handleErrors = False
        browser.raiseHttpErrors = False
        browser.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
        browser.addHeader("Accept-Language", language)
        return browser

    def value(self, name):
        """The stored setting ``name`` (a full registry key, or one of the
        panel's own names)."""
        transaction.begin()
        key = name if name.startswith("changde.") else f"{self.prefix}.{name}"
        return getUtility(IRegistry)[key]

    def rest(self, method, path=None, **kwargs):
        return rest_call(
            method,
            f"{self.portal_url}/@controlpanels/{path or self.panel}",
            (SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
            self.rest_language,
            **kwargs,
        )
