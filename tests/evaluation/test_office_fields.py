"""What defines a rectification item or a report is the office's: a unit
(Editor on its open item, or on its self-evaluation draft) writes the
measures and evidence, or the score and the text, never the problem, owner,
deadline, kind, target or the office's findings — over REST (ignored, as
plone.restapi does with fields the user may not write) and in the edit form
(not shown). Items are refused outside a key evaluation, and in the folder
without a monitoring record (functional)."""

import datetime

import transaction
from plone import api
from plone.testing.zope import Browser
from tests.evaluation.base import create_report
from tests.evaluation.base import do
from tests.evaluation.test_application import final_record
from tests.evaluation.test_rest_path import DENIED
from tests.evaluation.test_rest_path import RestTestCase

from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import PASSWORD
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import UNIT_B_USER


def message_of(response):
    """plone.restapi's content validation message (the errors' repr)."""
    return response.json()["message"]


class OfficeFieldsTestCase(RestTestCase):
    def browser(self, user):
        browser = Browser(self.layer["app"])
        browser.handleErrors = False
        browser.addHeader("Accept-Language", "zh-cn")
        browser.addHeader("Authorization", f"Basic {user}:{PASSWORD}")
        return browser

    def control_names(self, browser):
        form = browser.getForm(id="form")
        names = {getattr(control, "name", None) for control in form.controls}
        return names - {None}


class TestRectificationItemFields(OfficeFieldsTestCase):
    def setUp(self):
        super().setUp()
        report = create_report(self.projects["a1"], id="key-a1")
        self.item = api.content.create(
            container=report,
            type="RectificationItem",
            id="i1",
            problem="资金支付进度慢于计划",
            deadline=datetime.date(2027, 6, 30),
        )
        do(report, "submit", "approve", "feed_back")
        transaction.commit()
        self.url = self.item.absolute_url()

    def test_the_unit_writes_measures_and_evidence_only(self):
        response = self.call(
            "PATCH",
            self.url,
            user=UNIT_A_USER,
            json={
                "deadline": "2099-12-31",
                "problem": "没有问题",
                "owner_unit": self.city["unit_b"].UID(),
                "measures": "已加快支付。",
            },
        )
        self.assertEqual(response.status_code, 204, response.text)
        item = self.call("GET", self.url).json()
        self.assertEqual(item["deadline"], "2027-06-30")
        self.assertEqual(item["problem"], "资金支付进度慢于计划")
        self.assertEqual(item["owner_unit"]["UID"], self.city["unit_a"].UID())
        self.assertEqual(item["measures"], "已加快支付。")
        # unit B got nothing
        self.assertIn(self.call("GET", self.url, user=UNIT_B_USER).status_code, DENIED)
        transaction.begin()
        roles = dict(self.item.get_local_roles())
        self.assertNotIn(self.city["unit_b"].staff_group, roles)

    def test_the_office_changes_the_deadline(self):
        response = self.call("PATCH", self.url, json={"deadline": "2027-09-30"})
        self.assertEqual(response.status_code, 204, response.text)
        self.assertEqual(self.call("GET", self.url).json()["deadline"], "2027-09-30")

    def test_the_units_edit_form_has_measures_and_evidence_only(self):
        browser = self.browser(UNIT_A_USER)
        browser.open(f"{self.url}/@@edit")
        names = self.control_names(browser)
        self.assertIn("form.widgets.measures", names)
        for field in ("problem", "deadline", "owner_unit", "monitoring_record"):
            self.assertFalse(
                [name for name in names if name.startswith(f"form.widgets.{field}")],
                field,
            )
        browser.getControl(name="form.widgets.measures").value = "已整改。"
        browser.getControl(name="form.buttons.save").click()
        transaction.begin()
        self.assertEqual(self.item.measures, "已整改。")
        self.assertEqual(self.item.deadline, datetime.date(2027, 6, 30))
        office = self.browser(OFFICE_USER)
        office.open(f"{self.url}/@@edit")
        self.assertIn("form.widgets.deadline", self.control_names(office))

    def test_the_unit_cannot_share_its_item(self):
        response = self.call("GET", f"{self.url}/@sharing", user=UNIT_A_USER)
        self.assertIn(response.status_code, DENIED, response.text)
        response = self.call(
            "POST",
            f"{self.url}/@sharing",
            user=UNIT_A_USER,
            json={
                "entries": [
                    {
                        "id": self.city["unit_b"].staff_group,
                        "type": "group",
                        "roles": {"Editor": True, "Reader": True},
                    }
                ]
            },
        )
        self.assertIn(response.status_code, DENIED, response.text)
        transaction.begin()
        self.assertNotIn(
            self.city["unit_b"].staff_group, dict(self.item.get_local_roles())
        )


class TestSelfEvaluationFields(OfficeFieldsTestCase):
    def setUp(self):
        super().setUp()
        self.report = create_report(
            self.projects["a1"], id="self-a1", kind="self", score=None
        )
        transaction.commit()
        self.url = self.report.absolute_url()

    def test_the_unit_writes_score_and_text_not_kind_target_or_findings(self):
        response = self.call(
            "PATCH",
            self.url,
            user=UNIT_A_USER,
            json={
                "evaluation_kind": "pre",
                "project": self.uids["b1"],
                "unit": self.city["unit_b"].UID(),
                "year": 2025,
                "goals_unclear": True,
                "ineffective": True,
                "overlapping_or_fragmented": True,
                "funds_idle_months": 30,
                "score": "91",
                "findings": "目标基本完成。",
            },
        )
        self.assertEqual(response.status_code, 204, response.text)
        report = self.call("GET", self.url).json()
        self.assertEqual(report["evaluation_kind"]["token"], "self")
        self.assertEqual(report["project"]["UID"], self.uids["a1"])
        self.assertEqual(report["unit"]["UID"], self.city["unit_a"].UID())
        self.assertEqual(report["year"], 2026)
        self.assertFalse(report["goals_unclear"])
        self.assertFalse(report["ineffective"])
        self.assertFalse(report["overlapping_or_fragmented"])
        self.assertIsNone(report["funds_idle_months"])
        self.assertEqual(report["score"], "91")
        self.assertEqual(report["findings"], "目标基本完成。")
        self.assertEqual(report["budget_unit"], "unit-a")

    def test_the_office_marks_its_findings(self):
        response = self.call(
            "PATCH",
            self.url,
            json={"overlapping_or_fragmented": True, "funds_idle_months": 30},
        )
        self.assertEqual(response.status_code, 204, response.text)
        report = self.call("GET", self.url).json()
        self.assertTrue(report["overlapping_or_fragmented"])
        self.assertEqual(report["funds_idle_months"], 30)

    def test_the_units_edit_form(self):
        browser = self.browser(UNIT_A_USER)
        browser.open(f"{self.url}/@@edit")
        names = self.control_names(browser)
        self.assertIn("form.widgets.score", names)
        self.assertIn("form.widgets.findings", names)
        for field in (
            "evaluation_kind",
            "project",
            "unit",
            "year",
            "goals_unclear",
            "overlapping_or_fragmented",
            "funds_idle_months",
            "experts",
        ):
            self.assertFalse(
                [name for name in names if name.startswith(f"form.widgets.{field}")],
                field,
            )
        office = self.browser(OFFICE_USER)
        office.open(f"{self.url}/@@edit")
        names = self.control_names(office)
        self.assertIn("form.widgets.evaluation_kind:list", names)
        self.assertIn("form.widgets.funds_idle_months", names)
        self.assertIn("绩效科认定", office.contents)


class TestWhereItemsBelong(OfficeFieldsTestCase):
    def item(self, url, **fields):
        body = {"@type": "RectificationItem", "problem": "问题"}
        body.update(fields)
        return self.call("POST", url, json=body)

    def test_not_in_other_kinds_of_report(self):
        for kind in ("self", "pre", "unit_overall"):
            report = self.create_report(title=f"{kind} 报告", evaluation_kind=kind)
            url = report.json()["@id"]
            response = self.item(url)
            self.assertEqual(response.status_code, 400, (kind, response.text))
            self.assertIn("整改事项只能添加在重点评价报告中", message_of(response))
            transaction.begin()
            report = api.content.get(path=url.split("/plone", 1)[1])
            self.assertEqual(report.objectIds(), [], kind)
        key = self.create_report(title="重点评价").json()["@id"]
        self.assertEqual(self.item(key).status_code, 201)

    def test_in_the_folder_only_with_a_monitoring_record(self):
        response = self.item(self.folder_url)
        self.assertEqual(response.status_code, 400, response.text)
        self.assertIn("须填写来源监控记录", message_of(response))
        record = final_record(self.projects["a1"], 2026, "50", severity="serious")
        transaction.commit()
        response = self.item(self.folder_url, monitoring_record=record.UID())
        self.assertEqual(response.status_code, 201, response.text)
        self.assertEqual(response.json()["budget_unit"], "unit-a")

    def test_the_add_form_says_why(self):
        report = create_report(self.projects["a1"], id="pre-a1", kind="pre")
        transaction.commit()
        browser = self.browser(OFFICE_USER)
        browser.open(f"{report.absolute_url()}/++add++RectificationItem")
        browser.getControl(name="form.widgets.problem").value = "问题"
        browser.getControl(name="form.buttons.save").click()
        self.assertIn("整改事项只能添加在重点评价报告中", browser.contents)
        transaction.begin()
        self.assertEqual(report.objectIds(), [])
