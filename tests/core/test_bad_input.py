"""Bad input everywhere (issue 16 point 6): the values a hostile or careless
client sends — "abc", NaN, Infinity, 1e400, 1E+70, 1e-999999, lists and
objects where one value belongs, impossible dates, unknown choices — thrown
at every field of every type the add-on installs (the objects of the
permission matrix, ``tests/core/matrix.py``) and bad bodies and query
parameters at every custom service. A 5xx is always a failure; a number, a
date or a choice that cannot be read is a 400 naming its field; every
refusal has a message; nothing is written. All problems are reported at
once."""

import json
import unittest

import requests
import transaction
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.dexterity.utils import iterSchemata
from tests.core.matrix import MATRIX
from tests.core.matrix import SITE_SERVICES
from tests.core.matrix import Fixture
from tests.core.matrix import installed_types
from tests.core.matrix import refusal_message
from zope.schema import getFields
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IDate
from zope.schema.interfaces import IDatetime
from zope.schema.interfaces import IDecimal
from zope.schema.interfaces import IFloat
from zope.schema.interfaces import IInt

from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING

#: JSON values (and raw JSON tokens, as text after "raw:") no number takes
NOT_NUMBERS = (
    "abc",
    "NaN",
    "Infinity",
    "-Infinity",
    "1E+70",
    "1e-999999",
    "1e999999999",
    [1],
    {"a": 1},
    True,
    10**30,
    "raw:1e400",
    "raw:NaN",
    "raw:-Infinity",
)
NOT_DATES = ("abc", "2026-13-45", "2026-02-30", [1], {"a": 1}, True, 12345, "raw:1e400")
NOT_CHOICES = ("no-such-value", [1], {"a": 1}, 12345, "raw:NaN")
#: thrown at every other field: must never break anything
ANYTHING = ([1, [2, {"a": None}]], {"a": [1]}, "raw:1e400", "x" * 20000, 1e300)

#: what a service is sent: bodies and query strings
BODIES = (
    "{not json",
    "[1, 2]",
    '"text"',
    "null",
    json.dumps({"a": json.loads("[" * 30 + "]" * 30)}),
    "[" * 3000 + "]" * 3000,
    json.dumps({"year": [1], "rows": "x", "reports": {"a": 1}, "templates": 5}),
    json.dumps(
        {
            "year": "1E+70",
            "rows": [None, 1, "x", {"a": [1]}, {"budget_amount": "NaN"}],
            "reports": [None, {"scores": {"goal_completion": "Infinity"}}],
            "templates": [None, {"template": [1]}],
            "decisions": [None, {"member": 1}],
            "score": "NaN",
            "date": "2026-13-45",
            "file": 5,
            "library": ["x"],
            "sector": {"a": 1},
            "as_of": [1],
            "propose": "yes",
        }
    ),
)
UNREADABLE_BODIES = (BODIES[0], BODIES[5])
QUERIES = (
    "year=2026&year=2027",
    "year:list=2026",
    "year:int=abc",
    "year=1E%2B70",
    "year=later",
    "flag=a&flag=b",
    "sort_on=title&sort_on=rate",
    "jurisdiction:list=a&budget_unit:record=b",
    "b_start:int=abc",
)


class _SiteRows:
    """The site root's services, called as a row's are."""

    services = SITE_SERVICES


def kind_of(field):
    if IInt.providedBy(field) or IDecimal.providedBy(field) or IFloat.providedBy(field):
        return "number"
    if IDate.providedBy(field) or IDatetime.providedBy(field):
        return "date"
    if IChoice.providedBy(field) or (
        ICollection.providedBy(field) and IChoice.providedBy(field.value_type)
    ):
        return "choice"
    return None


def body_of(name, value):
    if isinstance(value, str) and value.startswith("raw:"):
        return f'{{"{name}": {value[4:]}}}'
    return json.dumps({name: value})


class TestBadInput(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.fixture = Fixture(self.portal)
        transaction.commit()
        self.session = requests.Session()
        self.session.auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
        self.session.headers.update(
            {
                "Accept": "application/json",
                "Accept-Language": "en",
                "Content-Type": "application/json",
            }
        )
        self.problems = []
        self.sent = 0

    def tearDown(self):
        self.session.close()

    def send(self, method, url, data=None):
        self.sent += 1
        response = self.session.request(
            method, url, data=data, timeout=60, allow_redirects=False
        )
        if 400 <= response.status_code < 500 and not refusal_message(response):
            self.note(method, url, response, "a refusal with a message")
        return response

    def note(self, where, what, response, expected):
        self.problems.append(
            f"{where} {what}: expected {expected}, got {response.status_code} "
            f"{response.text[:200]!r}"
        )

    def test_every_field_and_service(self):
        for portal_type in installed_types(self.portal):
            rows = MATRIX[portal_type]
            transaction.begin()
            obj = rows.make(self.fixture, portal_type)
            transaction.commit()
            self.fields(portal_type, obj)
            self.services(portal_type, obj, rows)
        self.services("site root", self.portal, _SiteRows)
        self.content_posts()
        self.pages()
        self.assertGreater(self.sent, 1000)
        self.assertFalse(
            self.problems,
            f"\n{len(self.problems)} bad inputs were not refused as they should:\n"
            + "\n".join(self.problems),
        )

    def fields(self, portal_type, obj):
        url = obj.absolute_url()
        seen = set()
        for schema in iterSchemata(obj):
            for name, field in getFields(schema).items():
                # the id renames (tried in content_posts); the change note is
                # no field of the item
                if name in seen or name in ("changeNote", "id"):
                    continue
                seen.add(name)
                kind = kind_of(field)
                values = {
                    "number": NOT_NUMBERS,
                    "date": NOT_DATES,
                    "choice": NOT_CHOICES,
                }.get(kind, ANYTHING)
                for value in values:
                    response = self.send("PATCH", url, body_of(name, value))
                    where = f"{portal_type}.{name}"
                    shown = repr(value)[:40]
                    if response.status_code >= 500:
                        self.note(where, shown, response, "no 5xx")
                    elif kind is not None and not self.names(response, name):
                        self.note(where, shown, response, f"400 naming {name}")

    def names(self, response, name):
        if response.status_code != 400:
            return False
        errors = response.json().get("error", {}).get("errors", [])
        return name in {error.get("field") for error in errors} or any(
            error.get("code", "").startswith("body_") for error in errors
        )

    def services(self, portal_type, obj, rows):
        url = obj.absolute_url()
        for name in rows.services:
            method, path = name.split(" ", 1)
            path = path.split("?")[0]
            target = url if path.startswith("(") else f"{url}/{path}"
            where = f"{portal_type} {name}"
            if method in ("POST", "PATCH"):
                for body in BODIES:
                    response = self.send(method, target, body)
                    # not JSON, or too deep: refused before any service reads
                    # it; other bodies: refused by the services that read them
                    refused = body in UNREADABLE_BODIES
                    if response.status_code >= 500 or (
                        refused and response.status_code != 400
                    ):
                        self.note(where, repr(body)[:40], response, "400")
            for query in QUERIES:
                response = self.send(method, f"{target}?{query}")
                if response.status_code >= 500:
                    self.note(where, query, response, "no 5xx")

    def content_posts(self):
        """Adding content: a bad @type, id or title, and bad fields at once."""
        unit = self.fixture.city["unit_a"].absolute_url()
        for body in (
            {"@type": ["BudgetProject"]},
            {"@type": {"a": 1}},
            {"@type": "BudgetProject", "id": 5, "title": "x"},
            {"@type": "BudgetProject", "id": ["x"], "title": "x"},
            {"@type": "BudgetProject", "title": ["x"], "year": "abc", "amount": "NaN"},
            {"@type": "NoSuchType", "title": "x"},
            {"@type": "BudgetProject", "title": "x", "layout": ["x"]},
            {"@type": "BudgetProject", "title": "x", "ordering": {"obj_id": 1}},
        ):
            response = self.send("POST", unit, json.dumps(body))
            if response.status_code >= 500 or response.status_code < 400:
                self.note("POST unit", repr(body)[:60], response, "4xx")
        project = self.fixture.approved.absolute_url()
        for body in (
            {"id": ["x"]},
            {"id": {"a": 1}},
            {"layout": ["x"]},
            {"layout": "no-such-view"},
            {"ordering": {"obj_id": ["x"], "delta": "up"}},
            {"ordering": "x"},
        ):
            response = self.send("PATCH", project, json.dumps(body))
            if response.status_code >= 500 or response.status_code < 400:
                self.note("PATCH project", repr(body)[:60], response, "4xx")
        for transition_body in ('{"comment": [1]}', '{"comment": 5}', "[1]", "{x"):
            response = self.send("POST", f"{project}/@workflow/submit", transition_body)
            if response.status_code >= 500 or response.status_code < 400:
                self.note("@workflow", transition_body, response, "4xx")

    def pages(self):
        """Pages that took text into a catalog query or an export."""
        transaction.begin()
        project = self.fixture.approved
        monitoring_round = self.fixture.monitoring_round()
        monitoring_round.title = "第一轮\x0b<b>监控</b>"
        self.fixture.record().title = "记录\x01<script>"
        transaction.commit()
        for url in (
            f"{project.absolute_url()}/@@add-indicators?text=a(b",
            f"{project.absolute_url()}/@@add-indicators?text=not%20or%20%22",
            f"{project.absolute_url()}/@@add-indicators?text:list=a&sector:list=b",
            f"{monitoring_round.absolute_url()}/@@monitoring-export.xlsx",
            f"{monitoring_round.absolute_url()}/@@monitoring-export.xlsx?flag=a&flag=b",
        ):
            response = self.session.get(url, headers={"Accept": "text/html"})
            if response.status_code != 200:
                self.note("page", url, response, "200")
