"""The permission matrix (issue 16 point 6): every type the add-on installs ×
every state of its workflow × every principal × every action — view,
search, write each protected field, each transition, each custom service —
against the answer the table in ``tests/core/matrix.py`` expects, over real
HTTP on one site. A type or a state without rows fails with what to add.

An action the table allows must succeed (a service may still answer 400
for the deliberately bad body it is sent); one it does not allow must be
refused with 401, 403 or 404 (a field the user may not write: 400 naming
it); a 5xx is always a failure. All mismatches are reported at once."""

import unittest

import requests
import transaction
from DateTime import DateTime
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from tests.core.matrix import MATRIX
from tests.core.matrix import PRINCIPALS
from tests.core.matrix import SITE_SERVICES
from tests.core.matrix import Call
from tests.core.matrix import Fixture
from tests.core.matrix import installed_types
from tests.core.matrix import refusal_message

from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_INTEGRATION_TESTING
from changde.perfmgmt.testing import PASSWORD

DENIED = (401, 403, 404)
#: a field the user may not write is refused by name (or the whole request is)
FIELD_DENIED = (400, *DENIED)


def workflow_of(portal_type):
    workflows = api.portal.get_tool("portal_workflow").getChainForPortalType(
        portal_type
    )
    if not workflows:
        return None
    return api.portal.get_tool("portal_workflow")[workflows[0]]


def states_of(portal_type):
    workflow = workflow_of(portal_type)
    return [None] if workflow is None else sorted(workflow.states.objectIds())


def missing_rows(portal):
    """What the table lacks for the installed types, as instructions."""
    problems = []
    for portal_type in installed_types(portal):
        rows = MATRIX.get(portal_type)
        if rows is None:
            problems.append(
                f"{portal_type}: no rows. Add one line to MATRIX in "
                f'tests/core/matrix.py, e.g. "{portal_type}": '
                f'office_only(made_in("<container path>", title="…"), '
                f"states={tuple(states_of(portal_type))!r}) — or Rows(...) with "
                "who may view, write, transition in each state."
            )
            continue
        for state in states_of(portal_type):
            if state not in rows.states:
                problems.append(
                    f'{portal_type}: state "{state}" has no row. Add '
                    f"State(view=..., write=..., transitions=...) under "
                    f'MATRIX["{portal_type}"].states["{state}"].'
                )
    for portal_type in MATRIX:
        if portal_type not in installed_types(portal):
            problems.append(f"{portal_type}: in MATRIX but not installed; remove it.")
    return problems


class TestMatrixCoversEveryType(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_INTEGRATION_TESTING

    def test_every_installed_type_and_state_has_rows(self):
        problems = missing_rows(self.layer["portal"])
        self.assertFalse(problems, "\n" + "\n".join(problems))


class TestPermissionMatrix(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.fixture = Fixture(self.portal)
        transaction.commit()
        self.sessions = {}
        for principal, user in PRINCIPALS.items():
            session = requests.Session()
            session.headers.update(
                {"Accept": "application/json", "Accept-Language": "en"}
            )
            if user is not None:
                session.auth = (user, PASSWORD)
            self.sessions[principal] = session
        self.failures = []
        self.checked = 0

    def tearDown(self):
        for session in self.sessions.values():
            session.close()

    # --- helpers -------------------------------------------------------------

    def send(self, principal, method, url, **kwargs):
        # not the shared RestClient: the matrix sends thousands of requests,
        # each principal over its own kept-alive session, redirects not followed
        return self.sessions[principal].request(
            method, url, timeout=60, allow_redirects=False, **kwargs
        )

    def fail_later(self, where, principal, action, expected, response):
        self.failures.append(
            f"{where} {principal:<10} {action}: expected {expected}, got "
            f"{response.status_code} {response.text[:160]!r}"
        )

    def check(
        self,
        where,
        principal,
        action,
        allowed,
        response,
        ok=(200, 201, 204),
        refused=DENIED,
    ):
        self.checked += 1
        status = response.status_code
        if status >= 500:
            self.fail_later(where, principal, action, "no 5xx", response)
        elif allowed and status not in ok:
            self.fail_later(where, principal, action, f"one of {ok}", response)
        elif not allowed and status not in refused:
            self.fail_later(where, principal, action, f"one of {refused}", response)
        elif status >= 400 and not refusal_message(response):
            self.fail_later(where, principal, action, "a message", response)

    def set_state(self, obj, state):
        transaction.begin()
        workflow = workflow_of(obj.portal_type)
        if workflow is None or state is None:
            return
        wftool = api.portal.get_tool("portal_workflow")
        status = dict(wftool.getStatusOf(workflow.getId(), obj) or {})
        status.update(
            review_state=state,
            action="matrix",
            actor="admin",
            comments="",
            time=DateTime(),
        )
        wftool.setStatusOf(workflow.getId(), obj, status)
        workflow.updateRoleMappingsFor(obj)
        obj.reindexObject()
        obj.reindexObjectSecurity()
        transaction.commit()

    def restore(self, obj, name, value):
        transaction.begin()
        setattr(obj, name, value)
        obj.reindexObject()
        transaction.commit()

    # --- the run ---------------------------------------------------------------

    def test_the_matrix(self):
        self.assertFalse(missing_rows(self.portal))
        for portal_type in installed_types(self.portal):
            rows = MATRIX[portal_type]
            transaction.begin()
            obj = rows.make(self.fixture, portal_type)
            transaction.commit()
            for state in states_of(portal_type):
                self.set_state(obj, state)
                self.run_state(portal_type, rows, obj, state)
        portal_url = self.portal.absolute_url()
        for principal in PRINCIPALS:
            for name, allowed in SITE_SERVICES.items():
                self.run_service(
                    "site root", principal, portal_url, name, None, principal in allowed
                )
        self.assertGreater(self.checked, 3000)  # every row was asked
        self.assertFalse(
            self.failures,
            f"\n{len(self.failures)} answers differ from tests/core/matrix.py:\n"
            + "\n".join(self.failures),
        )

    def run_state(self, portal_type, rows, obj, state):
        row = rows.states[state]
        where = f"{portal_type}[{state}]"
        url = obj.absolute_url()
        uid = obj.UID()
        may_make = self.who_may_make(rows)
        workflow = workflow_of(portal_type)
        for principal in PRINCIPALS:
            viewer = principal in row.view
            self.check(
                where, principal, "GET", viewer, self.send(principal, "GET", url)
            )
            found = self.send(
                principal,
                "GET",
                f"{self.portal.absolute_url()}/@search",
                params={"UID": uid, "portal_type": portal_type},
            )
            self.checked += 1
            if found.status_code != 200 or found.json()["items_total"] != int(viewer):
                self.fail_later(where, principal, "@search", f"found={viewer}", found)
            for name, value in rows.fields.items():
                allowed = principal in row.write.get(name, ())
                transaction.begin()
                before = obj.__dict__.get(name)
                response = self.send(principal, "PATCH", url, json={name: value})
                self.check(
                    where,
                    principal,
                    f"PATCH {name}",
                    allowed,
                    response,
                    ok=FIELD_OK,
                    refused=FIELD_DENIED,
                )
                if response.status_code < 300:
                    self.restore(obj, name, before)
            if workflow is not None:
                for transition in sorted(workflow.transitions.objectIds()):
                    self.run_transition(
                        where, principal, obj, state, row, transition, may_make
                    )
            for name, body in rows.services.items():
                allowed = principal in row.services.get(name, ())
                self.run_service(where, principal, url, name, body, allowed)

    def who_may_make(self, rows):
        may = {}
        for row in rows.states.values():
            for transition, principals in row.transitions.items():
                may.setdefault(transition, set()).update(principals)
        return may

    def run_transition(self, where, principal, obj, state, row, transition, may_make):
        workflow = workflow_of(obj.portal_type)
        destination = workflow.transitions[transition].new_state_id
        if transition in row.transitions:
            allowed = principal in row.transitions[transition]
        elif destination == state:  # already there: a success for who may
            allowed = (
                principal in may_make.get(transition, ()) and principal in row.view
            )
        else:
            allowed = False
        response = self.send(
            principal,
            "POST",
            f"{obj.absolute_url()}/@workflow/{transition}",
            json={"comment": "matrix"},
        )
        # refused: 403 when the user may not, 400 when it does not leave the
        # state; both say why
        self.check(
            where,
            principal,
            f"@workflow/{transition}",
            allowed,
            response,
            refused=(400, *DENIED),
        )
        if response.status_code == 200:
            self.set_state(obj, state)

    def run_service(self, where, principal, url, name, call, allowed):
        if not isinstance(call, Call):
            call = Call(call)
        method, path = name.split(" ", 1)
        target = url if path.startswith("(") else f"{url}/{path}"
        kwargs = {} if call.body is None else {"json": call.body}
        response = self.send(principal, method, target, **kwargs)
        # a service that may be called answers; the bodies sent are mostly
        # wrong on purpose (nothing is created), so 400 counts as answered
        self.check(where, principal, name, allowed, response, ok=call.ok)


FIELD_OK = (200, 204)
