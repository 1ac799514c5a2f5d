"""Excel import and export of every library (REST and UI): the agency and
supervision libraries like the expert library, all or nothing; an export
imports again (rows with 编号 update their member); the status is never
changed by an import; anonymous callers are refused (functional)."""

import base64
import io
import unittest

import transaction
from openpyxl import Workbook
from openpyxl import load_workbook
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

from .base import add_experts

DENIED = (401, 403)


def workbook_bytes(rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx(rows):
    return base64.b64encode(workbook_bytes(rows)).decode("ascii")


def sheet_rows(data):
    return [list(row) for row in load_workbook(io.BytesIO(data)).active.values]


class ImportCase(RestClient, unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
    rest_user = OFFICE_USER
    rest_language = "en"

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        create_city(self.portal)
        self.experts = self.portal["expert-library"]
        self.agencies = self.portal["agency-library"]
        self.supervision = self.portal["supervision-library"]
        self.expert_ids = {n: e.getId() for n, e in add_experts(self.experts).items()}
        api.content.create(
            container=self.agencies,
            type="Agency",
            id="huaxin",
            title="湖南华信会计师事务所",
            level="provincial",
            qualifications=["会计师事务所执业证书"],
            contact="0736-7200001",
        )
        api.content.create(
            container=self.supervision,
            type="SupervisionMember",
            id="xu-li",
            title="徐立",
            category="npc_deputy",
            organisation="常德市人大常委会",
        )
        transaction.commit()

    def export(self, library):
        response = self.call("GET", f"{library.absolute_url()}/@library-export")
        self.assertEqual(response.status_code, 200, response.text)
        return sheet_rows(response.content)

    def post_import(self, library, **body):
        return self.call("POST", f"{library.absolute_url()}/@library-import", json=body)

    def titles(self, library):
        transaction.begin()
        return sorted(member.title for member in library.objectValues())

    def browser(self, user=OFFICE_USER):
        browser = Browser(self.layer["app"])
        browser.handleErrors = False
        browser.raiseHttpErrors = False
        browser.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
        browser.addHeader("Accept-Language", "zh-cn")
        return browser

    def upload(self, library, rows):
        browser = self.browser()
        browser.open(f"{library.absolute_url()}/@@library-import")
        browser.getControl(name="file").add_file(
            workbook_bytes(rows), "application/octet-stream", "library.xlsx"
        )
        browser.getControl(name="form.buttons.import").click()
        return browser


class TestAgencyLibrary(ImportCase):
    def test_export(self):
        rows = self.export(self.agencies)
        self.assertEqual(
            rows[0],
            [
                "编号",
                "机构名称",
                "级别",
                "资质",
                "联系方式",
                "系统账号",
                "状态",
                "评分次数",
                "平均分",
                "公开状态",
            ],
        )
        self.assertEqual(
            rows[1],
            [
                "huaxin",
                "湖南华信会计师事务所",
                "省级",
                "会计师事务所执业证书",
                "0736-7200001",
                None,
                "在库",
                0,
                None,
                "不公开",
            ],
        )

    def test_import_rows_and_file(self):
        response = self.post_import(
            self.agencies,
            rows=[
                {
                    "机构名称": "常德正衡工程造价咨询有限公司",
                    "级别": "市级",
                    "资质": "工程造价咨询企业甲级资质;绩效评价",
                }
            ],
        )
        self.assertEqual(response.status_code, 201, response.text)
        response = self.post_import(
            self.agencies,
            file=xlsx([["机构名称", "级别"], ["常德明远绩效评估事务所", "municipal"]]),
        )
        self.assertEqual(response.status_code, 201, response.text)
        transaction.begin()
        zhengheng = [
            m for m in self.agencies.objectValues() if m.title.startswith("常德正衡")
        ][0]
        self.assertEqual(
            zhengheng.qualifications, ["工程造价咨询企业甲级资质", "绩效评价"]
        )
        self.assertEqual(zhengheng.status, "active")
        self.assertEqual(len(self.titles(self.agencies)), 3)

    def test_import_is_all_or_nothing(self):
        response = self.post_import(
            self.agencies,
            file=xlsx(
                [
                    ["机构名称", "级别", "网址"],
                    ["常德明远绩效评估事务所", "市级", None],
                    ["湖南华信会计师事务所", "县级", "http://x"],
                ]
            ),
        )
        self.assertEqual(response.status_code, 400)
        errors = [
            (e["row"], e["field"], e["code"])
            for e in response.json()["error"]["errors"]
        ]
        self.assertEqual(
            errors,
            [
                (3, "网址", "library_row_unknown_column"),
                (3, "level", "library_row_invalid_choice"),
                (3, "title", "library_row_duplicate_name"),
            ],
        )
        self.assertEqual(self.titles(self.agencies), ["湖南华信会计师事务所"])

    def test_ui_import_and_export(self):
        browser = self.upload(
            self.agencies,
            [["机构名称", "级别"], ["常德明远绩效评估事务所", "市级"], ["", "省级"]],
        )
        self.assertIn("未导入任何记录", browser.contents)
        self.assertEqual(self.titles(self.agencies), ["湖南华信会计师事务所"])
        browser = self.upload(
            self.agencies, [["机构名称", "级别"], ["常德明远绩效评估事务所", "市级"]]
        )
        self.assertIn("新增 1 条", browser.contents)
        self.assertEqual(len(self.titles(self.agencies)), 2)
        browser.open(f"{self.agencies.absolute_url()}/@@library-export")
        self.assertIn("spreadsheetml", browser.headers["Content-Type"])
        rows = sheet_rows(browser.contents)
        self.assertEqual(
            [row[1] for row in rows[1:]],
            ["常德明远绩效评估事务所", "湖南华信会计师事务所"],
        )


class TestSupervisionLibrary(ImportCase):
    def test_export(self):
        rows = self.export(self.supervision)
        self.assertEqual(rows[0], ["编号", "姓名", "类别", "工作单位", "公开状态"])
        self.assertEqual(
            rows[1], ["xu-li", "徐立", "人大代表", "常德市人大常委会", "不公开"]
        )

    def test_import(self):
        response = self.post_import(
            self.supervision,
            rows=[
                {"姓名": "周红", "类别": "财经专家", "工作单位": "湖南文理学院"},
                {"title": "彭兰", "category": "audit"},
            ],
        )
        self.assertEqual(response.status_code, 201, response.text)
        self.assertEqual(response.json()["created"], 2)
        transaction.begin()
        categories = {m.title: m.category for m in self.supervision.objectValues()}
        self.assertEqual(
            categories,
            {"徐立": "npc_deputy", "周红": "finance_expert", "彭兰": "audit"},
        )

    def test_import_is_all_or_nothing(self):
        response = self.post_import(
            self.supervision,
            rows=[
                {"姓名": "周红", "类别": "财经专家"},
                {"姓名": "何平", "类别": "政协"},
                {"姓名": "唐军"},
                {"姓名": "周红", "类别": "审计部门同志"},
            ],
        )
        self.assertEqual(response.status_code, 400)
        errors = [
            (e["row"], e["field"], e["code"])
            for e in response.json()["error"]["errors"]
        ]
        self.assertEqual(
            errors,
            [
                (2, "category", "library_row_invalid_choice"),
                (3, "category", "library_row_required"),
                (4, "title", "library_row_duplicate_name"),
            ],
        )
        self.assertEqual(self.titles(self.supervision), ["徐立"])

    def test_ui_import_and_export(self):
        browser = self.upload(
            self.supervision, [["姓名", "类别"], ["周红", "财经专家"], ["何平", "政协"]]
        )
        self.assertIn("未导入任何记录", browser.contents)
        self.assertIn("政协", browser.contents)
        self.assertEqual(self.titles(self.supervision), ["徐立"])
        browser = self.upload(
            self.supervision,
            [["姓名", "类别"], ["周红", "财经专家"], ["何平", "政协委员"]],
        )
        self.assertEqual(len(self.titles(self.supervision)), 3)
        browser.open(f"{self.supervision.absolute_url()}/@@library-export")
        rows = sheet_rows(browser.contents)
        # people by the pinyin of their names: he, xu, zhou
        self.assertEqual([row[1] for row in rows[1:]], ["何平", "徐立", "周红"])


class TestRoundTrip(ImportCase):
    def test_the_export_imports_again_unchanged(self):
        transaction.begin()
        self.experts[self.expert_ids["李娜"]].status = "removed"
        self.experts[self.expert_ids["王芳"]].status = "proposed_for_removal"
        transaction.commit()
        for library in (self.experts, self.agencies, self.supervision):
            before = self.titles(library)
            rows = self.export(library)
            response = self.post_import(library, file=xlsx(rows))
            self.assertEqual(response.status_code, 200, response.text)
            body = response.json()
            self.assertEqual((body["created"], body["updated"]), (0, len(before)))
            self.assertEqual(self.titles(library), before)
            self.assertEqual(self.export(library), rows)

    def test_rows_with_their_id_update_the_member(self):
        rows = self.export(self.experts)
        header = rows[0]
        zhang = [row for row in rows if row[1] == "张伟"][0]
        zhang[header.index("联系方式")] = "0736-7777777"
        zhang[header.index("工作单位")] = "湖南大学"
        zhang[header.index("姓名")] = "张伟民"
        new = [None, "赵敏", "省级"] + [None] * (len(header) - 3)
        response = self.post_import(self.experts, file=xlsx([header, zhang, new]))
        self.assertEqual(response.status_code, 201, response.text)
        self.assertEqual(
            [(i["title"], i["action"]) for i in response.json()["items"]],
            [("赵敏", "created"), ("张伟民", "updated")],
        )
        transaction.begin()
        member = self.experts[self.expert_ids["张伟"]]
        self.assertEqual(
            (member.title, member.contact, member.organisation),
            ("张伟民", "0736-7777777", "湖南大学"),
        )
        # its ratings and id stay; the catalog follows
        self.assertEqual(len(member.ratings), 3)
        brain = api.content.find(UID=member.UID())[0]
        self.assertEqual(brain.Title, "张伟民")
        self.assertEqual(brain.library_organisation, "湖南大学")

    def test_a_column_left_out_keeps_the_field(self):
        transaction.begin()
        zhang = self.experts[self.expert_ids["张伟"]]
        zhang.user_id = "zhang-wei"
        transaction.commit()
        response = self.post_import(
            self.experts,
            rows=[{"编号": zhang.getId(), "姓名": "张伟", "级别": "省级"}],
        )
        self.assertEqual(response.status_code, 200, response.text)
        transaction.begin()
        self.assertEqual((zhang.level, zhang.user_id), ("provincial", "zhang-wei"))
        self.assertEqual(zhang.contact, "张伟 138-0000-0000")

    def test_unknown_id_and_status_changes_are_refused(self):
        zhang = self.expert_ids["张伟"]
        response = self.post_import(
            self.experts,
            rows=[
                {"编号": "nobody", "姓名": "赵敏", "级别": "省级"},
                {"编号": zhang, "姓名": "张伟", "级别": "省级", "状态": "已淘汰"},
                {"姓名": "孙杰", "级别": "市级", "状态": "拟淘汰"},
                {"姓名": "周红", "级别": "市级", "状态": "在库"},
            ],
        )
        self.assertEqual(response.status_code, 400)
        errors = [
            (e["row"], e["field"], e["code"])
            for e in response.json()["error"]["errors"]
        ]
        self.assertEqual(
            errors,
            [
                (1, "id", "library_row_unknown_id"),
                (2, "status", "library_row_status_by_elimination"),
                (3, "status", "library_row_status_by_elimination"),
            ],
        )
        transaction.begin()
        self.assertEqual(self.experts[zhang].status, "active")
        self.assertEqual(len(self.experts.objectIds()), 4)


class TestAccess(ImportCase):
    def test_anonymous_and_unit_staff_are_refused(self):
        for library in (self.experts, self.agencies, self.supervision):
            for user in (None, UNIT_A_USER):
                response = self.call(
                    "GET", f"{library.absolute_url()}/@library-export", user=user
                )
                self.assertIn(response.status_code, DENIED, (library, user))
                response = self.call(
                    "POST",
                    f"{library.absolute_url()}/@library-import",
                    user=user,
                    json={
                        "rows": [
                            {"title": "赵敏", "level": "省级", "category": "audit"}
                        ]
                    },
                )
                self.assertIn(response.status_code, DENIED, (library, user))
        self.assertEqual(len(self.titles(self.experts)), 4)
        self.assertEqual(self.titles(self.supervision), ["徐立"])

    def test_anonymous_ui_refused(self):
        browser = Browser(self.layer["app"])
        browser.raiseHttpErrors = False
        for view in ("@@library-import", "@@library-export"):
            browser.open(f"{self.agencies.absolute_url()}/{view}")
            self.assertNotIn("湖南华信", browser.contents)
            # Plone sends anonymous visitors to the login form
            self.assertIn("/login", browser.url)
