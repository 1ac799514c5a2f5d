"""POST @elimination on an expert or agency library, for the ranking of
``"year"`` (the ratings given that year; default: this year).

- ``{"propose": true}``: mark the year's proposals ``proposed_for_removal``
  (and the others back to ``active``).
- ``{"decisions": [{"member": "<id>", "decision": "remove"|"keep",
  "reason": "..."}]}``: confirm. Every proposed member needs a decision;
  keeping a proposed member or removing another one needs a reason. All or
  nothing: 400 with an error per member and nothing written.
"""

import transaction
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.interface import alsoProvides

from changde.perfmgmt.core.rest import FieldError
from changde.perfmgmt.core.rest import InputRefused
from changde.perfmgmt.core.rest import json_body
from changde.perfmgmt.i18n import _
from changde.perfmgmt.libraries.members import confirm_elimination
from changde.perfmgmt.libraries.members import elimination_as_json
from changde.perfmgmt.libraries.members import mark_proposed
from changde.perfmgmt.libraries.services import NOTHING_WRITTEN
from changde.perfmgmt.libraries.services import bad_year
from changde.perfmgmt.libraries.services import year_of


def parse_decisions(items):
    """{member id: (decision, reason)} from the body's list, or None."""
    if not isinstance(items, list):
        return None
    decisions = {}
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("member"), str):
            return None
        decisions[item["member"]] = (item.get("decision"), item.get("reason") or "")
    return decisions


class EliminationPost(Service):
    def reply(self):
        alsoProvides(self.request, IDisableCSRFProtection)
        data = json_body(self.request)
        year = year_of(data.get("year"))
        if year is False:
            return bad_year(self.request)
        if data.get("propose") is True:
            proposed = mark_proposed(self.context, year=year)
            answer = elimination_as_json(self.context, year=year)
            answer["marked"] = proposed
            return answer
        decisions = parse_decisions(data.get("decisions"))
        if decisions is None:
            message = _(
                "elimination_decisions_required",
                default='请给出决定:"decisions" 为列表,每项包含 member、'
                "decision(remove 或 keep)和 reason。",
            )
            raise InputRefused(
                message,
                [FieldError("decisions", message)],
            )
        violations, run = confirm_elimination(
            self.context, decisions, api.user.get_current().getId(), year=year
        )
        if violations:
            transaction.doom()
            raise InputRefused(
                NOTHING_WRITTEN,
                violations,
            )
        answer = elimination_as_json(self.context, year=year)
        answer["confirmed"] = run
        return answer
