"""The publicity profile: the column and its sections created and published
by the install (not only by the demo), the plan's two policies as drafts,
the feeds on, sitemap and share tags on, the top tab, the evaluation
module's feedback form protected; an existing site gets it all by the
package's upgrade step."""

import unittest

from plone import api
from plone.base.interfaces.syndication import IFeedSettings
from tests.publicity.base import as_manager
from tests.publicity.base import sections

from changde.perfmgmt.evaluation.feedback import feedback_form
from changde.perfmgmt.evaluation.folders import evaluation_folder
from changde.perfmgmt.publicity.column import COLUMN_ID
from changde.perfmgmt.publicity.column import column
from changde.perfmgmt.publicity.public_forms import GUARD
from changde.perfmgmt.publicity.public_forms import HONEYPOT
from changde.perfmgmt.publicity.public_forms import is_protected
from changde.perfmgmt.setuphandlers import MODULE_PROFILES
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING

PROFILE = "changde.perfmgmt.publicity:default"


class TestInstall(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        as_manager(self.portal)

    def test_the_module_is_installed_with_the_package(self):
        self.assertIn(PROFILE, MODULE_PROFILES)
        setup_tool = api.portal.get_tool("portal_setup")
        self.assertEqual(setup_tool.getLastVersionForProfile(PROFILE), ("1000",))

    def test_the_column_and_its_sections_are_published(self):
        folder = self.portal[COLUMN_ID]
        self.assertEqual(folder.portal_type, "PerformanceColumn")
        self.assertEqual(folder.Title(), "绩效管理专栏")
        self.assertEqual(api.content.get_state(folder), "published")
        found = sections(self.portal)
        self.assertEqual(
            {kind: obj.getId() for kind, obj in found.items()},
            {
                "policies": "policies",
                "news": "news",
                "reports": "reports",
                "training": "training",
                "feedback": "feedback",
            },
        )
        for obj in found.values():
            self.assertEqual(api.content.get_state(obj), "published")
            self.assertTrue(IFeedSettings(obj).enabled)

    def test_the_plans_policies_are_drafts_for_the_office_to_complete(self):
        policies = sections(self.portal)["policies"]
        numbers = {
            obj.document_number: api.content.get_state(obj)
            for obj in policies.objectValues()
        }
        self.assertEqual(
            numbers, {"中发〔2018〕34号": "draft", "湘办发〔2019〕10号": "draft"}
        )
        self.assertIn("待补充", policies["zhongfa-2018-34"].text.raw)

    def test_running_it_again_creates_nothing_twice(self):
        column(self.portal)
        setup_tool = api.portal.get_tool("portal_setup")
        setup_tool.runAllImportStepsFromProfile(f"profile-{PROFILE}")
        self.assertEqual(len(self.portal[COLUMN_ID].objectIds()), 5)
        self.assertEqual(len(sections(self.portal)["policies"].objectIds()), 2)

    def test_a_missing_section_is_created_again(self):
        api.content.delete(obj=sections(self.portal)["news"])
        column(self.portal)
        self.assertEqual(sections(self.portal)["news"].Title(), "工作动态")

    def test_sitemap_share_tags_and_description_are_on(self):
        self.assertTrue(api.portal.get_registry_record("plone.enable_sitemap"))
        self.assertTrue(api.portal.get_registry_record("plone.share_social_data"))
        self.assertTrue(api.portal.get_registry_record("plone.exposeDCMetaTags"))

    def test_the_top_tab(self):
        tab = api.portal.get_tool("portal_actions").portal_tabs["perfmgmt-column"]
        self.assertEqual(tab.title, "绩效管理专栏")
        self.assertIn("/column", tab.url_expr)

    def test_the_evaluation_modules_feedback_form_is_protected(self):
        form = feedback_form(evaluation_folder(self.portal), create=False)
        self.assertTrue(is_protected(form))
        self.assertIn(HONEYPOT, form.fields_model)
        # the guard runs before the data saver
        self.assertLess(
            form.actions_model.index(GUARD), form.actions_model.index("saver")
        )
        self.assertFalse(form.includeEmpties)

    def test_the_settings_have_the_defaults(self):
        prefix = "changde.perfmgmt.publicity"
        self.assertEqual(api.portal.get_registry_record(f"{prefix}.rate_limit"), 10)
        self.assertEqual(
            api.portal.get_registry_record(f"{prefix}.max_text_length"), 2000
        )


class TestUpgrade(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        as_manager(self.portal)

    def test_package_1001_to_1002_installs_the_publicity_module(self):
        api.content.delete(obj=self.portal[COLUMN_ID])
        setup_tool = api.portal.get_tool("portal_setup")
        setup_tool.unsetLastVersionForProfile(PROFILE)
        setup_tool.setLastVersionForProfile("changde.perfmgmt:default", "1001")
        setup_tool.upgradeProfile("changde.perfmgmt:default", "1002")
        self.assertEqual(setup_tool.getLastVersionForProfile(PROFILE), ("1000",))
        self.assertEqual(
            setup_tool.getLastVersionForProfile("changde.perfmgmt:default"), ("1002",)
        )
        self.assertEqual(len(self.portal[COLUMN_ID].objectIds()), 5)


class TestPortalViewlet(unittest.TestCase):
    """The home page's portal block (viewlet ``changde.perfmgmt.public-portal``,
    registered for core's home page manager once it exists)."""

    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def test_it_renders_the_sections_and_hides_drafts(self):
        from plone.app.testing import logout

        from changde.perfmgmt.publicity.browser.column import PublicPortalViewlet

        portal = self.layer["portal"]
        logout()
        viewlet = PublicPortalViewlet(portal, self.layer["request"], None, None)
        viewlet.update()
        html = viewlet.render()
        self.assertIn("绩效管理专栏", html)
        for title in ("政策文件", "工作动态", "评价报告", "培训", "公众意见"):
            self.assertIn(title, html)
        # the plan's two policies are drafts: not on the public portal
        self.assertNotIn("中发〔2018〕34号", html)
