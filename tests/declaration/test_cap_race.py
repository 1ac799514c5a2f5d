"""The special-fund cap holds when two approvals run at the same moment
(R-M4, issue 17): two real transactions on two ZODB connections, each in its
own thread, both pass the gate (each sees one slot left), then commit at once.
The cap ledger makes the second commit conflict; Zope retries such a request,
and the retry is refused by the gate. The test checks the conflict is the
ledger's: on a year's real catalog the two approvals' index writes land in
different buckets and resolve, so without the ledger both would commit."""

import threading
import unittest

import transaction
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import noSecurityManager
from plone import api
from plone.app.testing import PLONE_SITE_ID
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from Products.CMFCore.WorkflowCore import WorkflowException
from Testing.makerequest import makerequest
from ZODB.POSException import ConflictError
from zope.component.hooks import setSite
from zope.globalrequest import clearRequest
from zope.globalrequest import setRequest

from changde.perfmgmt.declaration import gates
from changde.perfmgmt.declaration.cap_guard import SpecialFundCapLedger
from changde.perfmgmt.testing import CHANGDE_PERFMGMT_FUNCTIONAL_TESTING
from changde.perfmgmt.testing import create_city
from changde.perfmgmt.testing import create_project

CAP = 2


class Approval(threading.Thread):
    """One request approving ``path`` on its own connection: gate, wait for
    the other, commit; on a conflict, retry once as Zope does."""

    def __init__(self, db, path, barrier):
        super().__init__()
        self.db, self.path, self.barrier = db, path, barrier
        self.outcome = []

    def approve_once(self, wait):
        connection = self.db.open()
        try:
            app = makerequest(connection.root()["Application"])
            portal = app[PLONE_SITE_ID]
            setSite(portal)
            setRequest(app.REQUEST)
            user = portal.acl_users.getUserById(TEST_USER_ID)
            newSecurityManager(None, user.__of__(portal.acl_users))
            project = portal.unrestrictedTraverse(self.path)
            workflow = portal.portal_workflow
            try:
                workflow.doActionFor(project, "approve")
            except WorkflowException as refusal:
                transaction.abort()
                self.outcome.append(("refused", str(refusal)))
                return
            finally:
                if wait:
                    self.barrier.wait(timeout=30)
            transaction.commit()
            self.outcome.append(("approved", None))
        finally:
            noSecurityManager()
            clearRequest()
            setSite(None)
            connection.close()

    def run(self):
        transaction.begin()
        try:
            self.approve_once(wait=True)
        except ConflictError as conflict:
            transaction.abort()
            self.outcome.append(("conflict", conflict.get_class_name()))
            transaction.begin()
            self.approve_once(wait=False)


class TestCapRace(unittest.TestCase):
    layer = CHANGDE_PERFMGMT_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        city = create_city(self.portal)
        api.portal.set_registry_record(
            "changde.perfmgmt.declaration.min_quantifiable_indicators", 0
        )
        api.portal.set_registry_record(
            "changde.perfmgmt.declaration.municipal_special_fund_cap", CAP
        )
        first = create_project(
            city["unit_a"], id="fund-1", is_special_fund=True, indicators=1
        )
        for transition in ("submit", "review", "approve"):
            api.content.transition(obj=first, transition=transition)
        self.paths = []
        for unit, id in ((city["unit_a"], "fund-2"), (city["unit_b"], "fund-3")):
            project = create_project(unit, id=id, is_special_fund=True, indicators=1)
            for transition in ("submit", "review"):
                api.content.transition(obj=project, transition=transition)
            self.paths.append("/".join(project.getPhysicalPath()))
        transaction.commit()

    def race(self):
        barrier = threading.Barrier(2)
        approvals = [Approval(self.layer["zodbDB"], p, barrier) for p in self.paths]
        for approval in approvals:
            approval.start()
        for approval in approvals:
            approval.join(timeout=60)
        transaction.begin()  # see what the two committed
        self.portal._p_jar.sync()
        return [approval.outcome for approval in approvals]

    def approved_count(self):
        return gates.municipal_special_fund_usage(2026)[0]

    def test_two_simultaneous_approvals_of_the_last_slot_one_is_refused(self):
        outcomes = self.race()
        kinds = sorted(step[0] for outcome in outcomes for step in outcome)
        # one commits; the other conflicts, and its retry is refused by the gate
        self.assertEqual(kinds, ["approved", "conflict", "refused"], outcomes)
        # and the conflict is the ledger's, not an accident of a small catalog
        conflicts = [
            name for outcome in outcomes for kind, name in outcome if kind == "conflict"
        ]
        self.assertEqual(
            conflicts, [f"{SpecialFundCapLedger.__module__}.SpecialFundCapLedger"]
        )
        (refusal,) = [
            text for outcome in outcomes for kind, text in outcome if kind == "refused"
        ]
        self.assertIn(str(CAP), refusal)
        self.assertEqual(self.approved_count(), CAP)


if __name__ == "__main__":
    unittest.main()
