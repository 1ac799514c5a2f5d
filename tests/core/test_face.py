"""The site's face: the bureau's title, logo, stylesheet and footer, the home
page frame, and the top tabs each reader may use."""

import unittest

from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.testing import setRoles
from plone.base.interfaces import ISiteSchema
from plone.formwidget.namedfile.converter import b64decode_file
from plone.portlets.interfaces import IPortletAssignmentMapping
from plone.portlets.interfaces import IPortletManager
from plone.registry.interfaces import IRegistry
from zope.component import getMultiAdapter
from zope.component import getUtility
from zope.component import queryMultiAdapter

from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING
from changde.perfmgmt.testing import DISTRICT_USER
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import REVIEWER_USER
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import create_city

CORE_PROFILE = "changde.perfmgmt.core:default"
BUNDLE = "plone.bundles/changde-perfmgmt"


def site_settings():
    return getUtility(IRegistry).forInterface(ISiteSchema, prefix="plone")


def footer_portlets(portal):
    manager = getUtility(IPortletManager, name="plone.footerportlets", context=portal)
    return getMultiAdapter((portal, manager), IPortletAssignmentMapping)


class FaceTestCase(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.request = self.layer["request"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.setup_tool = api.portal.get_tool("portal_setup")


class TestIdentity(FaceTestCase):
    def test_title_logo_and_favicon_are_the_bureaus(self):
        settings = site_settings()
        self.assertEqual(settings.site_title, "常德市预算绩效管理")
        self.assertEqual(self.portal.title, "常德市预算绩效管理")
        filename, data = b64decode_file(settings.site_logo)
        self.assertEqual(filename, "changde-perfmgmt-logo.svg")
        self.assertIn(b"<svg", data)
        filename, data = b64decode_file(settings.site_favicon)
        self.assertEqual(filename, "changde-perfmgmt-favicon.svg")
        self.assertEqual(settings.site_favicon_mimetype, "image/svg+xml")

    def test_a_title_or_logo_someone_chose_is_kept(self):
        from changde.perfmgmt.core.setuphandlers import apply_identity

        settings = site_settings()
        settings.site_title = "常德市财政局绩效系统"
        settings.site_logo = b"filenameb64:bG9nby5wbmc=;datab64:iVBORw0K"
        apply_identity(self.portal)
        self.assertEqual(settings.site_title, "常德市财政局绩效系统")
        self.assertEqual(b64decode_file(settings.site_logo)[0], "logo.png")

    def test_the_stylesheet_is_a_plone_bundle_after_the_theme(self):
        registry = getUtility(IRegistry)
        self.assertTrue(registry[f"{BUNDLE}.enabled"])
        self.assertEqual(registry[f"{BUNDLE}.depends"], "all")
        path = registry[f"{BUNDLE}.csscompilation"]
        css = self.portal.unrestrictedTraverse(path)
        with open(css.path, encoding="utf-8") as stylesheet:
            self.assertIn("--perfmgmt-blue", stylesheet.read())

    def test_the_footer_names_the_bureau_not_plone(self):
        portlets = footer_portlets(self.portal)
        self.assertIn("perfmgmt-bureau", portlets)
        self.assertNotIn("colophon", portlets)
        self.assertNotIn("footer", portlets)
        self.assertIn("actions", portlets)  # 网站地图, 联系管理员 stay
        bureau = portlets["perfmgmt-bureau"]
        self.assertIn("常德市财政局", bureau.header)
        self.assertIn("湖南省常德市", bureau.text.raw if bureau.text else "")


class TestLeftColumn(FaceTestCase):
    def test_no_navigation_tree_narrows_the_pages(self):
        manager = getUtility(
            IPortletManager, name="plone.leftcolumn", context=self.portal
        )
        portlets = getMultiAdapter((self.portal, manager), IPortletAssignmentMapping)
        self.assertNotIn("navigation", portlets)


class TestHome(FaceTestCase):
    """The frame alone: the installed modules' own viewlets (publicity's
    portal, the workbench) are hidden here and tested by their modules."""

    def setUp(self):
        super().setUp()
        from unittest import mock

        from zope.component import getMultiAdapter as lookup
        from zope.contentprovider.interfaces import IContentProvider

        view = self.portal.restrictedTraverse("@@home")
        manager = lookup(
            (self.portal, self.request, view), IContentProvider, "changde.perfmgmt.home"
        )
        original = type(manager).filter

        def only_test_viewlets(manager, viewlets):
            return [
                (name, viewlet)
                for name, viewlet in original(manager, viewlets)
                if name.startswith("test.")
            ]

        patcher = mock.patch.object(type(manager), "filter", only_test_viewlets)
        patcher.start()
        self.addCleanup(patcher.stop)

    def test_the_site_root_opens_on_the_home_page(self):
        self.assertEqual(self.portal.getLayout(), "home")
        self.assertIn("home", [name for name, _ in self.portal.getAvailableLayouts()])

    def test_without_viewlets_the_home_page_lists_the_readers_areas(self):
        create_city(self.portal)
        login(self.portal, OFFICE_USER)
        html = self.portal.restrictedTraverse("@@home")()
        self.assertTrue("perfmgmt-home-default" in html)
        self.assertTrue("perfmgmt-area-monitoring" in html)
        self.assertTrue("perfmgmt-area-result-application" in html)

    def test_anonymous_is_asked_to_sign_in(self):
        logout()
        html = self.portal.restrictedTraverse("@@home")()
        self.assertTrue("perfmgmt-home-login" in html)
        self.assertFalse("perfmgmt-area-monitoring" in html)

    def test_a_module_viewlet_replaces_the_default_content(self):
        from plone.app.layout.viewlets.common import ViewletBase
        from zope.component import getGlobalSiteManager
        from zope.interface import Interface
        from zope.viewlet.interfaces import IViewlet

        from changde.perfmgmt.core.browser.interfaces import IHomeViewlets

        class Greeting(ViewletBase):
            __allow_access_to_unprotected_subobjects__ = True

            def index(self):
                return '<p class="test-greeting">你好</p>'

        class Silent(ViewletBase):
            __allow_access_to_unprotected_subobjects__ = True

            def index(self):
                return ""

        gsm = getGlobalSiteManager()
        required = (Interface, Interface, Interface, IHomeViewlets)
        gsm.registerAdapter(Silent, required, IViewlet, name="test.silent")
        try:
            # a viewlet with nothing to say for this reader leaves the default
            html = self.portal.restrictedTraverse("@@home")()
            self.assertTrue("perfmgmt-home-default" in html)
            gsm.registerAdapter(Greeting, required, IViewlet, name="test.greeting")
            html = self.portal.restrictedTraverse("@@home")()
            self.assertTrue("test-greeting" in html)
            self.assertFalse("perfmgmt-home-default" in html)
        finally:
            gsm.unregisterAdapter(Silent, required, IViewlet, name="test.silent")
            gsm.unregisterAdapter(Greeting, required, IViewlet, name="test.greeting")


class TestTabs(FaceTestCase):
    """Each reader sees the tabs of the areas they may use, no other."""

    EVERY_SIGNED_IN = {
        "monitoring",
        "evaluation",
        "rectification",
        "negative-list",
        "expert-library",
        "agency-library",
        "supervision-library",
        "indicator-library",
        "column",  # the publicity module's performance column
    }

    def setUp(self):
        super().setUp()
        create_city(self.portal)
        api.content.create(
            container=self.portal,
            type="IndicatorLibrary",
            id="indicator-library",
            title="指标库",
        )
        self.has_project_lists = (
            queryMultiAdapter((self.portal, self.request), name="list-projects")
            is not None
        )

    def tabs(self, user=None):
        if user is None:
            logout()
        else:
            login(self.portal, user)
        view = getMultiAdapter((self.portal, self.request), name="portal_tabs_view")
        return {
            tab["id"].removeprefix("perfmgmt-"): tab["url"]
            for tab in view.topLevelTabs()
            if tab["id"].startswith("perfmgmt-")
        }

    def expected(self, *names, projects=True):
        names = set(names)
        if projects and self.has_project_lists:
            names.add("projects")
        return names

    def test_anonymous_sees_only_the_public_evaluation_column(self):
        self.assertEqual(set(self.tabs()), {"evaluation", "column"})

    def test_the_office_sees_every_area(self):
        self.assertEqual(
            set(self.tabs(OFFICE_USER)),
            self.expected(
                *self.EVERY_SIGNED_IN,
                "result-application",
                "internal-review",
                "review-queue",
            ),
        )

    def test_a_reviewer_does_not_apply_results(self):
        self.assertEqual(
            set(self.tabs(REVIEWER_USER)),
            self.expected(*self.EVERY_SIGNED_IN, "internal-review", "review-queue"),
        )

    def test_unit_and_district_staff_see_neither_internal_review_nor_results(self):
        for user in (UNIT_A_USER, DISTRICT_USER):
            self.assertEqual(
                set(self.tabs(user)), self.expected(*self.EVERY_SIGNED_IN, "my-unit")
            )

    def test_tabs_lead_to_their_areas(self):
        tabs = self.tabs(OFFICE_USER)
        url = self.portal.absolute_url()
        self.assertEqual(tabs["monitoring"], f"{url}/monitoring")
        self.assertEqual(tabs["indicator-library"], f"{url}/indicator-library")
        self.assertEqual(
            tabs["result-application"], f"{url}/evaluation/@@result-application"
        )
        self.assertEqual(
            tabs["rectification"], f"{url}/evaluation/@@rectification-overview"
        )

    def test_tabs_follow_the_plan_and_are_translated(self):
        login(self.portal, OFFICE_USER)
        self.request["LANGUAGE"] = "zh-cn"
        view = getMultiAdapter((self.portal, self.request), name="home")
        titles = [area["title"] for area in view.areas()]
        # the plan's order; other modules' tabs (驾驶舱, …) may come between
        spine = ["运行监控", "绩效评价", "结果应用", "整改", "负面清单", "专家库"]
        spine += ["中介机构库", "监督指导库", "内部点评", "指标库"]
        self.assertEqual([t for t in titles if t in spine], spine)

    def test_no_library_no_tab(self):
        api.content.delete(self.portal["indicator-library"])
        self.assertNotIn("indicator-library", self.tabs(OFFICE_USER))

    def test_an_area_that_is_gone_hides_its_tab(self):
        api.content.delete(self.portal["negative-list"])
        self.assertNotIn("negative-list", self.tabs(OFFICE_USER))


class TestUpgrades(FaceTestCase):
    def test_core_1002_to_1003(self):
        # a site of 1002: no stylesheet, Plone's footer, the page view, no logo
        registry = getUtility(IRegistry)
        for key in [k for k in registry.records.keys() if k.startswith(BUNDLE + ".")]:
            del registry.records[key]
        portlets = footer_portlets(self.portal)
        del portlets["perfmgmt-bureau"]
        site_settings().site_logo = None
        del registry.records["changde.perfmgmt.core.money_unit"]
        api.portal.get_tool("portal_controlpanel").unregisterConfiglet(
            "perfmgmt-display"
        )
        fti = api.portal.get_tool("portal_types")["Plone Site"]
        fti.default_view = "document_view"
        fti.view_methods = tuple(v for v in fti.view_methods if v != "home")
        self.setup_tool.setLastVersionForProfile(CORE_PROFILE, "1002")
        self.setup_tool.upgradeProfile(CORE_PROFILE, "1003")
        self.assertTrue(registry[f"{BUNDLE}.enabled"])
        self.assertEqual(registry["changde.perfmgmt.core.money_unit"], "yuan")
        configlets = api.portal.get_tool("portal_controlpanel").listActions()
        self.assertIn("perfmgmt-display", [c.id for c in configlets])
        self.assertIn("perfmgmt-bureau", footer_portlets(self.portal))
        self.assertIsNotNone(site_settings().site_logo)
        self.assertEqual(self.portal.getLayout(), "home")

    def test_module_upgrades_bring_their_tabs(self):
        tabs = api.portal.get_tool("portal_actions")["portal_tabs"]
        for module, version, tab in (
            ("declaration", "1002", "perfmgmt-projects"),
            ("monitoring", "1000", "perfmgmt-monitoring"),
            ("libraries", "1000", "perfmgmt-expert-library"),
            ("evaluation", "1000", "perfmgmt-negative-list"),
        ):
            tabs.manage_delObjects([tab])
            profile = f"changde.perfmgmt.{module}:default"
            self.setup_tool.setLastVersionForProfile(profile, version)
            self.setup_tool.upgradeProfile(profile)
            self.assertIn(tab, tabs.objectIds(), module)


class TestUninstall(FaceTestCase):
    def test_tabs_stylesheet_and_home_go_with_the_add_on(self):
        installer = api.content.get_view("installer", self.portal, self.request)
        installer.uninstall_product("changde.perfmgmt")
        tabs = api.portal.get_tool("portal_actions")["portal_tabs"]
        self.assertEqual([t for t in tabs.objectIds() if t.startswith("perfmgmt-")], [])
        self.assertNotIn(f"{BUNDLE}.enabled", getUtility(IRegistry).records)
        fti = api.portal.get_tool("portal_types")["Plone Site"]
        self.assertEqual(fti.default_view, "document_view")
        self.assertNotIn("home", fti.view_methods)
