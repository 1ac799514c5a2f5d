"""The libraries' REST services over real HTTP: @rate, @elimination,
@library-import, @library-export, @supervision-coverage, @review-reports,
@review-summary; and who may call them."""

import base64
import io
import unittest

import transaction
from openpyxl import Workbook
from openpyxl import load_workbook
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import RestClient
from changde.perfmgmt.testing import create_city

from .base import add_experts


class ServiceTestCase(RestClient, unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
    rest_user = OFFICE_USER
    rest_language = "en"

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        create_city(self.portal)
        self.library = self.portal["expert-library"]
        self.experts = add_experts(self.library)
        transaction.commit()

    def fresh(self, obj):
        transaction.begin()
        return obj


class TestReadAccess(ServiceTestCase):
    def test_anonymous_is_refused_the_library_and_a_member(self):
        expert = self.experts["张伟"]
        for url in (self.library.absolute_url(), expert.absolute_url()):
            self.assertEqual(self.call("GET", url, user=None).status_code, 401)

    def test_unit_staff_get_public_fields_only(self):
        response = self.call(
            "GET", self.experts["张伟"].absolute_url(), user=UNIT_A_USER
        )
        self.assertEqual(response.status_code, 200, response.text)
        body = response.json()
        self.assertEqual(body["title"], "张伟")
        self.assertNotIn("contact", body)
        self.assertNotIn("ratings", body)

    def test_office_gets_contact_and_ratings(self):
        body = self.call("GET", self.experts["张伟"].absolute_url()).json()
        self.assertEqual(body["contact"], "张伟 138-0000-0000")
        self.assertEqual([r["score"] for r in body["ratings"]], ["90", "92", "88"])

    def test_anonymous_gets_a_published_profile_without_contact(self):
        expert = self.experts["王芳"]
        api.portal.get_tool("portal_workflow").doActionFor(expert, "publish")
        transaction.commit()
        response = self.call("GET", expert.absolute_url(), user=None)
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(response.json()["title"], "王芳")
        self.assertNotIn("contact", response.json())
        self.assertNotIn("ratings", response.json())

    def test_search_sorted_by_pinyin(self):
        response = self.call(
            "GET",
            f"{self.portal.absolute_url()}/@search",
            params={"portal_type": "Expert", "sort_on": "pinyin_sort"},
        )
        titles = [item["title"] for item in response.json()["items"]]
        self.assertEqual(titles, ["李娜", "刘洋", "王芳", "张伟"])


class TestRate(ServiceTestCase):
    def rate(self, user=OFFICE_USER, **body):
        url = f"{self.experts['刘洋'].absolute_url()}/@rate"
        return self.call("POST", url, user=user, json=body)

    def test_office_rates_an_engagement(self):
        response = self.rate(
            date="2026-05-01", engagement="常德市教育专项评价", score=82
        )
        self.assertEqual(response.status_code, 201, response.text)
        body = response.json()
        self.assertEqual(body["rating"]["score"], "82")
        self.assertEqual(body["rating"]["rater"], OFFICE_USER)
        self.assertEqual(body["ratings_count"], 2)
        self.assertEqual(body["average"], "76.00")
        expert = self.fresh(self.experts["刘洋"])
        self.assertEqual(len(expert.ratings), 2)

    def test_invalid_rating_is_refused_with_field_errors(self):
        response = self.rate(date="2026-13-01", engagement="", score=120)
        self.assertEqual(response.status_code, 400)
        fields = {e["field"] for e in response.json()["error"]["errors"]}
        self.assertEqual(fields, {"date", "engagement", "score"})
        self.assertEqual(len(self.fresh(self.experts["刘洋"]).ratings), 1)

    def test_unit_staff_cannot_rate(self):
        response = self.rate(user=UNIT_A_USER, engagement="x", score=80)
        self.assertIn(response.status_code, (401, 403))


class TestElimination(ServiceTestCase):
    def url(self):
        return f"{self.library.absolute_url()}/@elimination"

    def test_proposals(self):
        response = self.call("GET", self.url())
        self.assertEqual(response.status_code, 200, response.text)
        body = response.json()
        self.assertEqual(
            [item["title"] for item in body["eligible"]], ["李娜", "王芳", "张伟"]
        )
        self.assertEqual([item["title"] for item in body["proposed"]], ["李娜"])
        self.assertIn("average rating 65.00", body["proposed"][0]["explanation"])
        self.assertEqual([item["title"] for item in body["too_few_ratings"]], ["刘洋"])
        self.assertEqual(body["settings"]["min_ratings"], 3)
        # the explanation in the user's language
        body = self.call("GET", self.url(), language="zh-cn").json()
        self.assertIn("平均分为 65.00", body["proposed"][0]["explanation"])

    def test_unit_staff_refused(self):
        response = self.call("GET", self.url(), user=UNIT_A_USER)
        self.assertIn(response.status_code, (401, 403))

    def test_mark_proposed(self):
        response = self.call("POST", self.url(), json={"propose": True})
        self.assertEqual(response.status_code, 200, response.text)
        lina = self.experts["李娜"].getId()
        self.assertEqual(response.json()["marked"], [lina])
        self.assertEqual(
            self.fresh(self.experts["李娜"]).status, "proposed_for_removal"
        )

    def test_confirm_removes_and_records(self):
        lina = self.experts["李娜"].getId()
        response = self.call(
            "POST",
            self.url(),
            json={"decisions": [{"member": lina, "decision": "remove"}]},
        )
        self.assertEqual(response.status_code, 200, response.text)
        run = response.json()["confirmed"]
        self.assertEqual(run["decisions"][0]["decision"], "remove")
        self.assertEqual(run["by"], OFFICE_USER)
        expert = self.fresh(self.experts["李娜"])
        self.assertEqual(expert.status, "removed")
        self.assertEqual(len(self.library.elimination_runs), 1)
        # a removed member is no longer ranked nor assignable
        body = self.call("GET", self.url()).json()
        self.assertNotIn("李娜", [item["title"] for item in body["eligible"]])

    def test_keeping_a_proposed_member_needs_a_reason(self):
        lina = self.experts["李娜"].getId()
        response = self.call(
            "POST",
            self.url(),
            json={"decisions": [{"member": lina, "decision": "keep"}]},
        )
        self.assertEqual(response.status_code, 400)
        errors = response.json()["error"]["errors"]
        self.assertEqual(errors[0]["code"], "elimination_override_reason_required")
        self.assertEqual(errors[0]["field"], lina)
        response = self.call(
            "POST",
            self.url(),
            json={
                "decisions": [
                    {
                        "member": lina,
                        "decision": "keep",
                        "reason": "新引进,评分样本偏少",
                    }
                ]
            },
        )
        self.assertEqual(response.status_code, 200, response.text)
        self.assertTrue(response.json()["confirmed"]["decisions"][0]["override"])
        self.assertEqual(self.fresh(self.experts["李娜"]).status, "active")

    def test_missing_decision_writes_nothing(self):
        zhang = self.experts["张伟"].getId()
        response = self.call(
            "POST",
            self.url(),
            json={
                "decisions": [{"member": zhang, "decision": "remove", "reason": "x"}]
            },
        )
        self.assertEqual(response.status_code, 400)
        codes = [e["code"] for e in response.json()["error"]["errors"]]
        self.assertEqual(codes, ["elimination_decision_missing"])
        self.assertEqual(self.fresh(self.experts["张伟"]).status, "active")
        self.assertEqual(len(self.library.elimination_runs), 0)


def xlsx(rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


class TestImportExport(ServiceTestCase):
    def count(self):
        transaction.begin()
        return len(self.library.objectIds())

    def test_export_is_an_xlsx_in_pinyin_order(self):
        response = self.call("GET", f"{self.library.absolute_url()}/@library-export")
        self.assertEqual(response.status_code, 200)
        self.assertIn("spreadsheetml", response.headers["Content-Type"])
        sheet = load_workbook(io.BytesIO(response.content)).active
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(rows[0][:3], ("编号", "姓名", "级别"))
        self.assertEqual([row[1] for row in rows[1:]], ["李娜", "刘洋", "王芳", "张伟"])
        self.assertIn("联系方式", rows[0])
        self.assertIn("系统账号", rows[0])

    def test_exported_file_imports_again_with_the_account(self):
        transaction.begin()
        self.experts["张伟"].user_id = "zhang-wei"
        transaction.commit()
        exported = self.call("GET", f"{self.library.absolute_url()}/@library-export")
        rows = list(load_workbook(io.BytesIO(exported.content)).active.values)
        header = list(rows[0])
        zhang = [list(row) for row in rows if row[1] == "张伟"][0]
        self.assertEqual(zhang[header.index("系统账号")], "zhang-wei")
        # without its 编号 the row is a new member, with the account
        zhang[header.index("姓名")] = "张伟(二)"
        zhang[header.index("编号")] = None
        response = self.call(
            "POST",
            f"{self.library.absolute_url()}/@library-import",
            json={"file": xlsx([header, zhang])},
        )
        self.assertEqual(response.status_code, 201, response.text)
        transaction.begin()
        copy = [m for m in self.library.objectValues() if m.title == "张伟(二)"][0]
        self.assertEqual(copy.user_id, "zhang-wei")
        self.assertEqual(self.experts["张伟"].title, "张伟")

    def test_export_refused_to_unit_staff(self):
        response = self.call(
            "GET", f"{self.library.absolute_url()}/@library-export", user=UNIT_A_USER
        )
        self.assertIn(response.status_code, (401, 403))

    def test_import_json_rows(self):
        rows = [
            {"title": "赵敏", "level": "provincial", "expertise": "财政、审计"},
            {"姓名": "孙杰", "级别": "市级", "职称": "高级会计师"},
        ]
        response = self.call(
            "POST",
            f"{self.library.absolute_url()}/@library-import",
            json={"rows": rows},
        )
        self.assertEqual(response.status_code, 201, response.text)
        self.assertEqual(response.json()["items_total"], 2)
        self.assertEqual(self.count(), 6)
        transaction.begin()
        zhao = [m for m in self.library.objectValues() if m.title == "赵敏"][0]
        self.assertEqual(zhao.expertise, ["财政", "审计"])
        self.assertEqual(zhao.level, "provincial")

    def test_import_is_all_or_nothing_with_row_errors(self):
        rows = [
            {"title": "赵敏", "level": "provincial"},
            {"title": "", "level": "县级"},
            {"title": "张伟", "level": "municipal"},
        ]
        response = self.call(
            "POST",
            f"{self.library.absolute_url()}/@library-import",
            json={"rows": rows},
        )
        self.assertEqual(response.status_code, 400)
        errors = [
            (e["row"], e["field"], e["code"])
            for e in response.json()["error"]["errors"]
        ]
        self.assertEqual(
            errors,
            [
                (2, "title", "library_row_required"),
                (2, "level", "library_row_invalid_choice"),
                (3, "title", "library_row_duplicate_name"),
            ],
        )
        self.assertEqual(self.count(), 4)

    def test_import_xlsx_file(self):
        data = xlsx(
            [["姓名", "级别", "工作单位"], ["赵敏", "省级", "湖南大学"], [None, None]]
        )
        response = self.call(
            "POST",
            f"{self.library.absolute_url()}/@library-import",
            json={"file": data},
        )
        self.assertEqual(response.status_code, 201, response.text)
        self.assertEqual(self.count(), 5)

    def test_import_xlsx_errors_name_the_sheet_row(self):
        data = xlsx([["姓名", "级别"], ["赵敏", "省级"], ["孙杰", "乡级"]])
        response = self.call(
            "POST",
            f"{self.library.absolute_url()}/@library-import",
            json={"file": data},
        )
        self.assertEqual(response.status_code, 400)
        error = response.json()["error"]["errors"][0]
        self.assertEqual((error["row"], error["field"]), (3, "level"))
        self.assertEqual(self.count(), 4)

    def test_import_bad_file(self):
        response = self.call(
            "POST",
            f"{self.library.absolute_url()}/@library-import",
            json={"file": "bm90IGFuIHhsc3g="},
        )
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.json()["error"]["errors"][0]["field"], "file")


class TestSupervisionCoverage(ServiceTestCase):
    def test_coverage_of_the_five_groups(self):
        library = self.portal["supervision-library"]
        for name, category in (("陈明", "npc_deputy"), ("周红", "audit")):
            api.content.create(
                container=library,
                type="SupervisionMember",
                title=name,
                category=category,
            )
        transaction.commit()
        response = self.call(
            "GET", f"{library.absolute_url()}/@supervision-coverage", user=UNIT_A_USER
        )
        self.assertEqual(response.status_code, 200, response.text)
        body = response.json()
        self.assertFalse(body["complete"])
        self.assertEqual(
            body["missing"], ["finance_expert", "cppcc_member", "discipline_inspection"]
        )
        self.assertEqual(body["target_year"], 2021)


class TestCorrectRatings(ServiceTestCase):
    """The office corrects or deletes a rating given by mistake."""

    def url(self, rating_id):
        return f"{self.experts['张伟'].absolute_url()}/@rate/{rating_id}"

    def test_correct_a_rating(self):
        response = self.call(
            "PATCH", self.url("r2"), json={"score": 62, "note": "录入错误"}
        )
        self.assertEqual(response.status_code, 200, response.text)
        body = response.json()
        self.assertEqual(body["rating"]["score"], "62")
        self.assertEqual(body["rating"]["rater"], "office")
        self.assertEqual(body["rating"]["changed_by"], OFFICE_USER)
        self.assertEqual(body["rating"]["id"], "r2")
        self.assertTrue(body["@id"].endswith("/@rate/r2"))
        self.assertEqual(body["average"], "80.00")
        ratings = self.fresh(self.experts["张伟"]).ratings
        self.assertEqual([r["score"] for r in ratings], ["90", "62", "88"])

    def test_a_bad_correction_writes_nothing(self):
        response = self.call("PATCH", self.url("r2"), json={"score": 101})
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.json()["error"]["errors"][0]["field"], "score")
        for rating_id in ("1", "r7"):
            response = self.call("PATCH", self.url(rating_id), json={"score": 1})
            self.assertEqual(response.status_code, 400, rating_id)
            self.assertEqual(response.json()["error"]["errors"][0]["field"], "id")
        ratings = self.fresh(self.experts["张伟"]).ratings
        self.assertEqual([r["score"] for r in ratings], ["90", "92", "88"])

    def test_delete_a_rating_and_the_others_keep_their_ids(self):
        response = self.call("DELETE", self.url("r1"))
        self.assertEqual(response.status_code, 204, response.text)
        ratings = self.fresh(self.experts["张伟"]).ratings
        self.assertEqual([r["score"] for r in ratings], ["92", "88"])
        self.assertEqual([r["id"] for r in ratings], ["r2", "r3"])
        # the id still names the same rating after the deletion
        response = self.call("PATCH", self.url("r3"), json={"score": 80})
        self.assertEqual(response.json()["rating"]["engagement"], "评价项目 3")
        self.assertEqual(self.call("DELETE", self.url("r1")).status_code, 400)

    def test_a_new_rating_has_an_id_of_its_own(self):
        url = f"{self.experts['张伟'].absolute_url()}/@rate"
        response = self.call("POST", url, json={"engagement": "复核", "score": 70})
        self.assertEqual(response.status_code, 201, response.text)
        rating_id = response.json()["rating"]["id"]
        self.assertNotIn(rating_id, ("r1", "r2", "r3"))
        self.assertEqual(response.json()["@id"], self.url(rating_id))
        self.assertEqual(self.call("DELETE", self.url(rating_id)).status_code, 204)

    def test_unit_staff_cannot_correct_or_delete(self):
        for method in ("PATCH", "DELETE"):
            response = self.call(method, self.url("r1"), user=UNIT_A_USER, json={})
            self.assertIn(response.status_code, (401, 403), method)
        self.assertEqual(len(self.fresh(self.experts["张伟"]).ratings), 3)
