"""The declaration module's REST services (real HTTP against a WSGI server):
@coverage, @declaration-check, @add-indicators, @copy-to-library."""

import unittest

import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
from changde.perfmgmt.testing import DISTRICT_USER
from changde.perfmgmt.testing import OFFICE_USER
from changde.perfmgmt.testing import REVIEWER_USER
from changde.perfmgmt.testing import UNIT_A_USER
from changde.perfmgmt.testing import UNIT_B_USER
from changde.perfmgmt.testing import RestClient
from changde.perfmgmt.testing import create_city
from changde.perfmgmt.testing import create_project

ADMIN = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)


def managed_project(unit, transitions=("submit",), **fields):
    """A project declared with its goals (submitted, or further): coverage
    counts it."""
    project = create_project(unit, indicators=1, **fields)
    for transition in transitions:
        api.content.transition(obj=project, transition=transition)
    return project


class ServiceTestCase(RestClient, unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
    rest_user = UNIT_A_USER
    rest_language = "en"

    def setUp(self):
        self.portal = self.layer["portal"]
        self.portal_url = self.portal.absolute_url()
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.city = create_city(self.portal)

    def count(self, portal_type, container=None):
        """What the database holds now (a fresh transaction sees the server's)."""
        transaction.begin()
        catalog = api.portal.get_tool("portal_catalog")
        query = {"portal_type": portal_type}
        if container is not None:
            query["path"] = "/".join(container.getPhysicalPath())
        return len(catalog.unrestrictedSearchResults(**query))


# --- @coverage ----------------------------------------------------------------


class TestCoverage(ServiceTestCase):
    def setUp(self):
        super().setUp()
        # 2019, municipal: three of the four budgets; the district: two
        for number, kind in enumerate(
            ("general_public", "government_fund", "state_capital")
        ):
            managed_project(
                self.city["unit_a"], id=f"m{number}", year=2019, budget_kind=kind
            )
        managed_project(self.city["unit_a"], id="m-2020", year=2020)
        for kind in ("general_public", "social_insurance"):
            managed_project(self.city["unit_w"], id=kind, year=2019, budget_kind=kind)
        transaction.commit()

    def coverage(self, url=None, user=ADMIN, **params):
        url = url or self.portal_url
        return self.call("GET", f"{url}/@coverage", user=user, params=params)

    def by_title(self, body):
        return {item["title"]: item for item in body["items"]}

    def test_municipal_three_budgets_not_met_district_two_met(self):
        response = self.coverage(year=2019)
        self.assertEqual(response.status_code, 200, response.text)
        body = response.json()
        self.assertEqual(body["@id"], f"{self.portal_url}/@coverage?year=2019")
        self.assertEqual(body["year"], 2019)
        self.assertEqual(
            [item["title"] for item in body["items"]], ["市本级", "武陵区"]
        )
        municipal = self.by_title(body)["市本级"]
        self.assertEqual(municipal["@id"], self.city["municipal"].absolute_url())
        self.assertEqual(municipal["kind"], "municipal")
        self.assertEqual(
            municipal["covered"],
            {
                "general_public": True,
                "government_fund": True,
                "state_capital": True,
                "social_insurance": False,
                "government_debt": False,
            },
        )
        self.assertEqual(municipal["covered_count"], 3)
        self.assertEqual(municipal["required_count"], 4)
        self.assertFalse(municipal["debt_required"])
        self.assertFalse(municipal["met"])
        district = self.by_title(body)["武陵区"]
        self.assertEqual(district["kind"], "district")
        self.assertEqual(district["covered_count"], 2)
        self.assertEqual(district["required_count"], 2)
        self.assertTrue(district["met"])

    def test_fourth_budget_meets_the_municipal_target(self):
        managed_project(
            self.city["unit_b"],
            ("submit", "review", "approve"),
            id="si",
            year=2019,
            budget_kind="social_insurance",
        )
        transaction.commit()
        body = self.coverage(year=2019).json()
        municipal = self.by_title(body)["市本级"]
        self.assertEqual(municipal["covered_count"], 4)
        self.assertTrue(municipal["met"])

    def test_drafts_and_returned_projects_are_not_under_management(self):
        create_project(
            self.city["unit_b"], id="draft", year=2019, budget_kind="social_insurance"
        )
        returned = managed_project(
            self.city["unit_b"], id="returned", year=2019, budget_kind="government_debt"
        )
        api.content.transition(obj=returned, transition="return", comment="重写目标")
        managed_project(
            self.city["unit_w"],
            ("submit", "review"),
            id="reviewed",
            year=2019,
            budget_kind="state_capital",
        )
        transaction.commit()
        body = self.coverage(year=2019).json()
        municipal = self.by_title(body)["市本级"]
        self.assertFalse(municipal["covered"]["social_insurance"])
        self.assertFalse(municipal["covered"]["government_debt"])
        self.assertEqual(municipal["covered_count"], 3)
        # a project whose goals were reviewed counts
        self.assertTrue(self.by_title(body)["武陵区"]["covered"]["state_capital"])

    def test_the_count_does_not_depend_on_who_asks(self):
        # reviewers see no drafts, district staff only their district: the
        # coverage of a jurisdiction they may view is the same for everyone
        office = self.by_title(self.coverage(user=OFFICE_USER, year=2019).json())
        district = self.by_title(self.coverage(user=DISTRICT_USER, year=2019).json())
        self.assertEqual(district["武陵区"], office["武陵区"])
        reviewer = self.by_title(self.coverage(user=REVIEWER_USER, year=2019).json())
        for title, item in reviewer.items():
            self.assertEqual(item["covered"], office[title]["covered"], title)

    def test_municipal_special_funds_against_the_cap(self):
        api.portal.set_registry_record(
            "changde.perfmgmt.declaration.min_quantifiable_indicators", 1
        )
        managed_project(
            self.city["unit_b"],
            ("submit", "review", "approve"),
            id="fund",
            year=2019,
            is_special_fund=True,
        )
        transaction.commit()
        body = self.by_title(self.coverage(year=2019).json())
        self.assertEqual(body["市本级"]["special_funds"], {"approved": 1, "cap": 90})
        self.assertNotIn("special_funds", body["武陵区"])

    def test_other_years_are_not_counted(self):
        body = self.coverage(year=2020).json()
        municipal = self.by_title(body)["市本级"]
        self.assertEqual(municipal["covered_count"], 1)
        self.assertEqual(self.by_title(body)["武陵区"]["covered_count"], 0)
        # from 2021 debt is required at the municipal level, all four everywhere
        body = self.coverage(year=2021).json()
        self.assertTrue(self.by_title(body)["市本级"]["debt_required"])
        self.assertEqual(self.by_title(body)["武陵区"]["required_count"], 4)

    def test_on_a_jurisdiction_only_that_one(self):
        url = self.city["district"].absolute_url()
        response = self.coverage(url=url, year="2019")
        self.assertEqual(response.status_code, 200, response.text)
        body = response.json()
        self.assertEqual(body["@id"], f"{url}/@coverage?year=2019")
        self.assertEqual([item["@id"] for item in body["items"]], [url])
        self.assertTrue(body["items"][0]["met"])

    def test_missing_year_is_400(self):
        response = self.coverage()
        self.assertEqual(response.status_code, 400, response.text)
        error = response.json()["error"]
        self.assertEqual(error["type"], "BadRequest")
        self.assertIn("year", error["message"])
        self.assertEqual([e["field"] for e in error["errors"]], ["year"])
        self.assertEqual(error["errors"][0]["code"], "project_year_required")

    def test_invalid_year_is_400_in_the_users_language(self):
        for year in ("abc", "1800", "2019.5"):
            response = self.coverage(year=year)
            self.assertEqual(response.status_code, 400, response.text)
            self.assertEqual(response.json()["error"]["errors"][0]["field"], "year")
        response = self.call(
            "GET",
            f"{self.portal_url}/@coverage",
            user=ADMIN,
            language="zh-CN",
            params={"year": "abc"},
        )
        self.assertEqual(response.status_code, 400, response.text)
        self.assertIn("预算年度", response.json()["error"]["errors"][0]["message"])

    def test_district_staff_see_only_their_jurisdiction(self):
        response = self.coverage(user=DISTRICT_USER, year=2019)
        self.assertEqual(response.status_code, 200, response.text)
        items = response.json()["items"]
        self.assertEqual([item["title"] for item in items], ["武陵区"])
        self.assertTrue(items[0]["met"])
        # and nothing of the municipal level through its jurisdiction
        response = self.coverage(
            url=self.city["municipal"].absolute_url(), user=DISTRICT_USER, year=2019
        )
        self.assertIn(response.status_code, (401, 403, 404))

    def test_office_sees_every_jurisdiction(self):
        response = self.coverage(user=OFFICE_USER, year=2019)
        self.assertEqual(len(response.json()["items"]), 2)

    def test_anonymous_sees_no_jurisdiction(self):
        response = self.coverage(user=None, year=2019)
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(response.json()["items"], [])


# --- @declaration-check -------------------------------------------------------


class TestDeclarationCheck(ServiceTestCase):
    def test_project_without_indicators(self):
        project = create_project(self.city["unit_a"], id="bare", indicators=0)
        transaction.commit()
        response = self.call("GET", f"{project.absolute_url()}/@declaration-check")
        self.assertEqual(response.status_code, 200, response.text)
        body = response.json()
        self.assertEqual([v["field"] for v in body["submission"]], ["indicators"], body)
        violation = body["submission"][0]
        self.assertEqual(violation["code"], "gate_indicators_missing")
        self.assertEqual(violation["params"], {"count": "0"})
        self.assertIn("indicators", violation["message"])
        self.assertIn("indicators", [v["field"] for v in body["approval"]])

    def test_in_chinese_for_chinese_users(self):
        project = create_project(self.city["unit_a"], id="bare", indicators=0)
        transaction.commit()
        response = self.call(
            "GET", f"{project.absolute_url()}/@declaration-check", language="zh-CN"
        )
        self.assertIn("绩效指标", response.json()["submission"][0]["message"])

    def test_a_complete_project_passes(self):
        project = create_project(self.city["unit_a"], id="ok", indicators=3)
        transaction.commit()
        body = self.call("GET", f"{project.absolute_url()}/@declaration-check").json()
        self.assertEqual(body["submission"], [])
        self.assertEqual(body["approval"], [])

    def test_other_units_and_anonymous_cannot_check(self):
        project = create_project(self.city["unit_a"], id="bare", indicators=0)
        transaction.commit()
        url = f"{project.absolute_url()}/@declaration-check"
        self.assertIn(
            self.call("GET", url, user=UNIT_B_USER).status_code, (401, 403, 404)
        )
        self.assertIn(self.call("GET", url, user=None).status_code, (401, 403, 404))


# --- the indicator library ----------------------------------------------------


class LibraryTestCase(ServiceTestCase):
    def setUp(self):
        super().setUp()
        self.library = api.content.create(
            container=self.portal,
            type="IndicatorLibrary",
            id="library",
            title="指标库",
        )
        self.templates = [
            api.content.create(
                container=self.library,
                type="IndicatorTemplate",
                id=f"template-{number}",
                title=title,
                level1=level1,
                level2=level2,
                unit=unit,
                comparator=comparator,
                sector="教育",
            )
            for number, (title, level1, level2, unit, comparator) in enumerate(
                (
                    ("学校改造数量", "产出指标", "数量指标", "所", "ge"),
                    ("家长满意度", "满意度指标", "服务对象满意度指标", "%", "ge"),
                    ("办学条件改善", "效益指标", "社会效益指标", None, "qualitative"),
                )
            )
        ]
        self.uids = [api.content.get_uuid(template) for template in self.templates]


class TestAddIndicators(LibraryTestCase):
    def setUp(self):
        super().setUp()
        self.project = create_project(self.city["unit_a"], id="a", indicators=0)
        self.url = f"{self.project.absolute_url()}/@add-indicators"
        transaction.commit()

    def indicators(self):
        transaction.begin()
        return {
            brain.Title: brain.getObject()
            for brain in api.content.find(
                context=self.project, portal_type="Indicator", unrestricted=True
            )
        }

    def test_unit_staff_add_indicators_from_templates(self):
        response = self.call("POST", self.url, json={"templates": self.uids})
        self.assertEqual(response.status_code, 201, response.text)
        body = response.json()
        self.assertEqual(body["items_total"], 3)
        self.assertEqual(
            [item["title"] for item in body["items"]],
            ["学校改造数量", "家长满意度", "办学条件改善"],
        )
        self.assertEqual([item["template"] for item in body["items"]], self.uids)
        for item in body["items"]:
            self.assertTrue(item["@id"].startswith(self.project.absolute_url() + "/"))
            self.assertEqual(item["@type"], "Indicator")
        indicators = self.indicators()
        self.assertEqual(len(indicators), 3)
        school = indicators["学校改造数量"]
        self.assertEqual(
            (school.level1, school.level2, school.unit, school.comparator),
            ("产出指标", "数量指标", "所", "ge"),
        )
        self.assertTrue(school.quantifiable)
        self.assertFalse(indicators["办学条件改善"].quantifiable)
        self.assertEqual(indicators["办学条件改善"].comparator, "qualitative")
        # the indicators are the project's, read over REST by their unit
        response = self.call("GET", body["items"][0]["@id"])
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(response.json()["level2"]["title"], "数量指标")

    def test_target_values_per_template(self):
        body = {
            "templates": [
                {"template": self.uids[0], "target_value": "20"},
                {"template": self.uids[1], "target_value": 95},
                {"template": self.uids[2], "target_value": "明显改善"},
            ]
        }
        response = self.call("POST", self.url, json=body)
        self.assertEqual(response.status_code, 201, response.text)
        items = response.json()["items"]
        self.assertEqual(
            [(i["target_value"], i["quantifiable"]) for i in items],
            [("20", True), ("95", True), ("明显改善", False)],
        )
        indicators = self.indicators()
        self.assertEqual(indicators["学校改造数量"].target_value, "20")
        # a template without a target, next to ones with: still optional
        response = self.call(
            "POST",
            self.url,
            json={"templates": [self.uids[0], {"template": self.uids[1]}]},
        )
        self.assertEqual(response.status_code, 201, response.text)
        self.assertEqual(
            [i["target_value"] for i in response.json()["items"]], [None, None]
        )

    def test_a_target_that_is_no_number_adds_nothing(self):
        body = {
            "templates": [
                {"template": self.uids[0], "target_value": "20"},
                {"template": self.uids[1], "target_value": "九成"},
            ]
        }
        response = self.call("POST", self.url, json=body, language="zh-CN")
        self.assertEqual(response.status_code, 400, response.text)
        (error,) = response.json()["error"]["errors"]
        self.assertEqual(
            (error["field"], error["index"], error["uid"]),
            ("target_value", 1, self.uids[1]),
        )
        self.assertIn("九成", error["message"])
        self.assertEqual(self.count("Indicator"), 0)

    def test_one_bad_uid_adds_nothing(self):
        before = self.count("Indicator")
        uids = [self.uids[0], "no-such-uid", self.uids[1]]
        response = self.call("POST", self.url, json={"templates": uids})
        self.assertEqual(response.status_code, 400, response.text)
        error = response.json()["error"]
        self.assertEqual(error["type"], "BadRequest")
        self.assertEqual(len(error["errors"]), 1)
        item = error["errors"][0]
        self.assertEqual(
            (item["index"], item["field"], item["uid"]), (1, "templates", "no-such-uid")
        )
        self.assertIn("no-such-uid", item["message"])
        self.assertEqual(self.count("Indicator"), before)

    def test_a_uid_that_is_not_a_template_adds_nothing(self):
        library_uid = api.content.get_uuid(self.library)
        response = self.call(
            "POST", self.url, json={"templates": [self.uids[0], library_uid, 7]}
        )
        self.assertEqual(response.status_code, 400, response.text)
        errors = response.json()["error"]["errors"]
        self.assertEqual([e["index"] for e in errors], [1, 2])
        self.assertIn("IndicatorLibrary", errors[0]["message"])
        self.assertEqual(self.count("Indicator"), 0)

    def test_templates_are_required(self):
        for body in ({}, {"templates": []}, {"templates": "uid"}):
            response = self.call("POST", self.url, json=body)
            self.assertEqual(response.status_code, 400, response.text)
            self.assertEqual(
                response.json()["error"]["errors"][0]["field"], "templates"
            )
        response = self.call("POST", self.url, data="not json")
        self.assertEqual(response.status_code, 400, response.text)
        self.assertEqual(self.count("Indicator"), 0)

    def test_another_units_staff_cannot_add(self):
        response = self.call(
            "POST", self.url, user=UNIT_B_USER, json={"templates": self.uids}
        )
        self.assertIn(response.status_code, (401, 403), response.text)
        self.assertEqual(self.count("Indicator"), 0)

    def test_anonymous_cannot_add(self):
        response = self.call("POST", self.url, user=None, json={"templates": self.uids})
        self.assertEqual(response.status_code, 401, response.text)
        self.assertEqual(self.count("Indicator"), 0)

    def test_no_indicators_added_once_submitted(self):
        self.call("POST", self.url, json={"templates": self.uids[:1]})
        response = self.call("POST", f"{self.project.absolute_url()}/@workflow/submit")
        self.assertEqual(response.status_code, 200, response.text)
        response = self.call("POST", self.url, json={"templates": self.uids[1:]})
        self.assertEqual(response.status_code, 403, response.text)
        self.assertIn("submitted", response.json()["error"]["message"])
        self.assertEqual(self.count("Indicator"), 1)

    def test_the_office_adds_to_any_unit(self):
        response = self.call(
            "POST", self.url, user=OFFICE_USER, json={"templates": self.uids[:2]}
        )
        self.assertEqual(response.status_code, 201, response.text)
        self.assertEqual(self.count("Indicator"), 2)


class TestCopyToLibrary(LibraryTestCase):
    def setUp(self):
        super().setUp()
        # an approved project with three indicators (指标 1..3, 产出指标/数量指标)
        self.approved = create_project(self.city["unit_a"], id="approved", indicators=3)
        for transition in ("submit", "review", "approve"):
            api.content.transition(obj=self.approved, transition=transition)
        # the library already holds 指标 2 under the same level 2
        api.content.create(
            container=self.library,
            type="IndicatorTemplate",
            id="existing",
            title="指标 2",
            level1="产出指标",
            level2="数量指标",
            comparator="ge",
            sector="教育",
        )
        self.draft = create_project(self.city["unit_a"], id="draft", indicators=2)
        self.body = {"library": api.content.get_uuid(self.library), "sector": "教育"}
        transaction.commit()

    def copy(self, project, user=OFFICE_USER, body=None):
        return self.call(
            "POST",
            f"{project.absolute_url()}/@copy-to-library",
            user=user,
            json=self.body if body is None else body,
        )

    def library_templates(self):
        transaction.begin()
        return {
            brain.getId: brain.getObject()
            for brain in api.content.find(
                context=self.library, portal_type="IndicatorTemplate", unrestricted=True
            )
        }

    def test_office_copies_an_approved_projects_indicators(self):
        before = len(self.library_templates())
        response = self.copy(self.approved)
        self.assertEqual(response.status_code, 201, response.text)
        body = response.json()
        self.assertEqual(body["library"], self.library.absolute_url())
        self.assertEqual(body["sector"], "教育")
        self.assertEqual(
            [item["title"] for item in body["items"]], ["指标 1", "指标 3"]
        )
        self.assertEqual([item["title"] for item in body["skipped"]], ["指标 2"])
        self.assertEqual(
            body["skipped"][0]["template"], f"{self.library.absolute_url()}/existing"
        )
        self.assertIn("指标 2", body["skipped"][0]["message"])
        templates = self.library_templates()
        self.assertEqual(len(templates), before + 2)
        created = [t for t in templates.values() if t.title == "指标 1"]
        self.assertEqual(len(created), 1)
        template = created[0]
        self.assertEqual(
            (template.level1, template.level2, template.unit, template.comparator),
            ("产出指标", "数量指标", "所", "ge"),
        )
        self.assertEqual(template.sector, "教育")
        # a second copy only skips
        response = self.copy(self.approved)
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(response.json()["items"], [])
        self.assertEqual(len(response.json()["skipped"]), 3)
        self.assertEqual(len(self.library_templates()), before + 2)

    def test_a_draft_is_refused(self):
        before = len(self.library_templates())
        response = self.copy(self.draft)
        self.assertEqual(response.status_code, 400, response.text)
        error = response.json()["error"]
        self.assertEqual(error["type"], "BadRequest")
        self.assertIn("approved", error["message"])
        self.assertIn('this project is "Draft"', error["message"])
        self.assertEqual(len(self.library_templates()), before)

    def test_unit_staff_may_not_grow_the_library(self):
        before = len(self.library_templates())
        response = self.copy(self.approved, user=UNIT_A_USER)
        self.assertEqual(response.status_code, 403, response.text)
        self.assertEqual(response.json()["error"]["type"], "Unauthorized")
        self.assertEqual(len(self.library_templates()), before)

    def test_anonymous_is_refused(self):
        response = self.copy(self.approved, user=None)
        self.assertEqual(response.status_code, 401, response.text)

    def test_library_and_sector_are_required(self):
        before = len(self.library_templates())
        response = self.copy(self.approved, body={"library": "nope", "sector": " "})
        self.assertEqual(response.status_code, 400, response.text)
        errors = response.json()["error"]["errors"]
        self.assertEqual([e["field"] for e in errors], ["library", "sector"])
        project_uid = api.content.get_uuid(self.approved)
        response = self.copy(
            self.approved, body={"library": project_uid, "sector": "教育"}
        )
        self.assertEqual(response.status_code, 400, response.text)
        self.assertEqual(len(self.library_templates()), before)

    def test_admin_copies_too(self):
        response = self.copy(self.approved, user=ADMIN)
        self.assertEqual(response.status_code, 201, response.text)
