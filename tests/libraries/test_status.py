"""A member's status is the office's and changes only through elimination:
nobody else reads it (a published profile shows nothing of it, @search finds
no status), the forms and REST cannot set it; and the library folders list
their members by pinyin everywhere (functional)."""

import unittest

import transaction
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.testing.zope import Browser

from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import PASSWORD
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import RestClient
from changde.perfmgmt.testing import create_city

from .base import add_expert


class FunctionalCase(RestClient, unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
    rest_user = OFFICE_USER
    rest_language = "zh-cn"

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        create_city(self.portal)
        self.library = self.portal["expert-library"]

    def browser(self, user=OFFICE_USER):
        browser = Browser(self.layer["app"])
        browser.handleErrors = False
        browser.raiseHttpErrors = False
        if user:
            browser.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
        browser.addHeader("Accept-Language", "zh-cn")
        return browser


class TestStatusIsTheOffices(FunctionalCase):
    def setUp(self):
        super().setUp()
        self.expert = add_expert(
            self.library, "李娜", status="proposed_for_removal", organisation="常德"
        )
        api.portal.get_tool("portal_workflow").doActionFor(self.expert, "publish")
        transaction.commit()

    def test_published_profile_shows_nothing_of_the_status(self):
        url = self.expert.absolute_url()
        response = self.call("GET", url, user=None)
        self.assertEqual(response.status_code, 200, response.text)
        self.assertNotIn("status", response.json())
        self.assertNotIn("proposed_for_removal", response.text)
        browser = self.browser(None)
        browser.open(url)
        self.assertIn("李娜", browser.contents)
        self.assertNotIn("拟淘汰", browser.contents)
        self.assertNotIn("状态", browser.contents)

    def test_unit_staff_do_not_read_it_either(self):
        body = self.call("GET", self.expert.absolute_url(), user=UNIT_A_USER).json()
        self.assertNotIn("status", body)
        browser = self.browser(UNIT_A_USER)
        browser.open(self.library.absolute_url())
        self.assertIn("李娜", browser.contents)
        self.assertNotIn("拟淘汰", browser.contents)

    def test_the_office_reads_it(self):
        body = self.call("GET", self.expert.absolute_url()).json()
        self.assertEqual(body["status"]["token"], "proposed_for_removal")
        browser = self.browser()
        browser.open(self.library.absolute_url())
        self.assertIn("拟淘汰", browser.contents)

    def test_search_gives_anonymous_no_status(self):
        response = self.call(
            "GET",
            f"{self.portal.absolute_url()}/@search",
            user=None,
            params={"portal_type": "Expert", "metadata_fields": "_all"},
        )
        self.assertEqual(response.status_code, 200, response.text)
        (item,) = response.json()["items"]
        self.assertEqual(item["title"], "李娜")
        self.assertNotIn("proposed_for_removal", response.text)
        self.assertFalse([key for key in item if "status" in key], item)
        # a proposal is not even an index one could query
        catalog = api.portal.get_tool("portal_catalog")
        self.assertNotIn("library_status", catalog.indexes())
        self.assertNotIn("library_status", catalog.schema())


class TestStatusOnlyThroughElimination(FunctionalCase):
    def setUp(self):
        super().setUp()
        self.expert = add_expert(self.library, "张伟")
        transaction.commit()

    def test_patch_and_post_do_not_set_it(self):
        url = self.expert.absolute_url()
        response = self.call(
            "PATCH", url, json={"status": "removed", "organisation": "x"}
        )
        self.assertEqual(response.status_code, 204, response.text)
        body = self.call("GET", url).json()
        self.assertEqual(body["status"]["token"], "active")
        self.assertEqual(body["organisation"], "x")
        response = self.call(
            "POST",
            self.library.absolute_url(),
            json={
                "@type": "Expert",
                "title": "赵敏",
                "level": "provincial",
                "status": "removed",
            },
        )
        self.assertEqual(response.status_code, 201, response.text)
        self.assertEqual(response.json()["status"]["token"], "active")

    def test_the_forms_leave_it_out_and_the_page_shows_it_to_the_office(self):
        browser = self.browser()
        browser.open(f"{self.expert.absolute_url()}/@@edit")
        self.assertIn("form.widgets.contact", browser.contents)
        self.assertNotIn("form.widgets.status", browser.contents)
        browser.open(self.expert.absolute_url())
        self.assertTrue('id="form-widgets-status"' in browser.contents)
        self.assertTrue("在库" in browser.contents)
        browser.open(f"{self.library.absolute_url()}/++add++Expert")
        self.assertIn("form.widgets.title", browser.contents)
        self.assertNotIn("form.widgets.status", browser.contents)
        browser.getControl(name="form.widgets.title").value = "赵敏"
        browser.getControl(name="form.buttons.save").click()
        transaction.begin()
        (new,) = [m for m in self.library.objectValues() if m.title == "赵敏"]
        self.assertEqual(new.status, "active")


class TestPinyinOrder(FunctionalCase):
    names = ("张伟", "曾敏", "李娜", "艾青", "王芳", "Zhou Li")
    # people: 曾 is read zeng as a surname
    expected = ["艾青", "李娜", "王芳", "曾敏", "张伟", "Zhou Li"]

    def setUp(self):
        super().setUp()
        for name in self.names:
            add_expert(self.library, name)
        transaction.commit()

    def test_rest_items_of_the_library(self):
        response = self.call("GET", self.library.absolute_url())
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual([i["title"] for i in response.json()["items"]], self.expected)

    def test_folder_order_follows_renames(self):
        transaction.begin()
        self.assertEqual([m.title for m in self.library.objectValues()], self.expected)
        (zhang,) = [m for m in self.library.objectValues() if m.title == "张伟"]
        transaction.commit()
        response = self.call("PATCH", zhang.absolute_url(), json={"title": "阿敏"})
        self.assertEqual(response.status_code, 204, response.text)
        items = self.call("GET", self.library.absolute_url()).json()["items"]
        self.assertEqual(items[0]["title"], "阿敏")
        # folder_contents and navigation sort on the position in the folder
        catalog = api.portal.get_tool("portal_catalog")
        transaction.begin()
        brains = catalog(
            path={"query": "/".join(self.library.getPhysicalPath()), "depth": 1},
            sort_on="getObjPositionInParent",
        )
        self.assertEqual(
            [b.Title for b in brains],
            ["阿敏", "艾青", "李娜", "王芳", "曾敏", "Zhou Li"],
        )

    def test_the_library_page(self):
        browser = self.browser(UNIT_A_USER)
        browser.open(self.library.absolute_url())
        positions = [browser.contents.index(name) for name in self.expected]
        self.assertEqual(positions, sorted(positions))

    def test_agencies_are_not_people(self):
        agencies = self.portal["agency-library"]
        transaction.begin()
        for name in (
            "常德曾氏会计师事务所",
            "湖南华信会计师事务所",
            "曾经咨询有限公司",
        ):
            api.content.create(
                container=agencies, type="Agency", title=name, level="municipal"
            )
        transaction.commit()
        items = self.call("GET", agencies.absolute_url()).json()["items"]
        # 曾经 reads ceng (before chang): an agency's name is not a person's
        self.assertEqual(
            [i["title"] for i in items],
            ["曾经咨询有限公司", "常德曾氏会计师事务所", "湖南华信会计师事务所"],
        )
