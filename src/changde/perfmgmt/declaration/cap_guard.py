"""The special-fund cap holds under concurrent approvals (R-M4).

The approval gate counts the approved municipal special funds in the catalog.
Two approvals running at the same moment each see 89 and would both pass:
their catalog writes land in different BTree buckets, which ZODB resolves
without a conflict. So every approval the cap applies to also writes one
shared persistent object, the ledger. Of two such transactions committing at
once, ZODB refuses the second with a ``ConflictError``; Zope retries the
request, the retry counts the first approval and the gate refuses (a 4xx with
the rule's message). The ledger has no conflict resolution on purpose.

Approvals the cap does not apply to (district projects, ordinary projects)
never touch the ledger, so they never conflict here.
"""

from persistent import Persistent
from plone import api
from zope.annotation.interfaces import IAnnotations

LEDGER_KEY = "changde.perfmgmt.special_fund_cap_ledger"


class SpecialFundCapLedger(Persistent):
    """How many capped approvals went through this object: a write that
    makes concurrent capped approvals conflict (see the module)."""

    def __init__(self):
        self.approvals = 0
        self.last_approved = None

    def record(self, uid):
        self.approvals += 1
        self.last_approved = uid


def cap_ledger(portal=None):
    """The site's ledger, created on first use (two first uses at once
    conflict on the site's annotations, which is just as good)."""
    portal = portal if portal is not None else api.portal.get()
    annotations = IAnnotations(portal)
    ledger = annotations.get(LEDGER_KEY)
    if ledger is None:
        ledger = annotations[LEDGER_KEY] = SpecialFundCapLedger()
    return ledger


def hold_cap(project):
    """Record the approval of a capped project in the ledger."""
    cap_ledger().record(api.content.get_uuid(project))
